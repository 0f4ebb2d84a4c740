/** demo.*: fill an empty database with demo data (a job), or decline the offer for good. */
import { isoNow } from '../../shared/clock';
import { AppError } from '../../shared/result';
import { countAccounts } from '../accounts/repository';
import type { Deps } from '../app/deps';
import { setSetting } from '../prefs/service';
import type { Handlers } from '../transport/dispatch';

type DemoHandlers = Pick<Handlers, 'demo.load' | 'demo.decline'>;

export function demoHandlers({ db, clock, jobs }: Deps): DemoHandlers {
  return {
    'demo.load': async ({ accounts }, { session }) => {
      if ((await countAccounts(db)) > 0)
        throw new AppError('CONFLICT', 'demo data can only be loaded into an empty database', {
          kind: 'not_empty',
        });
      const job = jobs.start('demo.load', { accounts }, session.user?.id ?? null);
      if (!session.user) session.setupJobs.add(job.id);
      return { jobId: job.id };
    },
    'demo.decline': async () => {
      await setSetting(db, 'demo.declined', isoNow(clock));
      return { done: true };
    },
  };
}
