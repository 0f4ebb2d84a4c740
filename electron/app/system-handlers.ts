/** App-level methods: info, preferences, demo data, jobs, audit verification. */
import { AppError } from '../../shared/result';
import { countAccounts } from '../accounts/repository';
import { verifyAuditChain } from '../audit/audit';
import type { AuditHead } from '../audit/head';
import { readAuditKey } from '../audit/key';
import { latestBackupHead } from '../audit/recorded-heads';
import { getPref, getSetting, setPref, setSetting } from '../prefs/service';
import { migrationNotes } from '../db/migrator';
import type { Handlers } from '../transport/dispatch';
import type { Deps } from './deps';
import { isoNow } from '../../shared/clock';

type SystemHandlers = Pick<
  Handlers,
  | 'app.info'
  | 'prefs.get'
  | 'prefs.set'
  | 'demo.load'
  | 'demo.decline'
  | 'jobs.get'
  | 'jobs.cancel'
  | 'audit.verify'
>;

export function systemHandlers({ db, clock, jobs, mode, dataDir, version }: Deps): SystemHandlers {
  return {
    'app.info': async (_input, { session }) => {
      // A team server tells a visitor who has not signed in only how to sign in.
      if (mode === 'team' && !session.user)
        return {
          version,
          mode,
          signIn: 'password' as const,
          dataDir: '',
          accountCount: 0,
          offerDemo: false,
          upgradeNotes: [],
        };
      const accountCount = await countAccounts(db);
      const declined = (await getSetting(db, 'demo.declined')) !== null;
      return {
        version,
        mode,
        signIn: mode === 'team' ? ('password' as const) : ('pick' as const),
        dataDir: mode === 'team' && session.user?.role !== 'admin' ? '' : dataDir,
        accountCount,
        offerDemo: mode !== 'team' && accountCount === 0 && !declined,
        upgradeNotes: await migrationNotes(db),
      };
    },
    'prefs.get': async ({ key }, { session }) => ({
      value: await getPref(db, session.requireUser().id, key),
    }),
    'prefs.set': async ({ key, value }, { session }) => {
      await setPref(db, session.requireUser().id, key, value);
      return { done: true };
    },
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
    // A job is its starter's: another user's id answers NOT_FOUND.
    'jobs.get': async ({ id }, { session }) => jobs.get(id, session.user?.id ?? null),
    'jobs.cancel': async ({ id }, { session }) => jobs.cancel(id, session.user?.id ?? null),
    // The file is checked with the key beside it, against the given head and the latest backup's.
    'audit.verify': async ({ head }) => {
      const heads = [head, latestBackupHead(dataDir)].filter((h): h is AuditHead => !!h);
      return verifyAuditChain(db, { key: readAuditKey(dataDir), heads, requireKeyed: true });
    },
  };
}
