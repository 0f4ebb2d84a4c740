/**
 * Who is calling. Solo: each window (Electron) or browser tab (browser mode) has its own session,
 * so switching user in one tab never makes another tab write under the wrong name. Team server:
 * a session per sign-in, found by its token (electron/auth/team-sessions.ts).
 */
import type { Staff } from '../../shared/schemas/staff';
import { AppError } from '../../shared/result';

/** What a transport knows about a request: its client, and on a team server its address and token. */
export interface Caller {
  /** A window id (IPC) or a tab's session id (HTTP); opaque to the transports. */
  clientId: string;
  address?: string | undefined;
  /** The session token (bearer header or cookie) on a team server. */
  token?: string | undefined;
}

export class Session {
  user: Staff | null = null;
  /** Jobs this session started before anyone was signed in (solo first run: the demo data). */
  readonly setupJobs = new Set<string>();

  requireUser(): Staff {
    if (!this.user)
      throw new AppError('FORBIDDEN', 'sign in first', {
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

/** Where the dispatch finds a caller's session; solo and team keep them differently. */
export interface Sessions {
  resolve(caller: Caller): Session;
  /** Keeps every session's copy of a staff member current after an edit; inactive ends them. */
  refreshUser(staff: Staff): void;
  /** A changed or reset password ends the person's sessions (except, optionally, the caller's). */
  endAllFor(staffId: number, except?: Session): void;
}

const MAX_SESSIONS = 1000;

/** Solo: one session per window or tab, chosen by picking a name. */
export class SessionStore implements Sessions {
  private readonly sessions = new Map<string, Session>();

  resolve(caller: Caller): Session {
    return this.get(caller.clientId);
  }

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

  refreshUser(staff: Staff): void {
    for (const s of this.sessions.values())
      if (s.user?.id === staff.id) s.user = staff.active ? staff : null;
  }

  endAllFor(staffId: number, except?: Session): void {
    for (const s of this.sessions.values())
      if (s.user?.id === staffId && s !== except) s.user = null;
  }
}

/**
 * Which client made a change, so its own live stream is not sent it back: the tab (or window), and
 * on a team server also the session, since tabs of different people never share an id but API
 * clients all call themselves "api".
 */
export function originOf(caller: Caller): string {
  return caller.token ? `${caller.clientId}:${caller.token.slice(0, 12)}` : caller.clientId;
}
