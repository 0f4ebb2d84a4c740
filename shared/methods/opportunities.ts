/** The opportunities.* methods of the API contract (served from electron/opportunities/). */
import { z } from 'zod';
import { empty, id, version } from '../schemas/common';
import { auditEntry } from '../schemas/system';
import {
  board,
  boardQuery,
  opportunityDetail,
  opportunityInput,
  opportunityListQuery,
  opportunityPage,
  stageMove,
} from '../schemas/opportunities';
import { pageSchema } from '../list';
import { method, byId, done } from './method';

export const opportunitiesMethods = {
  'opportunities.list': method(
    opportunityListQuery,
    opportunityPage,
    'One page of opportunities, sorted and filtered (amount and weighted amount per row).',
  ),
  'opportunities.board': method(
    boardQuery,
    board,
    'The pipeline by stage: count, amount and weighted amount per stage and in total, with each stage’s first cards.',
  ),
  'opportunities.get': method(
    byId,
    opportunityDetail,
    'One opportunity with demand lines, contacts, competitors, stage history, tenders and contracts.',
  ),
  'opportunities.create': method(
    opportunityInput,
    opportunityDetail,
    'Open an opportunity on an account (stage 兴趣).',
  ),
  'opportunities.update': method(
    z.object({ id, opportunity: opportunityInput, version }),
    opportunityDetail,
    'Change an opportunity’s details (not its stage).',
  ),
  'opportunities.move': method(
    stageMove,
    opportunityDetail,
    'Move to a stage: lost needs a reason, won needs a final contract; kept in the stage history.',
  ),
  'opportunities.delete': method(
    byId,
    done,
    'Delete an opportunity that no tender, contract or activity refers to.',
  ),
  'opportunities.history': method(
    z.object({
      id,
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(200).default(50),
    }),
    pageSchema(auditEntry),
    'Audit entries about an opportunity, newest first.',
  ),
  'opportunities.competitorBrands': method(
    empty,
    z.array(z.string()),
    'The competitor brands named on the opportunities one may read, each once, for the grid’s filter.',
  ),
} as const;
