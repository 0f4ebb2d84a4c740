/**
 * The standing in SQL (electron/value/standing-sql.ts) agrees with rules.ts on every account of a
 * hand-made store — class and rank, segment, KA and the score to the tenth, under the default
 * weights and under weights whose rounding bites — so the scorecard's order, filters and segment
 * counts, decided in the database, are those of the rules that explain each row; the scorecard
 * pages, drift picks the owner's drifting accounts by rank; and the replacement forecast counts
 * every fleet line (no cap) by month and pages them in order.
 */
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { abcTable } from '../../shared/analysis/abc';
import { addDays, chinaDate } from '../../shared/dates';
import {
  type AccountValue,
  DEFAULT_VALUE_SETTINGS,
  type ValueSettings,
} from '../../shared/schemas/value';
import { Random } from '../../electron/demo/random';
import type { ReadScope } from '../../electron/reads/scope';
import { replacementForecast } from '../../electron/value/forecast';
import { refreshAllAccountFacts } from '../../electron/value/facts';
import { scorecardRead } from '../../electron/value/standing';
import { scoredCte, standingPeriods } from '../../electron/value/standing-sql';
import { contractRow } from '../helpers/contract-rows';
import { addStaff, signedInApp, type TestApp } from '../helpers/app';
import { account } from '../helpers/fixtures';

let app: TestApp;
afterEach(async () => app?.close());

const today = chinaDate();
const ago = (days: number) => addDays(today, -days);
const manager: ReadScope = { viewer: { id: 1, name: '经理', role: 'manager' }, today };

const contract = (
  accountId: number,
  signedOn: string,
  totalFen: number,
  over?: Parameters<typeof contractRow>[4],
) => contractRow(app.deps.db, accountId, signedOn, totalFen, over);

/**
 * Sixty accounts whose facts cover every branch of the rules: ties and zero revenue, buying less
 * or more than before, no touch for long, a rival's last tender, big batches, fleets of 0–45,
 * pipelines, lost tenders, cancellations, receivables overdue by various amounts and none.
 */
async function store(ownerId: number | null = null): Promise<number[]> {
  const r = new Random(15);
  const ids: number[] = [];
  for (let i = 0; i < 60; i++) {
    const fleet = r.int(0, 45);
    const { id } = await app.value('accounts.create', {
      account: account({
        name: `评分客户${i}号单位`,
        ownerId,
        fleet: fleet > 0 ? [{ brand: '丰田', model: '凯美瑞', count: fleet, year: 2018 }] : [],
      }),
    });
    ids.push(id);
    if (i % 7 === 6) continue; // never bought
    const size = i % 5 === 0 ? 5_000_000 : r.int(1, 40) * 1_000_000; // ties at 5 万元
    for (let k = r.int(0, 3); k > 0; k--)
      await contract(id, ago(r.int(0, 360)), size, { quantity: r.int(1, 14) });
    for (let k = r.int(0, 2); k > 0; k--) await contract(id, ago(r.int(370, 720)), size);
    if (r.chance(0.2)) await contract(id, ago(r.int(0, 700)), size, { status: 'cancelled' });
    if (r.chance(0.4)) {
      // Billed; paid in full, in part or not at all; its receivable deadline past or not.
      const billed = r.int(1, 60) * 1_000_000;
      const c = await contract(id, ago(r.int(100, 300)), billed, { invoicedFen: billed });
      const paid = r.pick([0, Math.floor(billed / 3), billed]);
      if (paid > 0)
        await app.deps.db
          .insertInto('payments')
          .values({
            contract_id: c,
            received_on: ago(50),
            amount_fen: paid,
            method: 'bank_transfer',
            created_at: today,
            updated_at: today,
          })
          .execute();
      if (paid < billed)
        await app.deps.db
          .insertInto('deadlines')
          .values({
            kind: 'receivable_due',
            entity: 'contract',
            entity_id: c,
            account_id: id,
            owner_id: null,
            title: 'x',
            due_on: ago(r.int(-30, 90)),
          })
          .execute();
    }
  }
  await refreshAllAccountFacts(app.deps.db);
  // Facts that come from tables this store leaves empty, set by hand.
  for (const [i, id] of ids.entries())
    await app.deps.db
      .updateTable('account_facts')
      .set({
        last_contact_on: i % 4 === 0 ? null : ago((i * 37) % 400),
        open_pipeline_fen: (i % 6) * 70 * 1_000_000,
        lost_tenders: i % 5 === 1 ? 3 : i % 3,
        last_tender_lost: i % 9 === 2 ? 1 : 0,
      })
      .where('account_id', '=', id)
      .execute();
  return ids;
}

