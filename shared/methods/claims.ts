/** The claims.* methods of the API contract (served from electron/claims/). */
import { z } from 'zod';
import { id, version } from '../schemas/common';
import {
  authorisationAnswerInput,
  authorisationRequestInput,
  claimDetail,
  claimInput,
  claimListQuery,
  claimPage,
  claimReplyInput,
  claimWishInput,
  externalClaimInput,
  settleOverlapInput,
} from '../schemas/claims';
import { dossier } from '../schemas/reports';
import { method, byId, done } from './method';

export const claimsMethods = {
  'claims.list': method(claimListQuery, claimPage, 'One page of claims (ours and other dealers’).'),
  'claims.get': method(
    byId,
    claimDetail,
    'One claim with its evidence, documents, ranked conflicts and what blocks filing.',
  ),
  'claims.create': method(claimInput, claimDetail, 'Start a draft claim on an account.'),
  'claims.update': method(
    z.object({ id, claim: claimInput, version }),
    claimDetail,
    'Change a draft claim (its claimant or a manager).',
  ),
  'claims.delete': method(byId, done, 'Delete a draft claim; filed claims stay on record.'),
  'claims.file': method(
    byId,
    claimDetail,
    'File a draft claim now (system clock): territory and conflicts are checked.',
  ),
  'claims.recordExternal': method(
    externalClaimInput,
    claimDetail,
    'Record the manufacturer’s word about another dealer’s claim on an account.',
  ),
  'claims.recordReply': method(
    claimReplyInput,
    claimDetail,
    'Record the manufacturer’s reply to a filed claim: approved or rejected, with its reference.',
  ),
  'claims.recordWish': method(
    claimWishInput,
    claimDetail,
    'Record the customer’s wish to buy through us (it ranks first in a conflict).',
  ),
  'claims.renew': method(byId, claimDetail, 'Extend an active claim by its protection period.'),
  'claims.release': method(
    z.object({ id, reason: z.string().trim().min(1).max(2000) }),
    claimDetail,
    'Give up an active claim.',
  ),
  'claims.requestAuthorisation': method(
    authorisationRequestInput,
    claimDetail,
    'Record the cross-territory authorisation request of a claim outside our territory.',
  ),
  'claims.answerAuthorisation': method(
    authorisationAnswerInput,
    claimDetail,
    'Managers: record the answer to a cross-territory authorisation request.',
  ),
  'claims.settleOverlap': method(
    settleOverlapInput,
    claimDetail,
    'Managers: settle an internal overlap — this claim keeps the organisation, our other claims on it are released.',
  ),
  'claims.dossier': method(
    byId,
    dossier,
    'The dated timeline of a claim’s development activities, documents and events (for arbitration).',
  ),
} as const;
