/** The tender grid's export: its list's query (phases as of the business clock), cells and words. */
import { PROCUREMENT_METHODS, TENDER_STATUSES } from '../../../shared/sales-enums';
import { TENDER_COLUMN_LABELS, tenderListQuery } from '../../../shared/schemas/tenders';
import { tenderGridQuery } from '../../tenders/repository';
import { dateCell, defineGridExport, enumValues, labelCell, timeCell } from '../grid-entry';

export const tendersExport = defineGridExport({
  grid: 'tenders',
  listQuery: tenderListQuery,
  title: { zh: '招标项目', en: 'Tenders' },
  fileStem: { zh: '招标项目', en: 'tenders' },
  teamScoped: false,
  labels: TENDER_COLUMN_LABELS,
  query: (db, input, scope) => tenderGridQuery(db, input, scope.now),
  kinds: {
    projectNo: 'text',
    name: 'text',
    method: 'text',
    purchaserName: 'text',
    agency: 'text',
    status: 'text',
    budgetFen: 'money',
    quantity: 'integer',
    ownerId: 'text',
    announcedOn: 'date',
    docSaleEndOn: 'date',
    bidDeadlineAt: 'datetime',
    openingAt: 'datetime',
    publicityEndOn: 'date',
    awardedOn: 'date',
    bondFen: 'money',
    bondRefundDueOn: 'date',
    bondRefundedOn: 'date',
    wonLots: 'integer',
    opportunityTitle: 'text',
    updatedAt: 'datetime',
  },
  cells: (ctx) => {
    const time = timeCell(ctx);
    return {
      projectNo: (r) => r.projectNo,
      name: (r) => r.name,
      method: (r) => labelCell(PROCUREMENT_METHODS, ctx.lang)(r.method),
      purchaserName: (r) => r.purchaserName,
      agency: (r) => r.agency,
      status: (r) => labelCell(TENDER_STATUSES, ctx.lang)(r.status),
      budgetFen: (r) => r.budgetFen,
      quantity: (r) => r.quantity,
      ownerId: (r) => r.ownerName,
      announcedOn: (r) => dateCell(r.announcedOn),
      docSaleEndOn: (r) => dateCell(r.docSaleEndOn),
      bidDeadlineAt: (r) => time(r.bidDeadlineAt),
      openingAt: (r) => time(r.openingAt),
      publicityEndOn: (r) => dateCell(r.publicityEndOn),
      awardedOn: (r) => dateCell(r.awardedOn),
      bondFen: (r) => r.bondFen,
      bondRefundDueOn: (r) => dateCell(r.bondRefundDueOn),
      bondRefundedOn: (r) => dateCell(r.bondRefundedOn),
      wonLots: (r) => r.wonLots,
      opportunityTitle: (r) => r.opportunityTitle,
      updatedAt: (r) => time(r.updatedAt),
    };
  },
  vocabulary: (ctx) => ({
    value: enumValues({ method: PROCUREMENT_METHODS, status: TENDER_STATUSES }, ctx),
    money: ['budgetFen', 'bondFen'],
  }),
});
