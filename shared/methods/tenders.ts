/** The tenders.* methods of the API contract (served from electron/tenders/). */
import { z } from 'zod';
import { id, version } from '../schemas/common';
import {
  amendmentInput,
  lotResultListQuery,
  lotResultPage,
  resultsInput,
  tenderCloseInput,
  tenderDetail,
  tenderInput,
  tenderListQuery,
  tenderPage,
} from '../schemas/tenders';
import { method, byId, done } from './method';

export const tendersMethods = {
  'tenders.list': method(tenderListQuery, tenderPage, 'One page of tenders, sorted and filtered.'),
  'tenders.get': method(byId, tenderDetail, 'One tender with its lots, results and amendments.'),
  'tenders.create': method(tenderInput, tenderDetail, 'Record a tender (project number unique).'),
  'tenders.update': method(
    z.object({ id, tender: tenderInput, version }),
    tenderDetail,
    'Correct a tender’s details; dates must keep their order.',
  ),
  'tenders.amend': method(
    amendmentInput,
    tenderDetail,
    'Apply an amendment notice (更正公告): the changed dates are recorded with their old values.',
  ),
  'tenders.recordResults': method(
    resultsInput,
    tenderDetail,
    'Record the award per lot (winner, price); refused before the opening. Moves the linked opportunity.',
  ),
  'tenders.close': method(
    tenderCloseInput,
    tenderDetail,
    'Mark a tender failed (流标/废标) or cancelled, with the reason.',
  ),
  'tenders.delete': method(byId, done, 'Delete a tender that no contract refers to.'),
  'tenders.lotResults': method(
    lotResultListQuery,
    lotResultPage,
    'Lot results with winners and prices: the competitor price history.',
  ),
} as const;