interface ScoredRow {
  id: number;
  abc: 'A' | 'B' | 'C';
  rank: number;
  segment: string;
  ka: number;
  tenths: number;
}

async function scoredRows(settings: ValueSettings, scope: number | null = null) {
  const { rows } = await sql<ScoredRow>`with ${scoredCte(today, settings, scope)}
    select id, abc, rank, segment, ka, tenths from scored order by id`.execute(app.deps.db);
  return rows;
}

/** Every account as the rules explain it (the scorecard's rows, all on one page). */
async function explained(): Promise<AccountValue[]> {
  const all = await scorecardRead(app.deps.db, { kaOnly: false, offset: 0, limit: 500 }, manager);
  return all.rows;
}

const WEIGHTS: ValueSettings['weights'][] = [
  DEFAULT_VALUE_SETTINGS.weights,
  { value: 33, potential: 33, risk: 34 },
  { value: 7, potential: 11, risk: 13 },
  { value: 0, potential: 0, risk: 0 },
];

describe('the standing in SQL and rules.ts', () => {
  it('agree on class, rank, segment, KA and score for every account, under any weights', async () => {
    app = await signedInApp('manager');
    const ids = await store();
    for (const weights of WEIGHTS) {
      const settings = { ...DEFAULT_VALUE_SETTINGS, weights, kaMinBatchUnits: 12 };
      await app.value('value.setSettings', settings);
      const rules = new Map((await explained()).map((v) => [v.id, v]));
      const inSql = await scoredRows(settings);
      expect(inSql.map((s) => s.id)).toEqual([...ids].sort((a, b) => a - b));
      for (const s of inSql) {
        const v = rules.get(s.id)!;
        expect({ id: s.id, abc: s.abc, rank: s.rank, segment: s.segment, ka: s.ka === 1 }).toEqual({
          id: v.id,
          abc: v.abc,
          rank: v.rank,
          segment: v.segment,
          ka: v.ka,
        });
        expect(s.tenths).toBe(Math.round(v.score * 10));
      }
      // The data reaches every branch.
      expect(new Set(inSql.map((s) => s.segment))).toEqual(
        new Set(['value', 'potential', 'drifting', 'frozen']),
      );
      expect(new Set(inSql.map((s) => s.abc))).toEqual(new Set(['A', 'B', 'C']));
      expect(new Set(inSql.map((s) => s.ka))).toEqual(new Set([0, 1]));
    }
  });

  it('classes and ranks as the ABC rule does on the last 12 months’ revenue', async () => {
    app = await signedInApp('manager');
    await store();
    const { from, to } = standingPeriods(today, DEFAULT_VALUE_SETTINGS);
    const { rows: values } = await sql<{ id: number; value: number }>`
      select account_id as id, sum(total_fen) as value from contracts
      where status = 'final' and signed_on >= ${from} and signed_on <= ${to}
      group by account_id`.execute(app.deps.db);
    const table = abcTable(values, DEFAULT_VALUE_SETTINGS.cutoffs);
    const byId = new Map(table.rows.filter((r) => r.value > 0).map((r) => [r.id, r]));
    const buyers = byId.size;
    for (const s of await scoredRows(DEFAULT_VALUE_SETTINGS)) {
      const t = byId.get(s.id);
      expect([s.id, s.abc, s.rank]).toEqual([s.id, t?.abc ?? 'C', t?.rank ?? buyers + 1]);
    }
  });

  it('the scorecard orders by score, then rank and id; pages; filters by segment and KA; counts segments', async () => {
    app = await signedInApp('manager');
    await store();
    const all = await explained();
    const order = [...all].sort((x, y) => y.score - x.score || x.rank - y.rank || x.id - y.id);
    expect(all.map((v) => v.id)).toEqual(order.map((v) => v.id));

    const page = await app.value('value.scorecard', { offset: 10, limit: 7 });
    expect(page.total).toBe(60);
    expect(page.rows.map((v) => v.id)).toEqual(order.slice(10, 17).map((v) => v.id));
    const counts = { value: 0, potential: 0, drifting: 0, frozen: 0 };
    for (const v of all) counts[v.segment] += 1;
    expect(page.segments).toEqual(counts);

    const drifting = await app.value('value.scorecard', { segment: 'drifting', kaOnly: true });
    const expected = order.filter((v) => v.segment === 'drifting' && v.ka);
    expect(drifting.total).toBe(expected.length);
    expect(drifting.rows.map((v) => v.id)).toEqual(expected.map((v) => v.id));
    expect(drifting.segments).toEqual(counts);

    const past = await app.value('value.scorecard', { offset: 1000, limit: 10 });
    expect(past).toMatchObject({ total: 60, segments: counts, rows: [] });
  });

  it('drift: the accounts the specialist owns that are drifting, best ranked first', async () => {
    app = await signedInApp('manager');
    const li = await addStaff(app, { name: '李专员', role: 'specialist' });
    await store(li.id);
    await app.value('auth.pick', { staffId: li.id });
    const mine = await app.value('value.scorecard', { limit: 500 });
    const expected = mine.rows
      .filter((v) => v.segment === 'drifting')
      .sort((x, y) => x.rank - y.rank || x.id - y.id)
      .slice(0, 20);
    expect(expected.length).toBeGreaterThan(0);
    const { rows } = await app.value('value.drift', {});
    expect(rows).toEqual(expected);
  });
});

