/**
 * The record half of the rules table: every method the table marks `team` that names one record
 * by its id is called by a specialist on a colleague's record (refused: FORBIDDEN, or NOT_FOUND
 * where a record is not even acknowledged) and on their own (never refused), on a team server.
 * The `own` rule likewise: an import's report and rejected rows, a job and a download are only
 * their starter's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../electron/app/create-app';
import type { Caller } from '../../electron/session/session';
import { METHOD_RULES } from '../../shared/access';
import { api, METHOD_NAMES, type MethodName } from '../../shared/api';
import { addDays, chinaDate } from '../../shared/dates';
import { inspect, runImport, workbook } from '../helpers/imports';
import {
  attachDocument,
  deliverAll,
  finalContract,
  invoiceAll,
  priceEntry,
} from '../helpers/sales';
import { actingAs, teamApp, type TeamApp } from '../helpers/team';

let app: App;
let team: TeamApp;
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
  team = await teamApp();
  app = team.app;
  as.li = await team.colleague('liming', 'specialist');
  as.wang = await team.colleague('wangfang', 'specialist');
  const boss = await team.colleague('zhaoqiang', 'manager');
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

  // A tender 李明 follows, and a contract of his account, delivered, invoiced and filed with
  // evidence; a system contract with an allocation to one of the head office's units.
  const today = chinaDate();
  mine.tenders = (
    await value<{ id: number }>(li, 'tenders.create', {
      projectNo: 'HZCG-2026-117',
      name: '园林养护车辆',
      method: 'open_tender',
      purchaserId: account.id,
      ownerId: null,
      announcedOn: addDays(today, -5),
      lots: [{ lotNo: '1', quantity: 2, bidAmountFen: 40_000_000, bidModel: '帕萨特' }],
    })
  ).id;
  const price = await priceEntry(actingAs(team, boss));
  const liApp = actingAs(team, li);
  let contract = await finalContract(liApp, {
    accountId: account.id,
    partyName: '杭州市园林文物局',
    priceId: price.id,
    quantity: 2,
    signedOn: addDays(today, -20),
  });
  contract = await deliverAll(liApp, contract, addDays(today, -10), null);
  contract = await invoiceAll(liApp, contract, '杭州市园林文物局', addDays(today, -9));
  mine.contracts = contract.id;
  mine.deliveries = contract.deliveries[0]!.id;
  mine.invoices = contract.invoices[0]!.id;
  const filing = await value<{ id: number }>(li, 'filings.create', { contractId: contract.id });
  mine.filings = filing.id;
  mine.documents = (await attachDocument(liApp, filing.id, 'invoice')).id;
  const head = await value<{ id: number }>(li, 'accounts.create', {
    account: { name: '中国建设银行浙江省分行', buyerType: 'system' },
  });
  const unit = await value<{ id: number }>(li, 'accounts.create', {
    account: { name: '中国建设银行杭州分行', buyerType: 'system', parentId: head.id },
  });
  const system = await value<{ id: number; lines: { id: number }[] }>(li, 'contracts.create', {
    number: 'CCB-2026-01',
    kind: 'system',
    accountId: head.id,
    partyName: '中国建设银行浙江省分行',
    signedOn: addDays(today, -3),
    lines: [{ priceId: price.id, quantity: 3, unitPriceFen: 20_000_000 }],
  });
  const allocated = await value<{ allocations: { id: number }[] }>(li, 'contracts.allocate', {
    contractId: system.id,
    unitId: unit.id,
    lineId: system.lines[0]!.id,
    quantity: 1,
  });
  mine.allocations = allocated.allocations[0]!.id;
}, 180_000);

afterAll(() => app.close());

/** Methods whose `id` names a record of another kind than their namespace. */
const ID_KINDS: Partial<Record<MethodName, string>> = {
  'contracts.draftFromTender': 'tenders',
  'contracts.removeAllocation': 'allocations',
  'contracts.removeDelivery': 'deliveries',
  'contracts.removeInvoice': 'invoices',
};

/** The kind of record a method's `id` names: its namespace, unless stated above. */
const kindOf = (method: MethodName) => ID_KINDS[method] ?? method.slice(0, method.indexOf('.'));

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

  it('lets only the tender’s followers and managers change it', async () => {
    // The one made above was deleted by its owner in the previous test.
    const { id } = await value<{ id: number }>(as.li, 'tenders.create', {
      projectNo: 'HZCG-2026-118',
      name: '园林巡查车辆',
      method: 'open_tender',
      purchaserId: mine.accounts,
      lots: [{ lotNo: '1', quantity: 1, bidAmountFen: 20_000_000, bidModel: '帕萨特' }],
    });
    const close = { id, status: 'cancelled', reason: '预算取消' };
    const refused = await call(as.wang, 'tenders.close', close);
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', details: { kind: 'not_tender_owner' } },
    });
    // Everyone still reads it: tenders are public notices.
    expect((await call(as.wang, 'tenders.get', { id })).ok).toBe(true);
    expect((await call(as.li, 'tenders.close', close)).ok).toBe(true);
  });

  it('keeps an import’s report, its rejected rows and its jobs to the person who ran it', async () => {
    const li = actingAs(team, as.li);
    const file = await workbook([
      ['客户名称', '客户类型'],
      ['宁波市港航管理局', '政府'],
      ['', '政府'],
    ]);
    const inspection = await inspect(li, file);
    const sheet = inspection.sheets[0]!;
    const { summary, jobId } = await runImport(li, inspection.fileId, sheet, 'dryRun', {
      policy: 'validOnly',
    });
    expect(summary.reject).toBe(1);
    for (const [method, input] of [
      ['imports.report', { runId: summary.runId }],
      ['imports.rejects', { runId: summary.runId }],
    ] as const) {
      expect(await call(as.wang, method, input)).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND', details: { kind: 'run_gone' } },
      });
      expect((await call(as.li, method, input)).ok).toBe(true);
    }
    expect((await call(as.wang, 'jobs.get', { jobId })).ok).toBe(false);
    expect((await call(as.wang, 'imports.summary', { jobId })).ok).toBe(false);
    expect((await call(as.li, 'imports.summary', { jobId })).ok).toBe(true);
  });
});
