/** The invoice grid's export (发票, every contract's invoices). */
import { INVOICE_COLUMN_LABELS, invoiceListQuery } from '../../../shared/schemas/contract-records';
import { invoiceGridQuery } from '../../contracts/repository/record-views';
import { dateCell, defineGridExport, enumValues } from '../grid-entry';

export const invoicesExport = defineGridExport({
  grid: 'invoices',
  listQuery: invoiceListQuery,
  title: { zh: '发票记录', en: 'Invoices' },
  fileStem: { zh: '发票记录', en: 'invoices' },
  teamScoped: true,
  labels: INVOICE_COLUMN_LABELS,
  query: (db, input, scope) => invoiceGridQuery(db, { ...input, teamOf: scope.teamOf }),
  kinds: {
    number: 'text',
    issuedOn: 'date',
    buyerName: 'text',
    amountFen: 'money',
    vehicles: 'integer',
    contractNo: 'text',
    accountName: 'text',
    ownerId: 'text',
  },
  cells: () => ({
    number: (r) => r.number,
    issuedOn: (r) => dateCell(r.issuedOn),
    buyerName: (r) => r.buyerName,
    amountFen: (r) => r.amountFen,
    vehicles: (r) => r.vehicles,
    contractNo: (r) => r.contractNo,
    accountName: (r) => r.accountName,
    ownerId: (r) => r.ownerName,
  }),
  vocabulary: (ctx) => ({ value: enumValues({}, ctx), money: ['amountFen'] }),
});
