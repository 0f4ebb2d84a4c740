/**
 * Signed-in sessions of the team server: a random bearer token per sign-in (sent to browsers as an
 * HttpOnly cookie), ending after 12 hours without use or 7 days in all, at sign-out, or at once
 * when the person is deactivated. Only a hash of each token is kept, so nothing held here can be
 * replayed. Kept in memory: a server restart asks everyone to sign in again.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Staff } from '../../shared/schemas/staff';
import { now } from '../../shared/clock';
import { type Caller, Session, type Sessions } from '../session/session';

export const IDLE_LIMIT_MS = 12 * 3_600_000;
export const ABSOLUTE_LIMIT_MS = 7 * 86_400_000;
const MAX_SESSIONS = 10_000;

interface Entry {
  session: Session;
  staffId: number;
  startedAt: number;
  lastSeenAt: number;
}

const digest = (token: string) => createHash('sha256').update(token).digest('base64url');

export class TeamSessions implements Sessions {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly clock: () => number = () => now().getTime()) {}

  /** A new session for a person who just proved who they are; the token is shown once. */
  start(staff: Staff): { token: string; session: Session; expiresAt: Date } {
    const at = this.clock();
    if (this.entries.size >= MAX_SESSIONS) this.sweep(at);
    const token = randomBytes(32).toString('base64url');
    const session = new Session();
    session.user = staff;
    this.entries.set(digest(token), { session, staffId: staff.id, startedAt: at, lastSeenAt: at });
    return { token, session, expiresAt: new Date(at + ABSOLUTE_LIMIT_MS) };
  }

  /** The live session of a token (its use counts as activity), or null: unknown, idle, too old. */
  get(token: string): Session | null {
    const key = digest(token);
    const e = this.entries.get(key);
    if (!e) return null;
    const at = this.clock();
    if (this.expired(e, at)) {
      this.entries.delete(key);
      return null;
    }
    e.lastSeenAt = at;
    return e.session;
  }

  /** A request's session: its token's, or an empty one (nobody signed in) for no or a dead token. */
  resolve(caller: Caller): Session {
    return (caller.token ? this.get(caller.token) : null) ?? new Session();
  }

  /** Sign-out: the token stops working on the server, not only in the browser. */
  end(token: string): void {
    this.entries.delete(digest(token));
  }

  /** A deactivated person (or a changed password) ends every one of their sessions. */
  endAllFor(staffId: number, except?: Session): number {
    let ended = 0;
    for (const [key, e] of this.entries)
      if (e.staffId === staffId && e.session !== except) {
        this.entries.delete(key);
        // Whatever still holds the session (an open event stream) sees it end.
        e.session.user = null;
        ended++;
      }
    return ended;
  }

  /** Keeps every session's copy of a staff member current after an edit; inactive ends them. */
  refreshUser(staff: Staff): void {
    if (!staff.active) {
      this.endAllFor(staff.id);
      return;
    }
    for (const e of this.entries.values()) if (e.staffId === staff.id) e.session.user = staff;
  }

  get size(): number {
    return this.entries.size;
  }

  private expired(e: Entry, at: number): boolean {
    return at - e.lastSeenAt >= IDLE_LIMIT_MS || at - e.startedAt >= ABSOLUTE_LIMIT_MS;
  }

  private sweep(at: number): void {
    for (const [key, e] of this.entries) if (this.expired(e, at)) this.entries.delete(key);
  }
}
