/**
 * auth.*: signing in and out. A team server signs in with login and password and hands out a
 * session token; a solo data folder also lets one person pick their name (never a team server).
 */
import { AppError } from '../../shared/result';
import type { Staff } from '../../shared/schemas/staff';
import type { Deps } from '../app/deps';
import type { Handlers } from '../transport/dispatch';
import { countStaff, createStaff, getStaff, listStaff } from '../staff/service';
import { changePassword, checkPassword } from './sign-in';

type AuthHandlers = Pick<
  Handlers,
  | 'auth.current'
  | 'auth.signIn'
  | 'auth.signOut'
  | 'auth.changePassword'
  | 'auth.pick'
  | 'auth.pickList'
  | 'auth.setUp'
>;

function soloOnly(deps: Deps): void {
  if (deps.team)
    throw new AppError('FORBIDDEN', 'a team server signs in with login and password', {
      kind: 'team_mode',
    });
}

function requireActive(staff: Staff): Staff {
  if (!staff.active)
    throw new AppError('FORBIDDEN', `${staff.name} is no longer active`, { kind: 'inactive' });
  return staff;
}

export function authHandlers(deps: Deps): AuthHandlers {
  const { db, team, sessions, throttle } = deps;
  return {
    'auth.current': async (_input, { session }) => session.user,
    'auth.signIn': async ({ login, password }, { session, caller }) => {
      const address = caller.address ?? caller.clientId;
      const user = await checkPassword(db, deps.clock, throttle, login, password, address);
      if (team) {
        if (caller.token) team.end(caller.token);
        const started = team.start(user);
        return { user, token: started.token, expiresAt: started.expiresAt.toISOString() };
      }
      session.user = user;
      return { user, token: null, expiresAt: null };
    },
    'auth.signOut': async (_input, { session, caller }) => {
      if (team && caller.token) team.end(caller.token);
      session.user = null;
      return { done: true };
    },
    'auth.changePassword': async ({ current, next }, { session }) => {
      const updated = await changePassword(db, deps.clock, session.requireUser(), current, next);
      // Anyone who knew the old password is signed out everywhere else.
      sessions.endAllFor(updated.id, session);
      sessions.refreshUser(updated);
      session.user = updated;
      return updated;
    },
    'auth.pick': async ({ staffId }, { session }) => {
      soloOnly(deps);
      const staff = requireActive(await getStaff(db, staffId));
      session.user = staff;
      return staff;
    },
    'auth.pickList': async () => {
      soloOnly(deps);
      return (await listStaff(db, false)).map(({ id, name, role }) => ({ id, name, role }));
    },
    'auth.setUp': async (input, { session }) => {
      soloOnly(deps);
      if ((await countStaff(db)) > 0)
        throw new AppError('CONFLICT', 'this data folder already has staff: sign in instead', {
          kind: 'not_first_run',
        });
      const created = await createStaff(db, deps.clock, null, input);
      session.user = created;
      return created;
    },
  };
}
