/**
 * value.*: the Pareto/ABC table, an account's value standing (交易 tab), the scorecard with
 * segments, the replacement forecast, drift warnings and the settings. Specialists see their
 * teams' accounts; managers and admins all (accounts/account-team.ts teamScope).
 */
import { AppError } from '../../shared/result';
import { requireTeamRead } from '../accounts/account-team';
import type { Staff } from '../../shared/schemas/staff';
import type { Deps } from '../app/deps';
import { readScopeOf } from '../reads/scope';
import type { Handlers } from '../transport/dispatch';
import { getValueSettings, setValueSettings } from './settings';

type ValueHandlers = Pick<
  Handlers,
  | 'value.pareto'
  | 'value.account'
  | 'value.scorecard'
  | 'value.forecast'
  | 'value.drift'
  | 'value.settings'
  | 'value.setSettings'
>;

export function valueHandlers({ db, clock, reads }: Deps): ValueHandlers {
  // Who asks and on which day: each read below runs on the read worker, off this thread.
  const scopeOf = (session: { requireUser(): Staff }) => readScopeOf(clock, session);
  return {
    'value.pareto': async (input, { session }) => {
      const scope = scopeOf(session);
      const cutoffs = input.cutoffs ?? (await getValueSettings(db)).cutoffs;
      // A window over every account's period total.
      return reads.run('value.pareto', { ...input, cutoffs }, scope);
    },
    'value.account': async ({ id }, { session }) => {
      await requireTeamRead(db, session.requireUser(), id);
      const found = await reads.run('value.account', { id }, scopeOf(session));
      if (!found) throw new AppError('NOT_FOUND', `account #${id} does not exist`);
      return found;
    },
    'value.scorecard': (input, { session }) =>
      reads.run('value.scorecard', input, scopeOf(session)),
    'value.forecast': (input, { session }) => reads.run('value.forecast', input, scopeOf(session)),
    'value.drift': (_input, { session }) =>
      reads.run('value.drift', { limit: 20 }, scopeOf(session)),
    'value.settings': () => getValueSettings(db),
    'value.setSettings': (next, { session }) =>
      setValueSettings(db, session.requireManager().id, next, clock),
  };
}
