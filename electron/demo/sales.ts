/**
 * Demo sales work on top of the demo accounts: a price list, opportunities in every stage,
 * government tenders across methods and phases (upcoming deadlines, awards won and lost, failures),
 * contracts with approvals, system allocations, deliveries, invoices and follow-ups, and a month of
 * activities with next steps. Written through the real services, inside the loader's transaction,
 * so every record obeys the same rules and feeds the deadlines and the audit log like real work.
 */
import type { Clock } from '../../shared/clock';
import type { Kysely } from 'kysely';
import { addDays, chinaDate } from '../../shared/dates';
import {
  ACTIVITY_OUTCOME_VALUES,
  LOST_REASON_VALUES,
  type OpenStage,
} from '../../shared/sales-enums';
import type { PriceListEntry } from '../../shared/schemas/contracts';
import { completeNextStep, createActivity, setKpiTargets } from '../activities/service';
import type { Database } from '../db/schema';
import { applyStage, createOpportunity } from '../opportunities/service';
import { savePrice } from '../prices/price-list';
import { getStaff } from '../staff/service';
import { Random } from './random';
import { ACTIVITY_WEIGHTS, COMPETITORS, NEXT_STEPS, RANGE, SUMMARIES } from './sales-catalogue';
import type { DemoSalesInput, DemoSalesSummary, SalesSeed } from './sales-context';
import { seedContract } from './sales-contract';
import { seedTender } from './sales-tender';

/** Enough for every view to have content; a 200,000-account demo need not have 30,000 deals. */
const MAX_OPPORTUNITIES = 600;

