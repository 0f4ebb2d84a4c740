/**
 * The fields a bank or finance payment list (回款明细 / 银行流水) can be imported into: one row per
 * payment, matched to a contract by its number or to an invoice by its number.
 */
import type { Synonyms } from './headers';

export const PAYMENT_IMPORT_FIELDS = [
  'receivedOn',
  'paymentAmount',
  'contractNo',
  'invoiceNo',
  'payer',
  'paymentReference',
  'paymentMethod',
  'paymentNote',
] as const;
export type PaymentImportField = (typeof PAYMENT_IMPORT_FIELDS)[number];

export const PAYMENT_HEADER_SYNONYMS: Synonyms<PaymentImportField> = {
  receivedOn: [
    '到账日期',
    '回款日期',
    '收款日期',
    '交易日期',
    '入账日期',
    '日期',
    'date',
    'received',
  ],
  paymentAmount: ['回款金额', '收款金额', '到账金额', '贷方发生额', '收入金额', '金额', 'amount'],
  contractNo: ['合同编号', '合同号', 'contract no', 'contract'],
  invoiceNo: ['发票号码', '发票号', 'invoice no', 'invoice'],
  payer: ['付款单位', '付款人', '对方户名', '对方单位', '付款方', 'payer'],
  paymentReference: [
    '流水号',
    '交易流水号',
    '银行流水号',
    '票据号',
    '凭证号',
    'reference',
    'serial',
  ],
  paymentMethod: ['回款方式', '收款方式', '付款方式', '结算方式', 'method'],
  paymentNote: ['摘要', '备注', '用途', 'note', 'memo'],
};

/** Wordings of the methods a bank or finance list uses besides the labels. */
export const PAYMENT_METHOD_WORDS = {
  bank_transfer: ['转账', '电汇', '网银', '银行汇款', '汇款', 'transfer', 'wire'],
  acceptance_bill: ['银行承兑汇票', '商业承兑汇票', '承兑', '汇票', '银承', 'bill'],
  cheque: ['转账支票', 'check'],
  cash: ['现金支付'],
  other: [],
} as const;
