/**
 * Every figure of the win/loss and pipeline dashboards drills down to exactly the rows it counts:
 * each bucket's drill-down filters (shared/drill-filters.ts, as the charts build them) are checked
 * by the opportunities list's schema and run through the grid's query, and the grid's total must
 * equal the figure — "nobody" (无负责人), no source, no lost reason and each competitor brand
 * included, for the manager and for a specialist.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Filter } from '../../shared/list';
import {
  OPPORTUNITY_COLUMN_LABELS,
  opportunityListQuery,
} from '../../shared/schemas/opportunities';
import type { Staff } from '../../shared/schemas/staff';
import { describeGridView } from '../../electron/exports/describe-view';
import { pipelineMatrix } from '../../electron/dashboards/pipeline-matrix';
import { winLoss } from '../../electron/dashboards/win-loss';
import { listOpportunities } from '../../electron/opportunities/repository';
import { probabilities } from '../../electron/opportunities/service';
import type { ReadScope } from '../../electron/reads/scope';
import {
  between,
  closedDrill,
  inValues,
  keyFilter,
  monthRange,
  ownerFilter,
} from '../../shared/drill-filters';
import { type DashboardData, opportunity, seedDashboardData } from '../helpers/dashboard-data';
import { freshDb, type TestDb } from '../helpers/db';

let t: TestDb;
let data: DashboardData;
const TODAY = '2026-03-31';
const MARCH = { from: '2026-03-01', to: '2026-03-31' };

const as = (id: number, role: Staff['role']): ReadScope => ({
  viewer: { id, name: 'x', role },
  today: TODAY,
});

/** An opportunity of nobody's, with no source and no lost reason, closing on 25 March. */
const unowned = (o: {
  account: number;
  stage: 'won' | 'lost' | 'design';
  amount: number;
  changedAt: string;
  competitors?: string[];
}) => opportunity(t.db, { ...o, owner: null, close: '2026-03-25', history: [] });

/** The opportunities grid's total under `filters`, as the viewer's grid would show it. */
async function gridTotal(filters: Filter[], teamOf: number | null): Promise<number> {
  const query = opportunityListQuery.parse({ offset: 0, limit: 1, filters });
  const page = await listOpportunities(t.db, { ...query, teamOf }, await probabilities(t.db));
  return page.total;
}

beforeEach(async () => {
  t = await freshDb();
  data = await seedDashboardData(t.db);
  // Nobody's deals on 李's account: won with 丰田 named, lost with no competitor, an open one.
  await unowned({
    account: data.accountLi,
    stage: 'won',
    amount: 700_000,
    changedAt: '2026-03-12T02:00:00.000Z',
    competitors: ['丰田', '五菱'],
  });
  await unowned({
    account: data.accountLi,
    stage: 'lost',
    amount: 300_000,
    changedAt: '2026-03-13T02:00:00.000Z',
  });
  await unowned({
    account: data.accountWang,
    stage: 'design',
    amount: 50_000,
    changedAt: '2026-03-13T02:00:00.000Z',
    competitors: ['五菱'],
  });
});
afterEach(() => t.close());

