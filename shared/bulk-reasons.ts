/**
 * Words for the verdicts on pasted delivery and invoice rows (bulk-deliveries), in both languages,
 * with the parameters each verdict carries in braces. The UI shows them as `bulk.reason.<code>`.
 */
import type { Label } from './enums';

export const BULK_REASONS = {
  'vin.length': {
    zh: 'VIN 应为 17 位，这里是 {length} 位',
    en: 'A VIN has 17 characters; this one has {length}',
  },
  'vin.forbidden_letter': {
    zh: 'VIN 不能包含字母 I、O、Q',
    en: 'A VIN never contains I, O or Q',
  },
  'vin.characters': {
    zh: 'VIN 只能包含数字和大写字母',
    en: 'A VIN has only digits and capital letters',
  },
  'vin.check_digit': {
    zh: '第 9 位校验位应为 {expected}，不是 {actual}',
    en: 'The check character (position 9) should be {expected}, not {actual}',
  },
  'vin.check_digit_accepted': {
    zh: '进口车无校验位（已确认；按规则应为 {expected}）',
    en: 'Imported vehicle without a check character (confirmed; the rule gives {expected})',
  },
  'vin.missing': { zh: '缺少 VIN', en: 'No VIN' },
  'bulk.duplicate': {
    zh: '与第 {firstRow} 行重复',
    en: 'Same as row {firstRow}',
  },
  'vin.taken': {
    zh: '已在合同 {contractNo} 登记交车',
    en: 'Already delivered under contract {contractNo}',
  },
  'delivery.exceeds_contract': {
    zh: '超出合同台数：该车型只剩 {remaining} 台可交',
    en: 'More than contracted: only {remaining} left to deliver on this line',
  },
  'delivery.exceeds_allocation': {
    zh: '超出分配台数：该单位只剩 {remaining} 台可交',
    en: 'More than allocated: only {remaining} left to deliver to this unit',
  },
  'invoice.vin_not_delivered': {
    zh: '该 VIN 未在本合同交车',
    en: 'This VIN is not delivered under this contract',
  },
  'invoice.vin_invoiced': {
    zh: '该车已开票（发票号码 {invoiceNo}）',
    en: 'Already invoiced (invoice {invoiceNo})',
  },
  'invoice.number_missing': { zh: '缺少发票号码', en: 'No invoice number' },
  'invoice.number_too_long': {
    zh: '发票号码过长（最多 40 个字符）',
    en: 'Invoice number too long (40 characters at most)',
  },
  'invoice.number_taken': {
    zh: '发票号码 {number} 已登记',
    en: 'Invoice {number} is already recorded',
  },
  'bulk.number_duplicate': {
    zh: '发票号码与第 {firstRow} 行重复',
    en: 'Same invoice number as row {firstRow}',
  },
  'invoice.date_invalid': {
    zh: '无法识别开票日期“{text}”',
    en: 'Cannot read the invoice date "{text}"',
  },
  'invoice.date_future': {
    zh: '开票日期 {date} 晚于今天',
    en: 'The invoice date {date} is after today',
  },
  'invoice.amount_invalid': {
    zh: '无法识别金额“{text}”',
    en: 'Cannot read the amount "{text}"',
  },
  'invoice.exceeds_contract': {
    zh: '发票合计将超过合同金额 {totalFen}',
    en: 'Invoices would total more than the contract ({totalFen})',
  },
} satisfies Record<string, Label>;

export type BulkReasonCode = keyof typeof BULK_REASONS;
