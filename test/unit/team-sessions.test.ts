/** Team-server sessions: bearer tokens that end when idle, when old, at sign-out and at deactivation. */
import { describe, expect, it } from 'vitest';
import { ABSOLUTE_LIMIT_MS, IDLE_LIMIT_MS, TeamSessions } from '../../electron/auth/team-sessions';
import type { Staff } from '../../shared/schemas/staff';

const person = (id: number, name: string, over: Partial<Staff> = {}): Staff => ({
  id,
  name,
  role: 'specialist',
  phone: null,
  email: null,
  active: true,
  login: null,
  hasPassword: false,
  mustChangePassword: false,
  version: 1,
  ...over,
});

function setup() {
  let t = Date.parse('2026-06-10T01:30:00Z');
  return { sessions: new TeamSessions(() => t), advance: (ms: number) => (t += ms) };
}

describe('team sessions', () => {
  it('gives each sign-in its own unguessable token bound to the person', () => {
    const { sessions } = setup();
    const a = sessions.start(person(1, '王芳'));
    const b = sessions.start(person(1, '王芳'));
    expect(a.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.token).not.toBe(b.token);
    expect(sessions.get(a.token)?.user?.name).toBe('王芳');
    expect(sessions.get('not-a-token')).toBeNull();
    expect(sessions.get(`${a.token}x`)).toBeNull();
  });

  it('ends after 12 hours without use, and use keeps it alive', () => {
    const { sessions, advance } = setup();
    const { token } = sessions.start(person(2, '李明'));
    advance(IDLE_LIMIT_MS - 1);
    expect(sessions.get(token)).not.toBeNull();
    advance(IDLE_LIMIT_MS - 1);
    expect(sessions.get(token)).not.toBeNull();
    advance(IDLE_LIMIT_MS);
    expect(sessions.get(token)).toBeNull();
    expect(sessions.size).toBe(0);
  });

  it('ends after 7 days however busy', () => {
    const { sessions, advance } = setup();
    const { token, expiresAt } = sessions.start(person(3, '张经理', { role: 'manager' }));
    for (let elapsed = 0; elapsed + 3_600_000 < ABSOLUTE_LIMIT_MS; elapsed += 3_600_000) {
      advance(3_600_000);
      expect(sessions.get(token)).not.toBeNull();
    }
    advance(3_600_000);
    expect(sessions.get(token)).toBeNull();
    expect(expiresAt.toISOString()).toBe('2026-06-17T01:30:00.000Z');
  });

  it('ends at sign-out, and every session of a deactivated person at once', () => {
    const { sessions } = setup();
    const out = sessions.start(person(4, '赵强'));
    sessions.end(out.token);
    expect(sessions.get(out.token)).toBeNull();

    const [laptop, phone] = [sessions.start(person(5, '陈静')), sessions.start(person(5, '陈静'))];
    const other = sessions.start(person(6, '刘洋'));
    sessions.refreshUser(person(5, '陈静', { name: '陈静', phone: '13800000000' }));
    expect(sessions.get(laptop.token)?.user?.phone).toBe('13800000000');
    sessions.refreshUser(person(5, '陈静', { active: false }));
    expect(sessions.get(laptop.token)).toBeNull();
    expect(sessions.get(phone.token)).toBeNull();
    expect(sessions.get(other.token)).not.toBeNull();
    expect(sessions.endAllFor(6)).toBe(1);
  });
});
