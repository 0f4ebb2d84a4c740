/**
 * The demo's government tenders: a tender for an opportunity in one phase — deadlines still ahead,
 * awarded (won, then a contract, or lost to a rival) or failed — through the tenders' workflows.
 */
import type { OpportunityDetail } from '../../shared/schemas/opportunities';
import { createTender } from '../tenders/editing';
import { recordResults } from '../tenders/results';
import { COMPETITORS, METHODS } from './sales-catalogue';
import type { DemoAccount, SalesSeed } from './sales-context';
import { seedContract } from './sales-contract';

export async function seedTender(
  s: SalesSeed,
  opp: OpportunityDetail,
  a: DemoAccount,
  owner: number,
): Promise<void> {
  const { trx, clock, r, today, day, summary } = s;
  // The tender's phase: upcoming deadlines, awarded (won or lost), or failed.
  const phase = r.weighted([
    ['upcoming', 4],
    ['won', 3],
    ['lost', 2],
    ['failed', 0.5],
  ] as const);
  const opening = phase === 'upcoming' ? r.int(2, 25) : -r.int(15, 90);
  const announced = opening - r.int(20, 30);
  const projectNo = `${r.pick(['ZFCG', 'GPCG', 'CG'])}-${today.slice(0, 4)}-${String(s.serial.tender++).padStart(4, '0')}`;
  const lotLines = opp.lines.map((l, i) => ({
    lotNo: String(i + 1),
    name: `${l.model}`,
    requirements: `${l.configuration ?? ''}，排量/续航满足公务用车标准，含三年保养`,
    quantity: l.quantity,
    budgetFen: Math.round(l.quantity * (l.targetUnitPriceFen ?? 0) * 1.03),
    bidAmountFen: opening < 3 ? Math.round(l.quantity * (l.targetUnitPriceFen ?? 0) * 0.99) : null,
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
    agency: r.pick(['省政府采购中心', '市公共资源交易中心', '国信招标集团', '中化商务有限公司']),
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
  if (phase === 'upcoming') return;
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
    await seedContract(s, results.id, opp.id, a, owner, opening + r.int(10, 20));
  }
}
