/** The opportunity grid's export: its list's query (win rates from the settings), cells and words. */
import { BUYER_TYPES, SOURCES } from '../../../shared/enums';
import { LOST_REASONS, STAGES } from '../../../shared/sales-enums';
import {
  OPPORTUNITY_COLUMN_LABELS,
  opportunityListQuery,
} from '../../../shared/schemas/opportunities';
import { opportunityGridQuery } from '../../opportunities/repository';
import { probabilities } from '../../opportunities/service';
import { dateCell, defineGridExport, enumValues, labelCell, timeCell } from '../grid-entry';

const ENUMS = { buyerType: BUYER_TYPES, stage: STAGES, source: SOURCES, lostReason: LOST_REASONS };

export const opportunitiesExport = defineGridExport({
  grid: 'opportunities',
  listQuery: opportunityListQuery,
  title: { zh: '商机列表', en: 'Opportunities' },
  fileStem: { zh: '商机列表', en: 'opportunities' },
  teamScoped: true,
  labels: OPPORTUNITY_COLUMN_LABELS,
  query: async (db, input, scope) =>
    opportunityGridQuery(db, { ...input, teamOf: scope.teamOf }, await probabilities(db)),
  kinds: {
    title: 'text',
    accountName: 'text',
    buyerType: 'text',
    stage: 'text',
    probability: 'integer',
    amountFen: 'money',
    weightedFen: 'money',
    budgetFen: 'money',
    quantity: 'integer',
    expectedCloseOn: 'date',
    ownerId: 'text',
    source: 'text',
    accountId: 'integer',
    tenderNo: 'text',
    lostReason: 'text',
    winnerName: 'text',
    competitorBrands: 'text',
    stageChangedAt: 'datetime',
    createdAt: 'datetime',
    updatedAt: 'datetime',
  },
  cells: (ctx) => {
    const label = (t: Parameters<typeof labelCell>[0]) => labelCell(t, ctx.lang);
    const time = timeCell(ctx);
    return {
      title: (r) => r.title,
      accountName: (r) => r.accountName,
      buyerType: (r) => label(BUYER_TYPES)(r.buyerType),
      stage: (r) => label(STAGES)(r.stage),
      probability: (r) => r.probability,
      amountFen: (r) => r.amountFen,
      weightedFen: (r) => r.weightedFen,
      budgetFen: (r) => r.budgetFen,
      quantity: (r) => r.quantity,
      expectedCloseOn: (r) => dateCell(r.expectedCloseOn),
      ownerId: (r) => r.ownerName,
      source: (r) => label(SOURCES)(r.source),
      accountId: (r) => r.accountId,
      tenderNo: (r) => r.tenderNo,
      lostReason: (r) => label(LOST_REASONS)(r.lostReason),
      winnerName: (r) => r.winnerName,
      competitorBrands: (r) => r.competitorBrands.join(ctx.lang === 'en' ? ', ' : '、'),
      stageChangedAt: (r) => time(r.stageChangedAt),
      createdAt: (r) => time(r.createdAt),
      updatedAt: (r) => time(r.updatedAt),
    };
  },
  vocabulary: (ctx) => ({
    value: enumValues(ENUMS, ctx),
    money: ['amountFen', 'weightedFen', 'budgetFen'],
  }),
});
