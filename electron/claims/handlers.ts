import type { Deps } from '../app/deps';
import type { Handlers } from '../transport/dispatch';
import { buildDossier } from './dossier';
import { listClaims } from './repository';
import {
  answerAuthorisation,
  createClaim,
  deleteClaim,
  fileClaim,
  mustGetClaim,
  recordExternalClaim,
  recordReply,
  recordWish,
  releaseClaim,
  renewClaim,
  requestAuthorisation,
  settleOverlap,
  updateClaim,
} from './service';

type ClaimHandlers = Pick<
  Handlers,
  | 'claims.list'
  | 'claims.get'
  | 'claims.create'
  | 'claims.update'
  | 'claims.delete'
  | 'claims.file'
  | 'claims.recordExternal'
  | 'claims.recordReply'
  | 'claims.recordWish'
  | 'claims.renew'
  | 'claims.release'
  | 'claims.requestAuthorisation'
  | 'claims.answerAuthorisation'
  | 'claims.settleOverlap'
  | 'claims.dossier'
>;

export function claimHandlers({ db, dataDir }: Deps): ClaimHandlers {
  return {
    // Reads never write: a claim past its protection reads as expired until the sweep records it.
    'claims.list': (q) => listClaims(db, q),
    'claims.get': ({ id }) => mustGetClaim(db, dataDir, id),
    'claims.create': (input, { session }) => createClaim(db, dataDir, session.requireUser(), input),
    'claims.update': ({ id, claim, version }, { session }) =>
      updateClaim(db, dataDir, session.requireUser(), id, claim, version),
    'claims.delete': async ({ id }, { session }) => {
      await deleteClaim(db, session.requireUser(), id);
      return { done: true };
    },
    'claims.file': ({ id }, { session }) => fileClaim(db, dataDir, session.requireUser(), id),
    'claims.recordExternal': (input, { session }) =>
      recordExternalClaim(db, dataDir, session.requireUser(), input),
    'claims.recordReply': (input, { session }) =>
      recordReply(db, dataDir, session.requireUser(), input),
    'claims.recordWish': ({ id, note }, { session }) =>
      recordWish(db, dataDir, session.requireUser(), id, note),
    'claims.renew': ({ id }, { session }) => renewClaim(db, dataDir, session.requireUser(), id),
    'claims.release': ({ id, reason }, { session }) =>
      releaseClaim(db, dataDir, session.requireUser(), id, reason),
    'claims.requestAuthorisation': (input, { session }) =>
      requestAuthorisation(db, dataDir, session.requireUser(), input),
    'claims.answerAuthorisation': (input, { session }) =>
      answerAuthorisation(db, dataDir, session.requireManager(), input),
    'claims.settleOverlap': (input, { session }) =>
      settleOverlap(db, dataDir, session.requireManager(), input),
    'claims.dossier': async ({ id }) => (await buildDossier(db, dataDir, id)).dossier,
  };
}
