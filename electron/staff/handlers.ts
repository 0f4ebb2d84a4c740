import { AppError } from '../../shared/result';
import type { Deps } from '../app/deps';
import type { Handlers } from '../transport/dispatch';
import { createStaff, getStaff, listStaff, updateStaff } from './service';

type StaffHandlers = Pick<
  Handlers,
  | 'staff.list'
  | 'staff.create'
  | 'staff.update'
  | 'session.current'
  | 'session.signIn'
  | 'session.signOut'
>;

export function staffHandlers({ db, session }: Deps): StaffHandlers {
  return {
    'staff.list': ({ includeInactive }) => listStaff(db, includeInactive),
    'staff.create': (input) => createStaff(db, session.user, input),
    'staff.update': async ({ id, active, ...input }) => {
      const updated = await updateStaff(db, session.requireUser(), id, { ...input, active });
      if (session.user?.id === id) session.user = updated;
      return updated;
    },
    'session.current': async () => session.user,
    'session.signIn': async ({ staffId }) => {
      const staff = await getStaff(db, staffId);
      if (!staff.active) throw new AppError('FORBIDDEN', `${staff.name} is no longer active`);
      session.user = staff;
      return staff;
    },
    'session.signOut': async () => {
      session.user = null;
      return { done: true };
    },
  };
}
