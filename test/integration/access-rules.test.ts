/**
 * The rules table (shared/access.ts) over every API method, as nobody, a specialist, a manager and
 * an admin signed in to a team server. Each call carries an input no method accepts, so an allowed
 * call stops at validation (VALIDATION) and changes nothing, while a refused one is refused before
 * (FORBIDDEN with the table's kind): the answer shows which side of the gate the call fell on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../electron/app/create-app';
import type { Caller } from '../../electron/session/session';
import { METHOD_RULES, refusalKind, roleAllowed } from '../../shared/access';
import { METHOD_NAMES, type MethodName } from '../../shared/api';
import type { StaffRole } from '../../shared/enums';
import { teamApp } from '../helpers/team';

const NOT_AN_INPUT = 42;

let app: App;
const callers = new Map<StaffRole | 'nobody', Caller>();

async function signIn(login: string, password: string): Promise<string> {
  const r = await app.dispatch('auth.signIn', { login, password }, { clientId: 't' });
  if (!r.ok) throw new Error(`${login}: ${r.error.message}`);
  return (r.value as { token: string }).token;
}

beforeAll(async () => {
  const team = await teamApp();
  app = team.app;
  callers.set('admin', team.admin);
  callers.set('nobody', { clientId: 't' });
  callers.set('specialist', await team.colleague('liming', 'specialist'));
  callers.set('manager', await team.colleague('wangfang', 'manager'));
}, 60_000);

afterAll(() => app.close());

describe('the rules table', () => {
  it('names every method of the API, and only those', () => {
    expect(Object.keys(METHOD_RULES).sort()).toEqual([...METHOD_NAMES].sort());
  });

  for (const who of ['nobody', 'specialist', 'manager', 'admin'] as const)
    it(`answers every method as the table says, as ${who}`, async () => {
      const wrong: string[] = [];
      for (const method of METHOD_NAMES as readonly MethodName[]) {
        const rule = METHOD_RULES[method];
        const r = await app.dispatch(method, NOT_AN_INPUT, callers.get(who)!);
        const allowed = rule.who === 'open' || (who !== 'nobody' && roleAllowed(rule.who, who));
        const expected = allowed
          ? 'VALIDATION'
          : `FORBIDDEN:${who === 'nobody' ? 'no_user' : refusalKind(rule.who, who as StaffRole)}`;
        const got = r.ok
          ? 'ok'
          : r.error.code === 'FORBIDDEN'
            ? `FORBIDDEN:${(r.error.details as { kind?: string } | undefined)?.kind}`
            : r.error.code;
        if (got !== expected) wrong.push(`${method}: expected ${expected}, got ${got}`);
      }
      expect(wrong).toEqual([]);
    });

  it('lets a one-time password do nothing but sign in and change it', async () => {
    const admin = callers.get('admin')!;
    const made = await app.dispatch(
      'staff.create',
      { name: '新同事', role: 'specialist', login: 'xin' },
      admin,
    );
    const id = (made as { value: { id: number } }).value.id;
    await app.dispatch('staff.setPassword', { id, password: 'One-Time-4821' }, admin);
    const token = await signIn('xin', 'One-Time-4821');
    const caller = { clientId: 't', token };
    for (const method of ['accounts.list', 'myDay.get', 'prefs.get'] as const)
      expect(await app.dispatch(method, {}, caller)).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN', details: { kind: 'must_change_password' } },
      });
    expect(await app.dispatch('auth.current', {}, caller)).toMatchObject({
      ok: true,
      value: { mustChangePassword: true },
    });
  });
});
