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

export function staffHandlers({ db, sessions }: Deps): StaffHandlers {
  return {
    'staff.list': ({ includeInactive }) => listStaff(db, includeInactive),
    'staff.create': (input, { session }) => createStaff(db, session.user, input),
    'staff.update': async ({ id, active, ...input }, { session }) => {
      const updated = await updateStaff(db, session.requireUser(), id, { ...input, active });
      sessions.refreshUser(updated);
      return updated;
    },
    'session.current': async (_input, { session }) => session.user,
    'session.signIn': async ({ staffId }, { session }) => {
      const staff = await getStaff(db, staffId);
      if (!staff.active)
        throw new AppError('FORBIDDEN', `${staff.name} is no longer active`, { kind: 'inactive' });
      session.user = staff;
      return staff;
    },
    'session.signOut': async (_input, { session }) => {
      session.user = null;
      return { done: true };
    },
  };
}
