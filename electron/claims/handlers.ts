import { chinaDate } from '../../shared/dates';
import type { Deps } from '../app/deps';
import type { Handlers } from '../transport/dispatch';
import { answerAuthorisation, requestAuthorisation } from './authorisation';
import { buildDossier } from './dossier';
import { createClaim, deleteClaim, updateClaim } from './drafts';
import { fileClaim, recordExternalClaim } from './filing';
import { settleOverlap } from './overlaps';
import { releaseClaim, renewClaim } from './protection';
import { mustGetClaim } from './record';
import { recordReply, recordWish } from './replies';
import { requireClaimRead, listClaims } from './repository';
import { teamScope } from '../accounts/account-team';

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

export function claimHandlers({ db, clock, dataDir }: Deps): ClaimHandlers {
  return {
    // Reads never write: a claim past its protection reads as expired until the sweep records it.
    // Specialists list their teams' accounts' claims; a rival's shows inside their own claim.
    'claims.list': (q, { session }) =>
      listClaims(db, { ...q, teamOf: teamScope(session.requireUser()) }, chinaDate(clock.now())),
    'claims.get': async ({ id }, { session }) => {
      await requireClaimRead(db, session.requireUser(), id);
      return mustGetClaim(db, clock, dataDir, id);
    },
    'claims.create': (input, { session }) =>
      createClaim(db, clock, dataDir, session.requireUser(), input),
    'claims.update': ({ id, claim, version }, { session }) =>
      updateClaim(db, clock, dataDir, session.requireUser(), id, claim, version),
    'claims.delete': async ({ id }, { session }) => {
      await deleteClaim(db, clock, session.requireUser(), id);
      return { done: true };
    },
    'claims.file': ({ id }, { session }) =>
      fileClaim(db, clock, dataDir, session.requireUser(), id),
    'claims.recordExternal': (input, { session }) =>
      recordExternalClaim(db, clock, dataDir, session.requireUser(), input),
    'claims.recordReply': (input, { session }) =>
      recordReply(db, clock, dataDir, session.requireUser(), input),
    'claims.recordWish': ({ id, note }, { session }) =>
      recordWish(db, clock, dataDir, session.requireUser(), id, note),
    'claims.renew': ({ id }, { session }) =>
      renewClaim(db, clock, dataDir, session.requireUser(), id),
    'claims.release': ({ id, reason }, { session }) =>
      releaseClaim(db, clock, dataDir, session.requireUser(), id, reason),
    'claims.requestAuthorisation': (input, { session }) =>
      requestAuthorisation(db, clock, dataDir, session.requireUser(), input),
    'claims.answerAuthorisation': (input, { session }) =>
      answerAuthorisation(db, clock, dataDir, session.requireManager(), input),
    'claims.settleOverlap': (input, { session }) =>
      settleOverlap(db, clock, dataDir, session.requireManager(), input),
    'claims.dossier': async ({ id }, { session }) => {
      await requireClaimRead(db, session.requireUser(), id);
      return (await buildDossier(db, clock, dataDir, id)).dossier;
    },
  };
}
