import type { Deps } from '../app/deps';
import type { Handlers } from '../transport/dispatch';
import { createStaff, listStaff, setOneTimePassword, updateStaff } from './service';

type StaffHandlers = Pick<
  Handlers,
  'staff.list' | 'staff.create' | 'staff.update' | 'staff.setPassword'
>;

export function staffHandlers({ db, clock, sessions }: Deps): StaffHandlers {
  return {
    'staff.list': ({ includeInactive }) => listStaff(db, includeInactive),
    'staff.create': (input, { session }) => createStaff(db, clock, session.user, input),
    'staff.update': async ({ id, active, ...input }, { session }) => {
      const updated = await updateStaff(db, clock, session.requireUser(), id, { ...input, active });
      // Deactivating someone signs them out at once, wherever they are.
      sessions.refreshUser(updated);
      return updated;
    },
    'staff.setPassword': async ({ id, password }, { session }) => {
      const updated = await setOneTimePassword(db, clock, session.requireUser(), id, password);
      sessions.endAllFor(id, session);
      sessions.refreshUser(updated);
      return updated;
    },
  };
}
