/**
 * value.*: the Pareto/ABC table, an account's value standing (交易 tab), the scorecard with
 * segments, the replacement forecast, drift warnings and the settings. Specialists see their
 * teams' accounts; managers and admins all (accounts/account-team.ts teamScope).
 */
import { chinaDate } from '../../shared/dates';
import { AppError } from '../../shared/result';
import { requireTeamRead, teamScope } from '../accounts/account-team';
import type { Deps } from '../app/deps';
import type { Handlers } from '../transport/dispatch';
import { replacementForecast } from './forecast';
import { getValueSettings, setValueSettings } from './settings';
import { accountValue, driftWarnings, scorecard } from './standing';

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
  return {
    'value.pareto': async (input, { session }) => {
      const { id, name, role } = session.requireUser();
      const cutoffs = input.cutoffs ?? (await getValueSettings(db)).cutoffs;
      // A window over every account's period total: run by the read worker, off this thread.
      return reads.run(
        'value.pareto',
        { ...input, cutoffs },
        { viewer: { id, name, role }, today: chinaDate(clock.now()) },
      );
    },
    'value.account': async ({ id }, { session }) => {
      const user = session.requireUser();
      await requireTeamRead(db, user, id);
      const found = await accountValue(db, clock, teamScope(user), id);
      if (!found) throw new AppError('NOT_FOUND', `account #${id} does not exist`);
      return found;
    },
    'value.scorecard': (input, { session }) =>
      scorecard(db, clock, teamScope(session.requireUser()), input),
    'value.forecast': ({ months }, { session }) =>
      replacementForecast(db, clock, teamScope(session.requireUser()), months),
    'value.drift': async (_input, { session }) => ({
      rows: await driftWarnings(db, clock, session.requireUser().id),
    }),
    'value.settings': () => getValueSettings(db),
    'value.setSettings': (next, { session }) =>
      setValueSettings(db, session.requireManager().id, next, clock),
  };
}
