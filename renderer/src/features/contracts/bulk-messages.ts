/** Words of the bulk delivery and invoice dialogs, and their row verdicts (shared/bulk-reasons). */
import { BULK_REASONS, type BulkReasonCode } from '../../../../shared/bulk-reasons';

type ReasonKey = `bulk.reason.${BulkReasonCode}`;

function reasons(lang: 'zh' | 'en'): Record<ReasonKey, string> {
  return Object.fromEntries(
    Object.entries(BULK_REASONS).map(([code, label]) => [`bulk.reason.${code}`, label[lang]]),
  ) as Record<ReasonKey, string>;
}

export const bulkZh = {
  ...reasons('zh'),
  'bulk.deliveries': '批量交车',
  'bulk.deliveriesTitle': '批量登记交车（粘贴 VIN）',
  'bulk.invoices': '批量开票',
  'bulk.invoicesTitle': '批量登记发票（每车一张机动车销售统一发票）',
  'bulk.paste': '粘贴',
  'bulk.pasteVinsHint':
    '从 Excel 复制一列车架号粘贴到这里，也可以每行一个，或用逗号分隔；表头行会自动跳过。',
  'bulk.pasteInvoicesHint':
    '从 Excel 复制这几列粘贴到这里：车架号、发票号码、开票日期、金额，可选第五列购买方。日期可写 2026-03-05、2026/3/5 或 2026年3月5日；金额可写 219,000.00、21.9万元。',
  'bulk.amountUnit': '金额单位（未写单位时）',
  'bulk.unitYuan': '元',
  'bulk.unitWan': '万元',
  'bulk.unitFromHeader': '按粘贴内容表头中的金额单位',
  'bulk.check': '检查',
  'bulk.checking': '正在检查…',
  'bulk.row': '行',
  'bulk.verdict': '检查结果',
  'bulk.ok': '可以保存',
  'bulk.acceptCheckDigit': '进口车，确认无校验位',
  'bulk.summaryDeliveries':
    '共 {total} 行：{ok} 行可以保存，{bad} 行有问题。该明细还可交 {remaining} 台。',
  'bulk.summaryInvoices': '共 {total} 行：{ok} 行可以保存，{bad} 行有问题。',
  'bulk.fixFirst': '有问题的行修改或删除后才能保存（整批保存，不会只存一部分）',
  'bulk.stale': '内容已修改，请重新检查',
  'bulk.emptyPaste': '还没有粘贴内容',
  'bulk.saveDeliveries': '保存 {n} 台交车',
  'bulk.saveInvoices': '保存 {n} 张发票',
  'bulk.savedDeliveries': '已登记交车 {n} 台',
  'bulk.savedInvoices': '已登记发票 {n} 张',
  'bulk.invoiceNo': '发票号码',
  'bulk.issuedOn': '开票日期',
  'bulk.amount': '金额',
  'bulk.buyer': '购买方',
  'bulk.unreadable': '无法识别',
};

export const bulkEn: Record<keyof typeof bulkZh, string> = {
  ...reasons('en'),
  'bulk.deliveries': 'Bulk delivery',
  'bulk.deliveriesTitle': 'Record deliveries in bulk (paste VINs)',
  'bulk.invoices': 'Bulk invoices',
  'bulk.invoicesTitle': 'Record invoices in bulk (one vehicle sales invoice per vehicle)',
  'bulk.paste': 'Paste',
  'bulk.pasteVinsHint':
    'Paste a column of VINs copied from Excel, or one per line, or separated by commas; a header row is skipped.',
  'bulk.pasteInvoicesHint':
    'Paste these columns copied from Excel: VIN, invoice number, date, amount, and optionally the buyer. Dates as 2026-03-05, 2026/3/5 or 2026年3月5日; amounts as 219,000.00 or 21.9万元.',
  'bulk.amountUnit': 'Amount unit (when none is written)',
  'bulk.unitYuan': 'CNY',
  'bulk.unitWan': '10k CNY (万元)',
  'bulk.unitFromHeader': 'As the amount column’s header says',
  'bulk.check': 'Check',
  'bulk.checking': 'Checking…',
  'bulk.row': 'Row',
  'bulk.verdict': 'Check',
  'bulk.ok': 'Ready to save',
  'bulk.acceptCheckDigit': 'Imported vehicle: no check character',
  'bulk.summaryDeliveries':
    '{total} rows: {ok} ready to save, {bad} with problems. {remaining} left to deliver on this line.',
  'bulk.summaryInvoices': '{total} rows: {ok} ready to save, {bad} with problems.',
  'bulk.fixFirst':
    'Correct or remove the rows with problems to save (the batch is saved whole, never in part)',
  'bulk.stale': 'The paste changed: check it again',
  'bulk.emptyPaste': 'Nothing pasted yet',
  'bulk.saveDeliveries': 'Save {n} deliveries',
  'bulk.saveInvoices': 'Save {n} invoices',
  'bulk.savedDeliveries': '{n} deliveries recorded',
  'bulk.savedInvoices': '{n} invoices recorded',
  'bulk.invoiceNo': 'Invoice no.',
  'bulk.issuedOn': 'Issued',
  'bulk.amount': 'Amount',
  'bulk.buyer': 'Buyer',
  'bulk.unreadable': 'unreadable',
};
