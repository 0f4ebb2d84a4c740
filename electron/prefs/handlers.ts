/** prefs.*: the signed-in user's own preferences (grid layouts, language and the like). */
import type { Deps } from '../app/deps';
import type { Handlers } from '../transport/dispatch';
import { getPref, setPref } from './service';

type PrefHandlers = Pick<Handlers, 'prefs.get' | 'prefs.set'>;

export function prefHandlers({ db }: Deps): PrefHandlers {
  return {
    'prefs.get': async ({ key }, { session }) => ({
      value: await getPref(db, session.requireUser().id, key),
    }),
    'prefs.set': async ({ key, value }, { session }) => {
      await setPref(db, session.requireUser().id, key, value);
      return { done: true };
    },
  };
}
