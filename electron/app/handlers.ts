/** app.info: what this backend is (version, mode, data folder) and what the first screen offers. */
import { countAccounts } from '../accounts/repository';
import { migrationNotes } from '../db/migrator';
import { getSetting } from '../prefs/service';
import type { Handlers } from '../transport/dispatch';
import type { Deps } from './deps';

type AppHandlers = Pick<Handlers, 'app.info'>;

export function appHandlers({ db, mode, dataDir, version }: Deps): AppHandlers {
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
  };
}
