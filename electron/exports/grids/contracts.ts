/** The contract grid's export: its list's query (a specialist's teams' accounts), cells and words. */
import { BUYER_TYPES } from '../../../shared/enums';
import { CONTRACT_KINDS, CONTRACT_STATUSES } from '../../../shared/sales-enums';
import { CONTRACT_COLUMN_LABELS, contractListQuery } from '../../../shared/schemas/contracts';
import { contractGridQuery } from '../../contracts/repository/views';
import { dateCell, defineGridExport, enumValues, labelCell, timeCell } from '../grid-entry';

export const contractsExport = defineGridExport({
  grid: 'contracts',
  listQuery: contractListQuery,
  title: { zh: '合同列表', en: 'Contracts' },
  fileStem: { zh: '合同列表', en: 'contracts' },
  teamScoped: true,
  labels: CONTRACT_COLUMN_LABELS,
  query: (db, input, scope) => contractGridQuery(db, { ...input, teamOf: scope.teamOf }),
  kinds: {
    number: 'text',
    kind: 'text',
    status: 'text',
    accountId: 'integer',
    accountName: 'text',
    buyerType: 'text',
    partyName: 'text',
    signedOn: 'date',
    deliveryDueOn: 'date',
    quantity: 'integer',
    totalFen: 'money',
    delivered: 'integer',
    invoicedFen: 'money',
    belowFloor: 'integer',
    ownerId: 'text',
    updatedAt: 'datetime',
  },
  cells: (ctx) => ({
    number: (r) => r.number,
    kind: (r) => labelCell(CONTRACT_KINDS, ctx.lang)(r.kind),
    status: (r) => labelCell(CONTRACT_STATUSES, ctx.lang)(r.status),
    accountId: (r) => r.accountId,
    accountName: (r) => r.accountName,
    buyerType: (r) => labelCell(BUYER_TYPES, ctx.lang)(r.buyerType),
    partyName: (r) => r.partyName,
    signedOn: (r) => dateCell(r.signedOn),
    deliveryDueOn: (r) => dateCell(r.deliveryDueOn),
    quantity: (r) => r.quantity,
    totalFen: (r) => r.totalFen,
    delivered: (r) => r.delivered,
    invoicedFen: (r) => r.invoicedFen,
    belowFloor: (r) => r.belowFloor,
    ownerId: (r) => r.ownerName,
    updatedAt: (r) => timeCell(ctx)(r.updatedAt),
  }),
  vocabulary: (ctx) => ({
    value: enumValues(
      { kind: CONTRACT_KINDS, status: CONTRACT_STATUSES, buyerType: BUYER_TYPES },
      ctx,
    ),
    money: ['totalFen', 'invoicedFen'],
  }),
});
