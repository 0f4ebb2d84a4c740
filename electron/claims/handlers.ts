import type { Deps } from '../app/deps';
import type { Handlers } from '../transport/dispatch';
import { buildDossier } from './dossier';
import { requireClaimRead, listClaims } from './repository';
import { teamScope } from '../accounts/account-team';
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
    // Specialists list their teams' accounts' claims; a rival's shows inside their own claim.
    'claims.list': (q, { session }) =>
      listClaims(db, { ...q, teamOf: teamScope(session.requireUser()) }),
    'claims.get': async ({ id }, { session }) => {
      await requireClaimRead(db, session.requireUser(), id);
      return mustGetClaim(db, dataDir, id);
    },
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
    'claims.dossier': async ({ id }, { session }) => {
      await requireClaimRead(db, session.requireUser(), id);
      return (await buildDossier(db, dataDir, id)).dossier;
    },
  };
}
