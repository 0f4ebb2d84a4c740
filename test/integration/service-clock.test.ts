/**
 * Services on a set clock: the records they stamp, the audit entries they write and the "today"
 * they answer with are the app's clock's (deps.clock), exactly, not the computer's time.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SettableClock } from '../../shared/clock';
import { testApp, type TestApp } from '../helpers/app';
import { tempDir } from '../helpers/db';
import { account } from '../helpers/fixtures';

let app: TestApp | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

const lastAuditAt = async (a: TestApp) =>
  (
    await a.deps.db
      .selectFrom('audit_log')
      .select('at')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow()
  ).at;

describe('services take the time from the app’s clock', () => {
  it('stamps staff, contacts, activities and their audit entries at the set instant', async () => {
    const clock = new SettableClock('2026-03-02T01:00:00.000Z');
    app = await testApp(tempDir(), { clock });
    const me = await app.value('auth.setUp', { name: '测试员', role: 'manager' });
    const staff = await app.deps.db
      .selectFrom('staff')
      .select('created_at')
      .where('id', '=', me.id)
      .executeTakeFirstOrThrow();
    expect(staff.created_at).toBe('2026-03-02T01:00:00.000Z');

    const acc = await app.value('accounts.create', { account: account() });
    clock.set('2026-03-05T02:00:00.000Z');
    const contact = await app.value('contacts.create', { accountId: acc.id, name: '周建国' });
    expect(contact.createdAt).toBe('2026-03-05T02:00:00.000Z');
    expect(await lastAuditAt(app)).toBe('2026-03-05T02:00:00.000Z');

    clock.advance(90_000);
    await app.value('activities.create', {
      type: 'visit',
      accountId: acc.id,
      occurredOn: '2026-03-05',
    });
    const activity = await app.deps.db
      .selectFrom('activities')
      .select(['created_at', 'updated_at'])
      .executeTakeFirstOrThrow();
    expect(activity).toEqual({
      created_at: '2026-03-05T02:01:30.000Z',
      updated_at: '2026-03-05T02:01:30.000Z',
    });
    expect(await lastAuditAt(app)).toBe('2026-03-05T02:01:30.000Z');
  });

  it('answers "my day" for the clock’s China date', async () => {
    // 17:00 UTC is 01:00 the next day in China.
    const clock = new SettableClock('2026-03-05T17:00:00.000Z');
    app = await testApp(tempDir(), { clock });
    await app.value('auth.setUp', { name: '测试员', role: 'manager' });
    expect((await app.value('myDay.get', {})).date).toBe('2026-03-06');
    clock.set('2026-03-09T03:00:00.000Z');
    expect((await app.value('myDay.get', {})).date).toBe('2026-03-09');
  });
});
