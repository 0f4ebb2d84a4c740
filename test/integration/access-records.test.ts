/**
 * The record half of the rules table: every method the table marks `team` that names one record
 * by its id is called by a specialist on a colleague's record (refused: FORBIDDEN, or NOT_FOUND
 * where a record is not even acknowledged) and on their own (never refused), on a team server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../electron/app/create-app';
import type { Caller } from '../../electron/session/session';
import { METHOD_RULES } from '../../shared/access';
import { api, METHOD_NAMES, type MethodName } from '../../shared/api';
import { chinaDate } from '../../shared/dates';
import { teamApp } from '../helpers/team';

let app: App;
const as: Record<'li' | 'wang', Caller> = { li: { clientId: 'l' }, wang: { clientId: 'w' } };

async function call(caller: Caller, method: MethodName, input: unknown) {
  return app.dispatch(method, input, caller);
}

async function value<T>(caller: Caller, method: MethodName, input: unknown): Promise<T> {
  const r = await call(caller, method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

/** 李明's records, one of each kind a `team` method can name by id. */
const mine: Partial<Record<string, number>> = {};

beforeAll(async () => {
  const team = await teamApp();
  app = team.app;
  as.li = await team.colleague('liming', 'specialist');
  as.wang = await team.colleague('wangfang', 'specialist');
  const li = as.li;
  const account = await value<{ id: number }>(li, 'accounts.create', {
    account: { name: '杭州市园林文物局', buyerType: 'government' },
  });
  mine.accounts = account.id;
  mine.contacts = (
    await value<{ id: number }>(li, 'contacts.create', { accountId: account.id, name: '周科长' })
  ).id;
  mine.opportunities = (
    await value<{ id: number }>(li, 'opportunities.create', {
      accountId: account.id,
      title: '公务用车更新',
    })
  ).id;
  mine.activities = (
    await value<{ id: number }>(li, 'activities.create', {
      type: 'visit',
      accountId: account.id,
      occurredOn: chinaDate(),
      summary: '拜访',
    })
  ).id;
  mine.claims = (await value<{ id: number }>(li, 'claims.create', { accountId: account.id })).id;
}, 120_000);

afterAll(() => app.close());

/** The namespace of a method names the kind of record its `id` is. */
const kindOf = (method: MethodName) => method.slice(0, method.indexOf('.'));

/** Methods whose whole input is one record's id (writes with more to say are covered elsewhere). */
const byIdOnly = (method: MethodName) =>
  api[method].input.safeParse({ id: 1 }).success &&
  !api[method].input.safeParse({}).success &&
  METHOD_RULES[method].records === 'team';

describe('the rules table, record by record', () => {
  const methods = (METHOD_NAMES as readonly MethodName[]).filter(byIdOnly);

  it('has id-named team methods to check', () => {
    expect(methods.length).toBeGreaterThanOrEqual(10);
  });

  it('refuses a specialist every id-named team method on a colleague’s record, and allows their own', async () => {
    const checked: string[] = [];
    const wrong: string[] = [];
    // Deletes last: the rest still find the records.
    const ordered = [...methods].sort(
      (a, b) => Number(a.endsWith('.delete')) - Number(b.endsWith('.delete')),
    );
    for (const method of ordered) {
      const id = mine[kindOf(method)];
      if (id === undefined) continue;
      const other = await call(as.wang, method, { id });
      if (other.ok || !['FORBIDDEN', 'NOT_FOUND'].includes(other.error.code))
        wrong.push(`${method} as a colleague: ${other.ok ? 'ok' : other.error.code}`);
      const own = await call(as.li, method, { id });
      if (!own.ok && own.error.code === 'FORBIDDEN')
        wrong.push(`${method} as the owner: FORBIDDEN ${JSON.stringify(own.error.details)}`);
      checked.push(method);
    }
    expect(wrong).toEqual([]);
    // Every kind of record made above was named by at least one method.
    expect(new Set(checked.map((m) => kindOf(m as MethodName)))).toEqual(
      new Set(Object.keys(mine)),
    );
  });
});
