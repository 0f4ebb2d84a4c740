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
import type { BuyerType, Source } from '../../shared/enums';
import {
  ACTIVITY_OUTCOME_VALUES,
  type ActivityType,
  LOST_REASON_VALUES,
  type OpenStage,
  type ProcurementMethod,
} from '../../shared/sales-enums';
import type { PriceListEntry } from '../../shared/schemas/contracts';
import { vinCheckCharacter } from '../../shared/vin';
import { completeNextStep, createActivity, setKpiTargets } from '../activities/service';
import { completeFollowUp } from '../contracts/follow-ups';
import { getStaff } from '../staff/service';
import { allocate } from '../contracts/allocations';
import { decideApproval, requestApproval } from '../contracts/approvals';
import { deliver } from '../contracts/deliveries';
import { createContract } from '../contracts/drafting';
import { addInvoice } from '../contracts/invoices';
import { finalizeContract } from '../contracts/lifecycle';
import type { Database } from '../db/schema';
import { applyStage, createOpportunity } from '../opportunities/service';
import { savePrice } from '../prices/price-list';
import { createTender } from '../tenders/editing';
import { recordResults } from '../tenders/results';
import { Random } from './random';

/** One manufacturer's range (一汽-大众), retail prices in 元 and the policy floor as a share of it. */
const RANGE: { model: string; configuration: string; retail: number; floor: number }[] = [
  { model: '宝来', configuration: '1.5L 自动舒适型', retail: 119_900, floor: 0.9 },
  { model: '速腾', configuration: '300TSI 飞越版', retail: 149_900, floor: 0.9 },
  { model: '迈腾', configuration: '330TSI 公务版', retail: 199_900, floor: 0.91 },
  { model: '迈腾', configuration: '380TSI 旗舰型', retail: 269_900, floor: 0.9 },
  { model: '一汽-大众CC', configuration: '380TSI 夺目版', retail: 259_900, floor: 0.9 },
  { model: '探岳', configuration: '330TSI 两驱豪华智联版', retail: 219_900, floor: 0.9 },
  { model: '探歌', configuration: '280TSI 两驱舒适型', retail: 149_900, floor: 0.9 },
  { model: '探影', configuration: '1.5L 悦智联版', retail: 129_900, floor: 0.9 },
  { model: 'ID.4 CROZZ', configuration: 'Pure+ 长续航版', retail: 199_900, floor: 0.88 },
  { model: '揽境', configuration: '380TSI 四驱豪华佳境版', retail: 349_900, floor: 0.9 },
];

const COMPETITORS: [string, string][] = [
  ['丰田', '凯美瑞'],
  ['本田', '雅阁'],
  ['别克', 'GL8'],
  ['比亚迪', '汉'],
  ['日产', '天籁'],
  ['红旗', 'H5'],
  ['上汽大众', '帕萨特'],
];

const METHODS: (readonly [ProcurementMethod, number])[] = [
  ['open_tender', 6],
  ['competitive_consultation', 2],
  ['competitive_negotiation', 1],
  ['rfq', 2],
  ['framework', 1],
  ['online_mall', 1],
  ['single_source', 1],
];

const ACTIVITY_WEIGHTS: (readonly [ActivityType, number])[] = [
  ['visit', 4],
  ['call', 6],
  ['mailing', 2],
  ['mailing_call', 2],
  ['cold_call', 1],
  ['quote', 1],
];

const SUMMARIES: Record<ActivityType, string[]> = {
  visit: [
    '拜访装备处，了解明年更新计划',
    '与后勤处长面谈，介绍公务版配置',
    '陪同客户试驾迈腾公务版',
  ],
  call: ['电话确认预算下达时间', '跟进报价反馈', '确认参数需求与交付时间'],
  mailing: ['寄送公务车型资料与政采目录', '寄送新年贺卡及车型手册'],
  mailing_call: ['资料寄达后电话回访，客户有兴趣', '确认资料已收到，约下周拜访'],
  cold_call: ['陌生拜访车队负责人', '首次上门，递交名片与资料'],
  tender_docs: ['购买招标文件'],
  quote: ['提交正式报价单', '按批量价格重新报价'],
};

const FOLLOW_UP_OUTCOMES = [
  '车辆使用正常，客户满意',
  '客户反馈油耗偏高，已安排技师回访',
  '驾驶员对座椅舒适性评价好，提到明年还有采购计划',
  '已提醒首保时间，客户确认按时进站',
];

const NEXT_STEPS = [
  '送报价单',
  '安排试驾',
  '确认预算批复',
  '提交参数偏离表',
  '约见采购负责人',
  '寄送资质文件',
];

/** Enough for every view to have content; a 200,000-account demo need not have 30,000 deals. */
const MAX_OPPORTUNITIES = 600;

interface DemoSalesInput {
  accounts: {
    id: number;
    name: string;
    buyerType: BuyerType;
    ownerId: number | null;
    parentId: number | null;
    source: Source | null;
  }[];
  managerId: number;
  adminId: number;
  seed?: number;
}