describe('the replacement forecast', () => {
  it('counts every line by month (past due falls due now), pages the lines biggest first', async () => {
    app = await signedInApp('manager');
    const { id } = await app.value('accounts.create', { account: account() });
    const year = Number(today.slice(0, 4));
    // 3,000 lines, 2,250 of them due: more than the old cap of 2,000. Life 8 years: 2010–2017 are past due,
    // year − 8 falls due next January, year − 7 the January after; year − 5 is too far off.
    const lines = Array.from({ length: 3_000 }, (_, i) => ({
      account_id: id,
      brand: '丰田',
      model: `车型${i % 13}`,
      count: (i % 9) + 1,
      year: [2010 + (i % 8), year - 7, year - 6, year - 3][i % 4]!,
    }));
    for (let i = 0; i < lines.length; i += 500)
      await app.deps.db
        .insertInto('account_fleet')
        .values(lines.slice(i, i + 500))
        .execute();
    const thisMonth = today.slice(0, 7);
    const dueOf = (y: number) => {
      const due = `${y + 8}-01`;
      return due < thisMonth ? thisMonth : due;
    };
    const inRange = lines
      .map((l, i) => ({ ...l, id: i + 1, month: dueOf(l.year) }))
      .filter(
        (l) =>
          l.year + 8 <= Math.floor((Number(year) * 12 + Number(today.slice(5, 7)) - 1 + 23) / 12),
      );
    const result = await replacementForecast(
      app.deps.db,
      { months: 24, offset: 0, limit: 500 },
      manager,
    );
    expect(result.lines).toBe(inRange.length);
    expect(result.lines).toBeGreaterThan(2_000);
    expect(result.units).toBe(inRange.reduce((n, l) => n + l.count, 0));
    const months = new Map<string, { lines: number; units: number }>();
    for (const l of inRange) {
      const m = months.get(l.month) ?? { lines: 0, units: 0 };
      months.set(l.month, { lines: m.lines + 1, units: m.units + l.count });
    }
    expect(result.months).toEqual(
      [...months.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([month, m]) => ({ month, ...m })),
    );
    const order = [...inRange].sort(
      (a, b) =>
        a.month.localeCompare(b.month) || b.count - a.count || a.year - b.year || a.id - b.id,
    );
    const key = (r: { month: string; model: string; year: number; count: number }) =>
      `${r.month}|${r.model}|${r.year}|${r.count}`;
    expect(result.rows.map(key)).toEqual(order.slice(0, 500).map(key));
    const later = await app.value('value.forecast', { months: 24, offset: 2_000, limit: 50 });
    expect(later.lines).toBe(inRange.length);
    expect(later.rows.map(key)).toEqual(order.slice(2_000, 2_050).map(key));
  });
});