export async function seedDemoSales(
  trx: Kysely<Database>,
  clock: Clock,
  input: DemoSalesInput,
  onProgress?: (done: number, total: number) => void,
): Promise<DemoSalesSummary> {
  const r = new Random(input.seed ?? 20261123);
  const today = chinaDate(clock.now());
  const day = (offset: number) => addDays(today, offset);
  const summary: DemoSalesSummary = {
    opportunities: 0,
    tenders: 0,
    contracts: 0,
    deliveries: 0,
    activities: 0,
  };

  const prices: PriceListEntry[] = [];
  for (const p of RANGE)
    prices.push(
      await savePrice(trx, clock, input.managerId, null, {
        model: p.model,
        configuration: p.configuration,
        retailFen: p.retail * 100,
        floorFen: Math.round(p.retail * p.floor) * 100,
      }),
    );
  await setKpiTargets(trx, clock, input.managerId, null, {
    visit: 2,
    call: 6,
    mailing: 3,
    mailing_call: 3,
    cold_call: 2,
  });

  const subordinatesOf = new Map<number, number[]>();
  for (const a of input.accounts)
    if (a.parentId !== null)
      subordinatesOf.set(a.parentId, [...(subordinatesOf.get(a.parentId) ?? []), a.id]);

  // About one account in seven is being worked on; head offices with units more often.
  const worked = input.accounts
    .filter(
      (a) => a.parentId === null && (subordinatesOf.has(a.id) ? r.chance(0.5) : r.chance(0.14)),
    )
    .slice(0, MAX_OPPORTUNITIES);
  const s: SalesSeed = {
    trx,
    clock,
    r,
    input,
    today,
    day,
    summary,
    prices,
    subordinatesOf,
    serial: {
      vin: r.int(1000, 90000),
      tender: r.int(100, 400),
      contract: 1,
      invoice: r.int(10_000_000, 20_000_000),
    },
  };

  for (const [index, a] of worked.entries()) {
    onProgress?.(index, worked.length);
    const owner = a.ownerId ?? input.managerId;
    const units =
      a.buyerType === 'government' ? [2, 12] : a.buyerType === 'system' ? [10, 40] : [5, 30];
    const chosen = [r.pick(prices), ...(r.chance(0.3) ? [r.pick(prices)] : [])].filter(
      (p, i, all) => all.findIndex((x) => x.id === p.id) === i,
    );
    const lines = chosen.map((p) => ({
      model: p.model,
      configuration: p.configuration,
      quantity: r.int(units[0]!, units[1]!),
      targetUnitPriceFen: Math.round((p.retailFen * r.int(88, 97)) / 10000) * 100,
    }));
    const year = Number(today.slice(0, 4)) + 1;
    const short = a.name.replace(/(有限责任公司|有限公司|股份有限公司)$/, '');
    const title = r.pick([
      `${year}年公务用车更新`,
      '执法执勤车辆采购',
      '车队扩充',
      '通勤车辆更新',
      '业务用车采购',
    ]);
    const contacts = await trx
      .selectFrom('contacts')
      .select(['id', 'purchase_role'])
      .where('account_id', '=', a.id)
      .limit(2)
      .execute();
    const opp = await createOpportunity(trx, clock, await getStaff(trx, owner), {
      accountId: a.id,
      title: `${short}${title}`,
      ownerId: owner,
      source: a.source,
      budgetFen:
        Math.round(
          (lines.reduce((n, l) => n + l.quantity * (l.targetUnitPriceFen ?? 0), 0) * 1.05) /
            1_000_000,
        ) * 1_000_000,
      // Mostly ahead; a few already past their date, the stale forecasts a manager asks about.
      expectedCloseOn: r.chance(0.04) ? day(-r.int(1, 20)) : day(r.int(3, 150)),
      lines,
      contacts: contacts.map((c) => ({
        contactId: c.id,
        role: c.purchase_role,
      })),
      competitors: r.chance(0.6)
        ? [r.pick(COMPETITORS)].map(([brand, model]) => ({
            brand,
            model,
            rep: r.chance(0.5) ? '与客户后勤处关系较好' : null,
            customerView: r.pick(['价格有优势', '品牌认可度高', '售后网点少', '配置偏低']),
          }))
        : [],
      notes: null,
    });
    summary.opportunities++;

    // A month of activities around it, with next steps (some due today, some overdue).
    for (let k = r.int(1, 4); k > 0; k--) {
      const type = r.weighted(ACTIVITY_WEIGHTS);
      const occurredOn = day(-r.int(0, 30));
      const withNext = r.chance(0.5);
      const activity = await createActivity(trx, clock, await getStaff(trx, owner), {
        type,
        accountId: a.id,
        opportunityId: opp.id,
        contactId: contacts[0]?.id ?? null,
        occurredOn,
        outcome: r.pick(ACTIVITY_OUTCOME_VALUES),
        summary: r.pick(SUMMARIES[type]),
        nextStep: withNext ? r.pick(NEXT_STEPS) : null,
        nextStepOn: withNext ? addDays(occurredOn, r.int(1, 21)) : null,
      });
      summary.activities++;
      // Most past next steps were done; a few are overdue, as in anyone's week.
      if (activity.nextStepOn && activity.nextStepOn < today && r.chance(0.95))
        await completeNextStep(trx, clock, await getStaff(trx, owner), activity.id, true);
    }

    const stage: OpenStage | 'lost' | 'abandoned' | 'tender' = r.weighted([
      ['interest', 3],
      ['brewing', 3],
      ['design', 2],
      ['comparison', 2],
      ['commitment', 1],
      ['tender', a.buyerType === 'government' ? 10 : 0],
      ['lost', 1],
      ['abandoned', 0.5],
    ] as const);

    if (stage === 'tender') {
      await seedTender(s, opp, a, owner);
      continue;
    }
    if (stage === 'lost') {
      const [brand] = r.pick(COMPETITORS);
      await applyStage(
        trx,
        owner,
        opp.id,
        'lost',
        'manual',
        {
          lostReason: r.pick(LOST_REASON_VALUES.filter((x) => x !== 'tender_lost')),
          winnerName: `${brand}经销商`,
          winningPriceFen: null,
        },
        null,
        clock,
      );
      continue;
    }
    if (stage === 'abandoned') {
      await applyStage(
        trx,
        owner,
        opp.id,
        'abandoned',
        'manual',
        { lostNote: '客户预算取消' },
        null,
        clock,
      );
      continue;
    }
    if (stage !== 'interest')
      await applyStage(trx, owner, opp.id, stage, 'manual', {}, null, clock);
    // Direct and system buyers at commitment sign without a tender.
    if (stage === 'commitment' && a.buyerType !== 'government' && r.chance(0.8))
      await seedContract(s, null, opp.id, a, owner, -r.int(10, 60));
  }
  onProgress?.(worked.length, worked.length);
  return summary;
}