interface DemoSalesSummary {
  opportunities: number;
  tenders: number;
  contracts: number;
  deliveries: number;
  activities: number;
}

function vinFor(serial: number): string {
  // WMI LFV (FAW-VW), a model descriptor, the check character, model year R (2024), plant, serial.
  const body = `LFV2A2BS0R${String(100000 + (serial % 900000)).padStart(6, '0')}0`;
  const draft = body.slice(0, 17);
  return `${draft.slice(0, 8)}${vinCheckCharacter(draft)}${draft.slice(9)}`;
}

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
  let vinSerial = r.int(1000, 90000);
  let tenderSerial = r.int(100, 400);
  let contractSerial = 1;
  let invoiceSerial = r.int(10_000_000, 20_000_000);

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
      // The tender's phase: upcoming deadlines, awarded (won or lost), or failed.
      const phase = r.weighted([
        ['upcoming', 4],
        ['won', 3],
        ['lost', 2],
        ['failed', 0.5],
      ] as const);
      const opening = phase === 'upcoming' ? r.int(2, 25) : -r.int(15, 90);
      const announced = opening - r.int(20, 30);
      const projectNo = `${r.pick(['ZFCG', 'GPCG', 'CG'])}-${today.slice(0, 4)}-${String(tenderSerial++).padStart(4, '0')}`;
      const lotLines = opp.lines.map((l, i) => ({
        lotNo: String(i + 1),
        name: `${l.model}`,
        requirements: `${l.configuration ?? ''}，排量/续航满足公务用车标准，含三年保养`,
        quantity: l.quantity,
        budgetFen: Math.round(l.quantity * (l.targetUnitPriceFen ?? 0) * 1.03),
        bidAmountFen:
          opening < 3 ? Math.round(l.quantity * (l.targetUnitPriceFen ?? 0) * 0.99) : null,
        bidModel: opening < 3 ? `${l.model} ${l.configuration ?? ''}`.trim() : null,
      }));
      const openingAt = `${day(opening)}T01:30:00.000Z`;
      const bondPaidOn = opening < 3 ? day(opening - r.int(3, 6)) : null;
      const refundDue = opening + r.int(5, 30);
      const tender = await createTender(trx, clock, owner, {
        projectNo,
        name: opp.title.replace(/采购$/, '') + '采购项目',
        method: r.weighted(METHODS),
        purchaserId: a.id,
        agency: r.pick([
          '省政府采购中心',
          '市公共资源交易中心',
          '国信招标集团',
          '中化商务有限公司',
        ]),
        announcementUrl: `https://www.ccgp.gov.cn/cggg/dfgg/gkzb/${projectNo.toLowerCase()}.htm`,
        opportunityId: opp.id,
        ownerId: owner,
        budgetFen: lotLines.reduce((n, l) => n + (l.budgetFen ?? 0), 0),
        intentionOn: day(announced - r.int(20, 60)),
        announcedOn: day(announced),
        docSaleStartOn: day(announced + 1),
        docSaleEndOn: day(announced + 6),
        bidDeadlineAt: openingAt,
        openingAt,
        openingPlace: '公共资源交易中心 第三开标室',
        bondFen: bondPaidOn ? 2_000_000 : null,
        bondPaidOn,
        bondRefundDueOn: bondPaidOn ? day(refundDue) : null,
        // Refunds due in the past were mostly received.
        bondRefundedOn:
          bondPaidOn && refundDue < 0 && r.chance(0.9)
            ? day(Math.min(refundDue + r.int(0, 5), 0))
            : null,
        lots: lotLines,
        notes: null,
      });
      summary.tenders++;
      if (phase === 'upcoming') continue;
      const results = await recordResults(trx, clock, owner, {
        id: tender.id,
        awardedOn: day(opening + r.int(3, 8)),
        publicityEndOn: day(opening + r.int(1, 3)),
        lots: tender.lots.map((l) => {
          if (phase === 'failed')
            return {
              lotId: l.id,
              result: 'failed' as const,
              winnerName: null,
              winnerBrand: null,
              winnerModel: null,
              winningAmountFen: null,
            };
          if (phase === 'won')
            return {
              lotId: l.id,
              result: 'won' as const,
              winnerName: null,
              winnerBrand: '一汽-大众',
              winnerModel: null,
              winningAmountFen: null,
            };
          const [brand, model] = r.pick(COMPETITORS);
          return {
            lotId: l.id,
            result: 'lost' as const,
            winnerName: `${r.pick(['省', '市'])}${brand}特约经销商`,
            winnerBrand: brand,
            winnerModel: model,
            winningAmountFen: Math.round(((l.bidAmountFen ?? 0) * r.int(90, 98)) / 100),
          };
        }),
      });
      if (phase === 'won') {
        await contractFor(results.id, opp.id, a, owner, opening + r.int(10, 20));
      }
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
      await contractFor(null, opp.id, a, owner, -r.int(10, 60));
  }
  onProgress?.(worked.length, worked.length);
  return summary;

  async function contractFor(
    tenderId: number | null,
    opportunityId: number,
    a: DemoSalesInput['accounts'][number],
    owner: number,
    signedOffset: number,
  ): Promise<void> {
    const signedOn = day(Math.min(signedOffset, -1));
    const opp = await trx
      .selectFrom('opportunity_lines')
      .selectAll()
      .where('opportunity_id', '=', opportunityId)
      .execute();
    const units = subordinatesOf.get(a.id) ?? [];
    const system = a.buyerType === 'system' && units.length > 0;
    const lines = opp.map((l) => {
      const price =
        prices.find((p) => p.model === l.model && p.configuration === l.configuration) ??
        prices[0]!;
      // Most prices sit between floor and retail; one contract in six goes below the floor.
      const unit = r.chance(0.17)
        ? price.floorFen - r.int(1, 5) * 100_000
        : r.int(price.floorFen / 100, price.retailFen / 100) * 100;
      return { priceId: price.id, quantity: l.quantity, unitPriceFen: Math.max(unit, 100) };
    });
    const contract = await createContract(trx, clock, owner, {
      number: `HT${signedOn.slice(0, 4)}-${String(contractSerial++).padStart(4, '0')}`,
      kind: system ? 'system' : 'standard',
      accountId: a.id,
      partyName: a.name,
      opportunityId,
      tenderId,
      signedOn,
      deliveryDueOn: addDays(signedOn, r.int(30, 75)),
      lines,
      notes: null,
    });
    summary.contracts++;
    if (contract.belowFloor > 0) {
      const asked = await requestApproval(
        trx,
        clock,
        owner,
        contract.id,
        '年度重点客户，批量采购，竞品报价较低',
      );
      // The one manager cannot approve a price they set themselves: theirs stay waiting.
      if (r.chance(0.6) && input.managerId !== owner)
        await decideApproval(
          trx,
          clock,
          { id: input.managerId, role: 'manager' },
          asked.approvals[0]!.id,
          true,
          '同意，按批量价格执行',
        );
      else return; // Left waiting for a manager: the approval queue has work in it.
    }
    let detail = await finalizeContract(trx, clock, owner, contract.id);
    if (system)
      for (const line of detail.lines) {
        let left = line.quantity;
        for (const [i, unitId] of units.slice(0, 3).entries()) {
          const share =
            i === Math.min(units.length, 3) - 1
              ? left
              : Math.ceil(line.quantity / Math.min(units.length, 3));
          const quantity = Math.min(share, left);
          if (quantity <= 0) break;
          detail = await allocate(trx, clock, owner, {
            contractId: contract.id,
            unitId,
            lineId: line.id,
            quantity,
          });
          left -= quantity;
        }
      }
    // Deliveries well after signing have happened; the rest are still to come.
    const deliveredOn = addDays(signedOn, r.int(7, 40));
    if (deliveredOn > today) return;
    const unitNames = new Map(input.accounts.map((x) => [x.id, x.name]));
    const targets = system
      ? detail.allocations.map((x) => ({
          lineId: x.lineId,
          allocationId: x.id,
          count: x.quantity,
          owner: unitNames.get(x.unit.id) ?? a.name,
        }))
      : detail.lines.map((l) => ({
          lineId: l.id,
          allocationId: null,
          count: l.quantity,
          owner: a.name,
        }));
    for (const t of targets) {
      const count = r.chance(0.7) ? t.count : Math.ceil(t.count / 2);
      for (let k = 0; k < count; k++) {
        detail = await deliver(trx, clock, owner, {
          contractId: contract.id,
          lineId: t.lineId,
          allocationId: t.allocationId,
          vin: vinFor(vinSerial++),
          plate: null,
          registrationOwner: t.owner,
          deliveredOn,
          acceptCheckDigit: false,
        });
        summary.deliveries++;
      }
      const delivered = detail.deliveries.filter(
        (d) => d.allocationId === t.allocationId && d.lineId === t.lineId && d.invoiceId === null,
      );
      const line = detail.lines.find((l) => l.id === t.lineId)!;
      detail = await addInvoice(trx, clock, owner, {
        contractId: contract.id,
        allocationId: t.allocationId,
        number: String(invoiceSerial++),
        issuedOn: addDays(deliveredOn, 1) > today ? today : addDays(deliveredOn, 1),
        buyerName: t.owner,
        amountFen: delivered.length * line.unitPriceFen,
        deliveryIds: delivered.map((d) => d.id),
      });
    }
    // Follow-ups already due were mostly made.
    for (const f of detail.followUps)
      if (f.dueOn < today && r.chance(0.85))
        await completeFollowUp(trx, clock, owner, f.id, r.pick(FOLLOW_UP_OUTCOMES));
    // Fully delivered and invoiced: most of these deals are closed as won with their contract.
    const after = await trx
      .selectFrom('contracts')
      .select(['quantity', 'delivered'])
      .where('id', '=', contract.id)
      .executeTakeFirstOrThrow();
    if (after.delivered >= after.quantity && r.chance(0.8))
      await applyStage(
        trx,
        owner,
        opportunityId,
        'won',
        'manual',
        { contractId: contract.id },
        null,
        clock,
      );
  }
}
