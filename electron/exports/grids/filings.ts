/** The filing grid's export (激励报备): its list's query (a specialist's teams' accounts), cells and words. */
import { BUYER_TYPES } from '../../../shared/enums';
import { FILING_STATUSES } from '../../../shared/filing-enums';
import { FILING_COLUMN_LABELS, filingListQuery } from '../../../shared/schemas/filings';
import { filingGridQuery } from '../../filings/repository';
import { defineGridExport, enumValues, labelCell, timeCell, YES_NO } from '../grid-entry';

export const filingsExport = defineGridExport({
  grid: 'filings',
  listQuery: filingListQuery,
  title: { zh: '激励报备', en: 'Filings' },
  fileStem: { zh: '激励报备', en: 'filings' },
  teamScoped: true,
  labels: FILING_COLUMN_LABELS,
  query: (db, input, scope) => filingGridQuery(db, { ...input, teamOf: scope.teamOf }),
  kinds: {
    contractId: 'integer',
    number: 'text',
    status: 'text',
    accountName: 'text',
    buyerType: 'text',
    contractNo: 'text',
    units: 'integer',
    eligible: 'text',
    failedChecks: 'integer',
    overridden: 'text',
    ownerId: 'text',
    createdAt: 'datetime',
    submittedAt: 'datetime',
  },
  cells: (ctx) => {
    const time = timeCell(ctx);
    const yesNo = (b: boolean) => labelCell(YES_NO, ctx.lang)(b ? 'yes' : 'no');
    return {
      contractId: (r) => r.contractId,
      number: (r) => r.number,
      status: (r) => labelCell(FILING_STATUSES, ctx.lang)(r.status),
      accountName: (r) => r.accountName,
      buyerType: (r) => labelCell(BUYER_TYPES, ctx.lang)(r.buyerType),
      contractNo: (r) => r.contractNo,
      units: (r) => r.units,
      eligible: (r) => yesNo(r.eligible),
      failedChecks: (r) => r.failedChecks,
      overridden: (r) => yesNo(r.overridden),
      ownerId: (r) => r.owner?.name ?? null,
      createdAt: (r) => time(r.createdAt),
      submittedAt: (r) => time(r.submittedAt),
    };
  },
  vocabulary: (ctx) => ({
    value: enumValues(
      { status: FILING_STATUSES, buyerType: BUYER_TYPES, eligible: YES_NO, overridden: YES_NO },
      ctx,
    ),
  }),
});