describe('win/loss drill-downs', () => {
  for (const [who, role] of [
    ['manager', 'manager'],
    ['li', 'specialist'],
  ] as const) {
    it(`land on exactly the opportunities each figure counts (${who})`, async () => {
      const viewer = data[who];
      const teamOf = role === 'specialist' ? viewer : null;
      const w = await winLoss(t.db, MARCH, as(viewer, role));
      /** Each outcome bar (won, lost) and its table row (both) against the grid's total. */
      const check = async (
        r: { won: number; lost: number },
        filters: Filter[],
        name: string,
      ): Promise<void> => {
        expect(await gridTotal(closedDrill(MARCH, 0, filters), teamOf), `${name} won`).toBe(r.won);
        expect(await gridTotal(closedDrill(MARCH, 1, filters), teamOf), `${name} lost`).toBe(
          r.lost,
        );
        expect(
          await gridTotal(closedDrill(MARCH, undefined, filters), teamOf),
          `${name} both`,
        ).toBe(r.won + r.lost);
      };
      for (const r of w.byBuyerType) await check(r, [inValues('buyerType', [r.key])], r.key);
      for (const r of w.byOwner) await check(r, ownerFilter('ownerId', r.key), `owner ${r.key}`);
      for (const r of w.bySource) await check(r, [keyFilter('source', r.key)], `source ${r.key}`);
      for (const r of w.byCompetitor)
        await check(r, [inValues('competitorBrands', [r.key])], `brand ${r.key}`);
      for (const r of w.lostReasons)
        expect(
          await gridTotal(closedDrill(MARCH, 1, [keyFilter('lostReason', r.reason)]), teamOf),
          `reason ${r.reason}`,
        ).toBe(r.count);

      // The buckets the old drill-downs could not reach are there, and count what they should.
      expect(w.byOwner.find((o) => o.key === null)).toMatchObject({ won: 1, lost: 1 });
      expect(w.bySource.find((o) => o.key === null)).toMatchObject({ won: 1, lost: 1 });
      expect(w.lostReasons.find((r) => r.reason === null)).toMatchObject({ count: 1 });
      expect(w.byCompetitor.find((c) => c.key === '五菱')).toMatchObject({ won: 1, lost: 0 });
    });
  }

  it('a competitor filter asks for the brand exactly, and "none" for no competitor named', async () => {
    // 五菱: the won one (closed) and the open one; 丰 alone is no brand.
    expect(await gridTotal([inValues('competitorBrands', ['五菱'])], null)).toBe(2);
    expect(await gridTotal([inValues('competitorBrands', ['丰'])], null)).toBe(0);
    // No competitor named: four of the seeded seven and the nobody's lost one.
    expect(await gridTotal([keyFilter('competitorBrands', null)], null)).toBe(5);
    // Either brand, or none: every opportunity but those naming only 本田 (one).
    expect(await gridTotal([inValues('competitorBrands', ['丰田', '五菱', ''])], null)).toBe(9);
  });

  it('refuses "none" on a column that always holds a value', () => {
    const parsed = opportunityListQuery.safeParse({ filters: [keyFilter('stage', null)] });
    expect(parsed.success).toBe(false);
  });
});

describe('pipeline drill-downs', () => {
  it('a cell of nobody’s opportunities lands on exactly them', async () => {
    const m = await pipelineMatrix(
      t.db,
      { from: '2026-03-01', to: '2026-04-30' },
      as(data.manager, 'manager'),
    );
    const nobody = m.cells.filter((c) => c.ownerId === null);
    expect(nobody.map((c) => c.stage).sort()).toEqual(['design', 'lost', 'won']);
    for (const c of m.cells) {
      const filters = [
        inValues('stage', [c.stage]),
        ...ownerFilter('ownerId', c.ownerId),
        between('expectedCloseOn', ...monthRange(c.month)),
      ];
      expect(await gridTotal(filters, null), `${c.stage} ${c.ownerId} ${c.month}`).toBe(c.count);
    }
  });
});

describe('the export’s about sheet', () => {
  it('says "none" for a drill-down to nobody’s records, in both languages', () => {
    const view = {
      filters: [keyFilter('ownerId', null), inValues('competitorBrands', ['丰田', ''])],
      sort: [],
    };
    const vocabulary = { labels: OPPORTUNITY_COLUMN_LABELS };
    expect(describeGridView(view, 'zh-CN', vocabulary).filters).toBe(
      '负责人: 无\n竞争品牌: 丰田、无',
    );
    expect(describeGridView(view, 'en', vocabulary).filters).toBe(
      'Owner: none\nCompetitor brands: 丰田, none',
    );
  });
});
