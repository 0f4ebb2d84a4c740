/**
 * The claim grid's export: its list's query (statuses as of the business clock's China date, a
 * specialist's teams' accounts), cells and words.
 */
import { BUYER_TYPES } from '../../../shared/enums';
import { chinaDate } from '../../../shared/dates';
import { AUTH_STATES, CLAIM_SOURCES, CLAIM_STATUSES } from '../../../shared/filing-enums';
import { CLAIM_COLUMN_LABELS, claimListQuery } from '../../../shared/schemas/claims';
import { claimGridQuery } from '../../claims/repository';
import { dateCell, defineGridExport, enumValues, labelCell, timeCell } from '../grid-entry';

export const claimsExport = defineGridExport({
  grid: 'claims',
  listQuery: claimListQuery,
  title: { zh: '客户报备', en: 'Claims' },
  fileStem: { zh: '客户报备', en: 'claims' },
  teamScoped: true,
  labels: CLAIM_COLUMN_LABELS,
  query: (db, input, scope) =>
    claimGridQuery(db, { ...input, teamOf: scope.teamOf }, chinaDate(scope.now)),
  kinds: {
    accountId: 'integer',
    accountName: 'text',
    uscc: 'text',
    buyerType: 'text',
    status: 'text',
    source: 'text',
    claimantId: 'text',
    dealerName: 'text',
    territoryCode: 'text',
    authState: 'text',
    filedAt: 'datetime',
    expiresOn: 'date',
    evidenceCount: 'integer',
    oemReference: 'text',
    renewals: 'integer',
    overlapSince: 'datetime',
  },
  cells: (ctx) => {
    const time = timeCell(ctx);
    return {
      accountId: (r) => r.accountId,
      accountName: (r) => r.accountName,
      uscc: (r) => r.uscc,
      buyerType: (r) => labelCell(BUYER_TYPES, ctx.lang)(r.buyerType),
      status: (r) => labelCell(CLAIM_STATUSES, ctx.lang)(r.status),
      source: (r) => labelCell(CLAIM_SOURCES, ctx.lang)(r.source),
      claimantId: (r) => r.claimant?.name ?? null,
      dealerName: (r) => r.dealerName,
      territoryCode: (r) => r.territoryName || null,
      authState: (r) => labelCell(AUTH_STATES, ctx.lang)(r.authState),
      filedAt: (r) => time(r.filedAt),
      expiresOn: (r) => dateCell(r.expiresOn),
      evidenceCount: (r) => r.evidenceCount,
      oemReference: (r) => r.oemReference,
      renewals: (r) => r.renewals,
      overlapSince: (r) => time(r.overlapSince),
    };
  },
  vocabulary: (ctx) => ({
    value: enumValues(
      {
        buyerType: BUYER_TYPES,
        status: CLAIM_STATUSES,
        source: CLAIM_SOURCES,
        authState: AUTH_STATES,
      },
      ctx,
      ['claimantId'],
    ),
  }),
});
