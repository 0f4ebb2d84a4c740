/** The payments grid's export (回款, every visible contract's payments received). */
import type { Label } from '../../../shared/enums';
import {
  PAYMENT_COLUMN_LABELS,
  PAYMENT_METHODS,
  paymentListQuery,
} from '../../../shared/schemas/payments';
import { paymentGridQuery } from '../../payments/repository';
import { dateCell, defineGridExport, enumValues, labelCell, timeCell } from '../grid-entry';

const YES_NO: Record<'yes' | 'no', Label> = {
  yes: { zh: '是', en: 'Yes' },
  no: { zh: '否', en: 'No' },
};

export const paymentsExport = defineGridExport({
  grid: 'payments',
  listQuery: paymentListQuery,
  title: { zh: '回款记录', en: 'Payments' },
  fileStem: { zh: '回款记录', en: 'payments' },
  teamScoped: true,
  labels: PAYMENT_COLUMN_LABELS,
  query: (db, input, scope) => paymentGridQuery(db, { ...input, teamOf: scope.teamOf }),
  kinds: {
    receivedOn: 'date',
    contractNo: 'text',
    accountName: 'text',
    invoiceNo: 'text',
    amountFen: 'money',
    method: 'text',
    reference: 'text',
    payer: 'text',
    overpayment: 'text',
    ownerId: 'text',
    updatedAt: 'datetime',
  },
  cells: (ctx) => ({
    receivedOn: (r) => dateCell(r.receivedOn),
    contractNo: (r) => r.contractNo,
    accountName: (r) => r.accountName,
    invoiceNo: (r) => r.invoiceNo,
    amountFen: (r) => r.amountFen,
    method: (r) => labelCell(PAYMENT_METHODS, ctx.lang)(r.method),
    reference: (r) => r.reference,
    payer: (r) => r.payer,
    overpayment: (r) => labelCell(YES_NO, ctx.lang)(r.overpayment ? 'yes' : 'no'),
    ownerId: (r) => r.ownerName,
    updatedAt: (r) => timeCell(ctx)(r.updatedAt),
  }),
  vocabulary: (ctx) => ({
    value: enumValues({ method: PAYMENT_METHODS, overpayment: YES_NO }, ctx),
    money: ['amountFen'],
  }),
});
