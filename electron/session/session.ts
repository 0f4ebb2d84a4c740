/**
 * Who is using the app, per client: each window (Electron) or browser tab (browser mode) has its
 * own session, so switching user in one tab never makes another tab write under the wrong name.
 */
import type { Staff } from '../../shared/schemas/staff';
import { AppError } from '../../shared/result';

export class Session {
  user: Staff | null = null;

  requireUser(): Staff {
    if (!this.user)
      throw new AppError('FORBIDDEN', 'choose who you are first (session.signIn)', {
        kind: 'no_user',
      });
    return this.user;
  }

  /** Approvals, settings and targets are for managers (and admins). */
  requireManager(): Staff {
    const user = this.requireUser();
    if (!isManager(user))
      throw new AppError('FORBIDDEN', 'only a manager or an admin can do this', { kind: 'role' });
    return user;
  }
}

export function isManager(staff: Pick<Staff, 'role'>): boolean {
  return staff.role === 'manager' || staff.role === 'admin';
}

const MAX_SESSIONS = 1000;

export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  get(clientId: string): Session {
    let session = this.sessions.get(clientId);
    if (!session) {
      // Forget the oldest sessions rather than grow without bound (tabs come and go).
      if (this.sessions.size >= MAX_SESSIONS)
        this.sessions.delete(this.sessions.keys().next().value!);
      session = new Session();
      this.sessions.set(clientId, session);
    }
    return session;
  }

  /** Keeps every session's copy of a staff member current after an edit. */
  refreshUser(staff: Staff): void {
    for (const s of this.sessions.values())
      if (s.user?.id === staff.id) s.user = staff.active ? staff : null;
  }
}
