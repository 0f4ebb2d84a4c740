/**
 * The dashboards' reads on a hand-made store with known answers (test/helpers/dashboard-data.ts):
 * pipeline cells, weighted amounts and forecast, win rates, stage conversion and ageing; win/loss
 * buckets, lost reasons and a rival's unit price; the KPI team table and trend over working days;
 * claims and filings counts — and a specialist counting only their own teams' records.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Staff } from '../../shared/schemas/staff';
import { workingDaysInMonth } from '../../shared/working-days';
import { claimsBoard } from '../../electron/dashboards/claims-board';
import { kpiBoard } from '../../electron/dashboards/kpi-board';
import { pipelineFlow } from '../../electron/dashboards/pipeline-flow';
import { pipelineMatrix } from '../../electron/dashboards/pipeline-matrix';
import { winLoss } from '../../electron/dashboards/win-loss';
import type { ReadScope } from '../../electron/reads/scope';
import { type DashboardData, seedDashboardData } from '../helpers/dashboard-data';
import { freshDb, type TestDb } from '../helpers/db';

let t: TestDb;
let data: DashboardData;
const TODAY = '2026-03-31';

const as = (id: number, role: Staff['role']): ReadScope => ({
  viewer: { id, name: 'x', role },
  today: TODAY,
});

beforeEach(async () => {
  t = await freshDb();
  data = await seedDashboardData(t.db);
});
afterEach(() => t.close());

describe('the pipeline matrix', () => {
  const range = { from: '2026-03-01', to: '2026-04-30' };

  it('sums each stage × owner × month with the settings’ win rates, weighted once per cell', async () => {
    const m = await pipelineMatrix(t.db, range, as(data.manager, 'manager'));
    const cells = [...m.cells].sort((a, b) =>
      `${a.stage}${a.ownerId}`.localeCompare(`${b.stage}${b.ownerId}`),
    );
    expect(cells).toEqual(
      [
        {
          stage: 'commitment',
          ownerId: data.wang,
          month: '2026-04',
          count: 1,
          amountFen: 2_000_000,
          probability: 50,
          weightedFen: 1_000_000,
        },
        // 1,500,001 × 20 % = 300,000.2 → 300,000 fen.
        {
          stage: 'design',
          ownerId: data.li,
          month: '2026-03',
          count: 2,
          amountFen: 1_500_001,
          probability: 20,
          weightedFen: 300_000,
        },
        {
          stage: 'lost',
          ownerId: data.li,
          month: '2026-03',
          count: 1,
          amountFen: 400_000,
          probability: 0,
          weightedFen: 0,
        },
        {
          stage: 'lost',
          ownerId: data.wang,
          month: '2026-03',
          count: 1,
          amountFen: 1_000_000,
          probability: 0,
          weightedFen: 0,
        },
        {
          stage: 'won',
          ownerId: data.li,
          month: '2026-03',
          count: 1,
          amountFen: 3_000_000,
          probability: 100,
          weightedFen: 3_000_000,
        },
      ].sort((a, b) => `${a.stage}${a.ownerId}`.localeCompare(`${b.stage}${b.ownerId}`)),
    );
    expect(m.forecast).toEqual([
      { month: '2026-03', count: 2, amountFen: 1_500_001, weightedFen: 300_000 },
      { month: '2026-04', count: 1, amountFen: 2_000_000, weightedFen: 1_000_000 },
    ]);
    expect(m.winRates).toEqual([
      { ownerId: data.li, won: 1, lost: 1, winRate: 50 },
      { ownerId: data.wang, won: 0, lost: 1, winRate: 0 },
    ]);
    expect(m.owners).toEqual([
      { id: data.li, name: '李专员' },
      { id: data.wang, name: '王专员' },
    ]);
  });

  it('takes the win rates from the sales settings', async () => {
    await t.db
      .insertInto('settings')
      .values({
        key: 'sales',
        value: JSON.stringify({
          probabilities: {
            interest: 5,
            brewing: 10,
            design: 25,
            comparison: 30,
            commitment: 60,
            in_use: 80,
          },
        }),
      })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: (eb) => eb.ref('excluded.value') }))
      .execute();
    const m = await pipelineMatrix(t.db, range, as(data.manager, 'manager'));
    expect(m.cells.find((c) => c.stage === 'design')).toMatchObject({
      probability: 25,
      weightedFen: 375_000,
    });
    expect(m.forecast.map((f) => f.weightedFen)).toEqual([375_000, 1_200_000]);
  });

  it('counts a co-owned account’s opportunities for its co-owner', async () => {
    await t.db
      .insertInto('account_team_members')
      .values({
        account_id: data.accountWang,
        staff_id: data.li,
        added_at: '2026-03-01T00:00:00.000Z',
      })
      .execute();
    const m = await pipelineMatrix(t.db, range, as(data.li, 'specialist'));
    expect(m.cells.find((c) => c.stage === 'commitment')).toMatchObject({
      ownerId: data.wang,
      count: 1,
    });
    const w = await winLoss(
      t.db,
      { from: '2026-03-01', to: '2026-03-31' },
      as(data.li, 'specialist'),
    );
    expect(w.competitorPrices).toHaveLength(1);
  });

  it('gives a specialist only the opportunities of their teams’ accounts', async () => {
    const m = await pipelineMatrix(t.db, range, as(data.li, 'specialist'));
    expect(new Set(m.cells.map((c) => c.ownerId))).toEqual(new Set([data.li]));
    expect(m.cells.reduce((n, c) => n + c.count, 0)).toBe(4);
    expect(m.forecast).toEqual([
      { month: '2026-03', count: 2, amountFen: 1_500_001, weightedFen: 300_000 },
    ]);
  });
});

describe('pipeline conversion and ageing', () => {
  it('counts who entered each stage and went further, and the open ones’ days in stage', async () => {
    const f = await pipelineFlow(
      t.db,
      { from: '2026-03-01', to: '2026-04-30' },
      as(data.manager, 'manager'),
    );
    expect(f.conversion).toEqual([
      { stage: 'interest', reached: 2, advanced: 2, rate: 100 },
      { stage: 'brewing', reached: 1, advanced: 1, rate: 100 },
      // Design: one went on to commitment, one is still there, one was lost from it.
      { stage: 'design', reached: 3, advanced: 1, rate: 33.3 },
      { stage: 'comparison', reached: 2, advanced: 1, rate: 50 },
      { stage: 'commitment', reached: 1, advanced: 0, rate: 0 },
      { stage: 'in_use', reached: 1, advanced: 1, rate: 100 },
    ]);
    const ageing = Object.fromEntries(f.ageing.map((a) => [a.stage, a]));
    // 30 days (since 1 March) and 59 (since 31 January in China, 30 January 17:00 UTC).
    expect(ageing.design).toEqual({
      stage: 'design',
      count: 2,
      averageDays: 44.5,
      maxDays: 59,
      buckets: [1, 1, 0, 0],
    });
    expect(ageing.commitment).toEqual({
      stage: 'commitment',
      count: 1,
      averageDays: 120,
      maxDays: 120,
      buckets: [0, 0, 0, 1],
    });
    expect(ageing.interest).toEqual({
      stage: 'interest',
      count: 1,
      averageDays: 0,
      maxDays: 0,
      buckets: [1, 0, 0, 0],
    });
    expect(ageing.brewing).toEqual({
      stage: 'brewing',
      count: 0,
      averageDays: null,
      maxDays: null,
      buckets: [0, 0, 0, 0],
    });
  });

  it('counts only a specialist’s teams’ opportunities', async () => {
    const f = await pipelineFlow(
      t.db,
      { from: '2026-03-01', to: '2026-04-30' },
      as(data.li, 'specialist'),
    );
    expect(f.conversion.find((c) => c.stage === 'design')).toEqual({
      stage: 'design',
      reached: 2,
      advanced: 0,
      rate: 0,
    });
    expect(f.ageing.find((a) => a.stage === 'commitment')?.count).toBe(0);
  });
});

describe('win and loss', () => {
  const march = { from: '2026-03-01', to: '2026-03-31' };

  it('buckets the period’s closed opportunities by buyer type, owner, source and competitor', async () => {
    const w = await winLoss(t.db, march, as(data.manager, 'manager'));
    expect(w.byBuyerType).toEqual([
      { key: 'direct', won: 1, lost: 1, wonFen: 3_000_000, lostFen: 400_000, winRate: 50 },
      { key: 'government', won: 0, lost: 1, wonFen: 0, lostFen: 1_000_000, winRate: 0 },
    ]);
    expect(w.byOwner.map((o) => [o.name, o.won, o.lost, o.winRate])).toEqual([
      ['李专员', 1, 1, 50],
      ['王专员', 0, 1, 0],
    ]);
    expect(w.bySource.map((o) => [o.key, o.won, o.lost])).toEqual([
      ['referral', 1, 1],
      ['cold_call', 0, 1],
    ]);
    // 本田 named twice on one opportunity counts once.
    expect(w.byCompetitor).toEqual([
      { key: '丰田', won: 1, lost: 1, wonFen: 3_000_000, lostFen: 1_000_000, winRate: 50 },
      { key: '本田', won: 0, lost: 2, wonFen: 0, lostFen: 1_400_000, winRate: 0 },
    ]);
    expect([...w.lostReasons].sort((a, b) => b.amountFen - a.amountFen)).toEqual([
      { reason: 'price', count: 1, amountFen: 1_000_000 },
      { reason: 'budget', count: 1, amountFen: 400_000 },
    ]);
    expect(w.competitorPrices).toEqual([
      expect.objectContaining({
        projectNo: 'ZJCG-2026-001',
        lotNo: '1',
        awardedOn: '2026-03-10',
        brand: '丰田',
        model: '凯美瑞',
        quantity: 4,
        unitPriceFen: 200_000,
        ourUnitPriceFen: 220_000,
      }),
    ]);
  });

  it('leaves out what closed outside the period', async () => {
    const w = await winLoss(
      t.db,
      { from: '2026-03-04', to: '2026-03-31' },
      as(data.manager, 'manager'),
    );
    expect(w.byOwner.map((o) => [o.name, o.won, o.lost])).toEqual([['李专员', 0, 1]]);
  });

  it('gives a specialist their teams’ deals and tenders only', async () => {
    const w = await winLoss(t.db, march, as(data.li, 'specialist'));
    expect(w.byOwner.map((o) => o.key)).toEqual([data.li]);
    expect(w.byCompetitor.map((c) => [c.key, c.won, c.lost])).toEqual([
      ['丰田', 1, 0],
      ['本田', 0, 1],
    ]);
    expect(w.competitorPrices).toEqual([]);
  });
});

describe('the KPI team table', () => {
  beforeEach(async () => {
    await t.db
      .insertInto('kpi_targets')
      .values([
        { staff_id: 0, type: 'visit', daily: 2 },
        { staff_id: data.li, type: 'visit', daily: 3 },
      ])
      .execute();
    const activity = (staffId: number, type: 'visit' | 'call', occurredOn: string) =>
      t.db
        .insertInto('activities')
        .values({
          type,
          account_id: data.accountLi,
          staff_id: staffId,
          occurred_on: occurredOn,
          created_at: 'x',
          updated_at: 'x',
        })
        .execute();
    await activity(data.li, 'visit', '2026-02-09');
    await activity(data.li, 'visit', '2026-02-10');
    await activity(data.li, 'visit', '2026-01-30');
    await activity(data.wang, 'call', '2026-02-11');
  });

  it('sums targets over the month’s working days beside what each did, with a trend', async () => {
    const k = await kpiBoard(
      t.db,
      { period: 'month', date: '2026-02-18', trend: 2 },
      as(data.manager, 'manager'),
    );
    // February 2026: 16 working days (the Spring Festival off, two make-up Saturdays on).
    expect(k).toMatchObject({ from: '2026-02-01', to: '2026-02-28', workingDays: 16 });
    expect(k.rows.map((r) => [r.name, r.target, r.done, r.attainment])).toEqual([
      ['王经理', 32, 0, 0],
      ['李专员', 48, 2, 4.2],
      ['王专员', 32, 1, 3.1],
    ]);
    const january = workingDaysInMonth('2026-01');
    expect(k.trend.map((p) => [p.from, p.workingDays, p.target, p.done])).toEqual([
      ['2026-01-01', january, 7 * january, 1],
      ['2026-02-01', 16, 112, 3],
    ]);
    expect(k.trend[1]?.attainment).toBe(2.7);
  });

  it('gives a specialist their own row only', async () => {
    const k = await kpiBoard(
      t.db,
      { period: 'month', date: '2026-02-18', trend: 1 },
      as(data.li, 'specialist'),
    );
    expect(k.rows.map((r) => [r.staffId, r.target, r.done])).toEqual([[data.li, 48, 2]]);
  });
});

describe('claims and filings', () => {
  it('counts our claims by the status a person sees, the expiring, conflicts, overlaps and filings', async () => {
    const c = await claimsBoard(t.db, { warnDays: 30 }, as(data.manager, 'manager'));
    expect(Object.fromEntries(c.claimsByStatus.map((s) => [s.status, s.count]))).toEqual({
      draft: 1,
      filed: 2,
      approved: 0,
      rejected: 0,
      conflict: 1,
      expired: 1,
      released: 0,
    });
    expect(c.expiringCount).toBe(1);
    expect(c.expiring).toEqual([
      expect.objectContaining({
        accountName: '甲市公安局',
        claimantName: '李专员',
        expiresOn: '2026-04-10',
        daysLeft: 10,
      }),
    ]);
    expect([c.conflicts, c.overlaps]).toEqual([1, 1]);
    expect(c.filingsByStatus).toEqual([
      { status: 'draft', count: 1, units: 2 },
      { status: 'submitted', count: 2, units: 15 },
      { status: 'withdrawn', count: 0, units: 0 },
    ]);
  });

  it('gives a specialist their teams’ claims and filings only', async () => {
    const c = await claimsBoard(t.db, { warnDays: 30 }, as(data.li, 'specialist'));
    expect(c.claimsByStatus.find((s) => s.status === 'filed')?.count).toBe(1);
    expect(c.overlaps).toBe(0);
    expect(c.filingsByStatus.find((s) => s.status === 'submitted')).toEqual({
      status: 'submitted',
      count: 1,
      units: 5,
    });
  });
});
