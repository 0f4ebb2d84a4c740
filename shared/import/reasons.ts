/**
 * Why an imported row is rejected or warned about, in words. The same text goes into the dry-run
 * report on screen and into the reason column of the rejected-rows workbook, so it lives here.
 */
import { regionCodesOf, regionLabel } from '../regions';
import { isSalesReason, SALES_REASONS } from '../sales-reasons';
import type { ImportField, ImportReason } from '../schemas/imports';

type Lang = 'zh-CN' | 'en';

const IMPORT_FIELD_LABELS: Record<ImportField, { zh: string; en: string }> = {
  name: { zh: '客户名称', en: 'Name' },
  uscc: { zh: '统一社会信用代码', en: 'USCC' },
  aliases: { zh: '别名', en: 'Aliases' },
  buyerType: { zh: '客户类型', en: 'Buyer type' },
  industry: { zh: '行业', en: 'Industry' },
  province: { zh: '省份', en: 'Province' },
  city: { zh: '城市', en: 'City' },
  district: { zh: '区县', en: 'District' },
  region: { zh: '地区', en: 'Region' },
  address: { zh: '地址', en: 'Address' },
  parent: { zh: '上级单位', en: 'Parent' },
  grade: { zh: '客户等级', en: 'Grade' },
  valueType: { zh: '价值类型', en: 'Value type' },
  lifecycle: { zh: '客户阶段', en: 'Lifecycle' },
  source: { zh: '信息来源', en: 'Source' },
  owner: { zh: '负责人', en: 'Owner' },
  notes: { zh: '备注', en: 'Notes' },
  account: { zh: '所属客户', en: 'Account' },
  accountUscc: { zh: '客户信用代码', en: 'Account USCC' },
  contactName: { zh: '联系人姓名', en: 'Contact name' },
  title: { zh: '职务', en: 'Title' },
  department: { zh: '部门', en: 'Department' },
  level: { zh: '层级', en: 'Level' },
  purchaseRole: { zh: '采购角色', en: 'Purchase role' },
  attitude: { zh: '态度', en: 'Attitude' },
  phone: { zh: '电话', en: 'Phone' },
  email: { zh: '邮箱', en: 'Email' },
  contactNotes: { zh: '联系人备注', en: 'Contact notes' },
  projectNo: { zh: '项目编号', en: 'Project no.' },
  tenderName: { zh: '项目名称', en: 'Project name' },
  purchaser: { zh: '采购人', en: 'Purchaser' },
  purchaserUscc: { zh: '采购人信用代码', en: 'Purchaser USCC' },
  agency: { zh: '代理机构', en: 'Agency' },
  method: { zh: '采购方式', en: 'Method' },
  budget: { zh: '预算金额', en: 'Budget' },
  announcementUrl: { zh: '公告链接', en: 'Announcement URL' },
  intentionOn: { zh: '采购意向日期', en: 'Intention date' },
  announcedOn: { zh: '公告日期', en: 'Announced' },
  docSaleStartOn: { zh: '标书发售开始', en: 'Document sale starts' },
  docSaleEndOn: { zh: '标书发售截止', en: 'Document sale ends' },
  bidDeadlineAt: { zh: '投标截止时间', en: 'Bid deadline' },
  openingAt: { zh: '开标时间', en: 'Opening' },
  openingPlace: { zh: '开标地点', en: 'Opening place' },
  lotNo: { zh: '包号', en: 'Lot no.' },
  lotName: { zh: '包名称', en: 'Lot name' },
  requirements: { zh: '采购需求', en: 'Requirements' },
  quantity: { zh: '数量', en: 'Quantity' },
  lotBudget: { zh: '包预算', en: 'Lot budget' },
  bidAmount: { zh: '我方报价', en: 'Our bid' },
  bidModel: { zh: '投标车型', en: 'Bid model' },
  result: { zh: '中标结果', en: 'Result' },
  winnerName: { zh: '中标供应商', en: 'Winner' },
  winnerBrand: { zh: '中标品牌', en: 'Winning brand' },
  winnerModel: { zh: '中标车型', en: 'Winning model' },
  winningAmount: { zh: '中标金额', en: 'Winning amount' },
  awardedOn: { zh: '定标日期', en: 'Award date' },
  publicityEndOn: { zh: '公示截止', en: 'Publicity ends' },
  bondAmount: { zh: '投标保证金', en: 'Bid bond' },
  bondPaidOn: { zh: '保证金缴纳日期', en: 'Bond paid' },
  bondRefundDueOn: { zh: '保证金应退日期', en: 'Bond refund due' },
  bondRefundedOn: { zh: '保证金退回日期', en: 'Bond refunded' },
  tenderNotes: { zh: '备注', en: 'Notes' },
  model: { zh: '车型', en: 'Model' },
  configuration: { zh: '配置', en: 'Configuration' },
  retailPrice: { zh: '市场零售价', en: 'Retail price' },
  floorPrice: { zh: '政策底价', en: 'Policy floor' },
  receivedOn: { zh: '到账日期', en: 'Received' },
  paymentAmount: { zh: '回款金额', en: 'Amount' },
  contractNo: { zh: '合同编号', en: 'Contract no.' },
  invoiceNo: { zh: '发票号码', en: 'Invoice no.' },
  payer: { zh: '付款单位', en: 'Payer' },
  paymentReference: { zh: '流水号', en: 'Reference' },
  paymentMethod: { zh: '回款方式', en: 'Method' },
  paymentNote: { zh: '摘要', en: 'Note' },
};

type Template = (r: ImportReason) => string;

/** 江苏省 / 无锡市 / 宜兴市 for each comma-separated region code. */
function regionsOf(codes: string | null): string {
  return (codes ?? '')
    .split(',')
    .filter(Boolean)
    .map((code) => regionLabel(regionCodesOf(code)) || code)
    .join('、');
}

const MESSAGES: Record<string, { zh: Template; en: Template }> = {
  required: { zh: () => '不能为空', en: () => 'is empty' },
  too_long: {
    zh: (r) => `过长（最多 ${r.detail} 字）`,
    en: (r) => `is too long (max ${r.detail})`,
  },
  'uscc.length': {
    zh: () => '应为 18 位',
    en: () => 'must be 18 characters',
  },
  'uscc.charset': {
    zh: () => '含有不允许的字符（不能含 I、O、Z、S、V）',
    en: () => 'has characters a USCC cannot contain (I, O, Z, S, V)',
  },
  'uscc.check': {
    zh: () => '校验位不正确，请核对',
    en: () => 'check character is wrong; please verify',
  },
  'enum.unknown': {
    zh: (r) => `无法识别“${r.value}”${r.detail ? `（可填：${r.detail}）` : ''}`,
    en: (r) => `“${r.value}” is not a known value${r.detail ? ` (use: ${r.detail})` : ''}`,
  },
  'region.unknown': {
    zh: (r) => `找不到地区“${r.value}”`,
    en: (r) => `no region called “${r.value}”`,
  },
  'region.inconsistent': {
    zh: () => '省、市、区县不一致',
    en: () => 'province, city and district do not agree',
  },
  // detail: the candidates' GB/T 2260 codes, comma-separated.
  'region.ambiguous': {
    zh: (r) => `有多个地区叫“${r.value}”（${regionsOf(r.detail)}），请写上省或市`,
    en: (r) =>
      `several regions are called “${r.value}” (${regionsOf(r.detail)}); add the province or city`,
  },
  // value: the region text the row had (null when it had none); detail: the code taken.
  'region.from_uscc': {
    zh: (r) =>
      r.value
        ? `找不到地区“${r.value}”，已按统一社会信用代码取为 ${regionsOf(r.detail)}`
        : `未填地区，已按统一社会信用代码取为 ${regionsOf(r.detail)}`,
    en: (r) =>
      r.value
        ? `no region called “${r.value}”; taken from the USCC: ${regionsOf(r.detail)}`
        : `no region given; taken from the USCC: ${regionsOf(r.detail)}`,
  },
  'region.chosen_by_uscc': {
    zh: (r) => `有多个地区叫“${r.value}”，已按统一社会信用代码取为 ${regionsOf(r.detail)}`,
    en: (r) =>
      `several regions are called “${r.value}”; the USCC's was taken: ${regionsOf(r.detail)}`,
  },
  // value: an excerpt of the file's note.
  'note.kept': {
    zh: (r) => `保留了您写的备注，文件中的“${r.value}”未导入`,
    en: (r) => `kept your note; the file's “${r.value}” was not imported`,
  },
  'parent.not_found': {
    zh: (r) => `找不到上级单位“${r.value}”（请先导入或建立它）`,
    en: (r) => `no account called “${r.value}” (import or create it first)`,
  },
  'parent.ambiguous': {
    zh: (r) => `有多个客户叫“${r.value}”，无法确定上级单位`,
    en: (r) => `several accounts are called “${r.value}”`,
  },
  'parent.self': { zh: () => '不能是自己的上级单位', en: () => 'cannot be its own parent' },
  'parent.cycle': {
    zh: () => '会形成循环的上下级关系',
    en: () => 'would make the hierarchy circular',
  },
  'owner.not_found': {
    zh: (r) => `找不到员工“${r.value}”`,
    en: (r) => `no active staff member called “${r.value}”`,
  },
  cell_error: {
    zh: (r) => `单元格是错误值 ${r.value}`,
    en: (r) => `the cell holds the error ${r.value}`,
  },
  image: {
    zh: () => '单元格是图片，不是文字',
    en: () => 'the cell holds a picture, not text',
  },
  duplicate_in_file: {
    zh: (r) => `与第 ${r.detail} 行重复（同一信用代码）`,
    en: (r) => `repeats row ${r.detail} (same USCC)`,
  },
  duplicate_name_in_file: {
    zh: (r) => `与第 ${r.detail} 行同名且都没有信用代码`,
    en: (r) => `has the same name as row ${r.detail} and neither has a USCC`,
  },
  similar_exists: {
    zh: (r) => `可能与已有客户“${r.detail}”重复`,
    en: (r) => `may duplicate the existing account “${r.detail}”`,
  },
  // detail: the existing account's name.
  same_name_exists: {
    zh: (r) =>
      `已有同名客户“${r.detail}”（名称相同，不只是相近）：若是同一单位，请填写其统一社会信用代码；若是另一单位，请在“新建客户”中确认后建立`,
    en: (r) =>
      `an account of the same name exists, “${r.detail}” (identical, not just similar): if it is that organisation, give its USCC; if not, create it with New account and confirm there`,
  },
  uscc_conflict: {
    zh: (r) => `同名客户“${r.detail}”的信用代码不同`,
    en: (r) => `the account of this name, “${r.detail}”, has a different USCC`,
  },
  aliases_too_many: { zh: () => '别名过多（最多 50 个）', en: () => 'too many aliases (max 50)' },
  'account.not_found': {
    zh: (r) => `找不到客户“${r.value}”（请先导入或建立客户）`,
    en: (r) => `no account “${r.value}” (import or create the account first)`,
  },
  'account.ambiguous': {
    zh: (r) => `有多个客户叫“${r.value}”，请填写统一社会信用代码`,
    en: (r) => `several accounts are called “${r.value}”; give the USCC`,
  },
  'account.mismatch': {
    zh: (r) => `客户名称与信用代码对应的客户“${r.detail}”不一致`,
    en: (r) => `the name does not match the account of this USCC, “${r.detail}”`,
  },
  'phone.format': {
    zh: (r) => `“${r.value}”不是电话号码`,
    en: (r) => `“${r.value}” is not a phone number`,
  },
  'email.format': {
    zh: (r) => `“${r.value}”不是邮箱地址`,
    en: (r) => `“${r.value}” is not an email address`,
  },
  duplicate_contact_in_file: {
    zh: (r) => `与第 ${r.detail} 行是同一客户的同一联系人`,
    en: (r) => `repeats row ${r.detail} (same contact of the same account)`,
  },
  'time.assumed': {
    zh: (r) => `“${r.value}”没有时间，按 09:00 记录`,
    en: (r) => `“${r.value}” has no time; 09:00 is assumed`,
  },
  'date.invalid': {
    zh: (r) => `“${r.value}”不是日期`,
    en: (r) => `“${r.value}” is not a date`,
  },
  'money.invalid': {
    zh: (r) => `“${r.value}”不是金额`,
    en: (r) => `“${r.value}” is not an amount of money`,
  },
  'number.invalid': {
    zh: (r) => `“${r.value}”不是正整数`,
    en: (r) => `“${r.value}” is not a whole number above 0`,
  },
  'url.invalid': {
    zh: (r) => `“${r.value}”不是网址（http:// 或 https://）`,
    en: (r) => `“${r.value}” is not a web address (http:// or https://)`,
  },
  'purchaser.created': {
    zh: (r) => `采购人“${r.value}”不在客户中，已作为政府采购客户新建`,
    en: (r) =>
      `the purchaser “${r.value}” was not an account; it is created as a government account`,
  },
  'purchaser.possible_duplicate': {
    zh: (r) => `采购人“${r.value}”可能与已有客户“${r.detail}”重复，请先在客户中确认`,
    en: (r) =>
      `the purchaser “${r.value}” may duplicate “${r.detail}”; settle it among the accounts first`,
  },
  'tender.lot_in_file_twice': {
    zh: (r) => `与第 ${r.detail} 行是同一项目的同一包`,
    en: (r) => `repeats row ${r.detail} (same project and lot)`,
  },
  'tender.results_need_award_date': {
    zh: () => '有中标结果时需要定标日期',
    en: () => 'results need the award date',
  },
  'tender.schedule_after_award': {
    zh: () => '项目已定标，日期变化未作为更正公告记录',
    en: () => 'the tender is awarded; date changes were not recorded as an amendment',
  },
  'result.unknown': {
    zh: (r) => `无法识别结果“${r.value}”（可填：我方中标、他人中标/未中标、流标）`,
    en: (r) => `“${r.value}” is not a result (won, lost, failed)`,
  },
  'price.floor_above_retail': {
    zh: () => '政策底价高于市场零售价',
    en: () => 'the floor is above the retail price',
  },
  'price.duplicate_in_file': {
    zh: (r) => `与第 ${r.detail} 行是同一车型配置`,
    en: (r) => `repeats row ${r.detail} (same model and configuration)`,
  },
  'contract.not_found': {
    zh: (r) => `找不到合同“${r.value}”`,
    en: (r) => `no contract numbered “${r.value}”`,
  },
  'invoice.not_found': {
    zh: (r) => `找不到发票“${r.value}”`,
    en: (r) => `no invoice numbered “${r.value}”`,
  },
  // detail: the contract the invoice belongs to.
  'payment.invoice_other_contract': {
    zh: (r) => `发票“${r.value}”属于合同 ${r.detail}，与本行的合同编号不一致`,
    en: (r) => `invoice “${r.value}” belongs to contract ${r.detail}, not this row's contract`,
  },
  // detail: the open balance in yuan.
  'payment.over_contract': {
    zh: (r) =>
      `回款合计将超过合同金额，合同未回款余额为 ¥${r.detail}（超额回款请在合同的回款页确认登记）`,
    en: (r) =>
      `payments would total more than the contract; its open balance is ¥${r.detail} (confirm an over-payment on the contract's Payments tab)`,
  },
  'payment.over_invoice': {
    zh: (r) => `超过发票未回款金额 ¥${r.detail}`,
    en: (r) => `exceeds the invoice's open amount, ¥${r.detail}`,
  },
  // detail: the contract the earlier payment was recorded on.
  'payment.already_recorded': {
    zh: (r) => `流水号“${r.value}”的回款已登记（合同 ${r.detail}），本行不再导入`,
    en: (r) =>
      `the payment with reference “${r.value}” is already recorded (contract ${r.detail}); not imported again`,
  },
  'payment.reference_taken': {
    zh: (r) => `流水号“${r.value}”已用于另一笔回款（合同 ${r.detail}），金额或合同不同`,
    en: (r) =>
      `reference “${r.value}” is already used by another payment (contract ${r.detail}) with another amount or contract`,
  },
  'payment.not_on_team': {
    zh: (r) => `合同 ${r.value} 的客户不在您的服务团队中`,
    en: (r) => `contract ${r.value} belongs to an account you are not on the team of`,
  },
  'payment.duplicate_in_file': {
    zh: (r) => `与第 ${r.detail} 行流水号相同`,
    en: (r) => `repeats row ${r.detail} (same reference)`,
  },
  blocked_by_rejects: {
    zh: () => '文件中有被拒绝的行，按“全部或不导入”未写入',
    en: () => 'not written: the file has rejected rows and the import is all-or-nothing',
  },
};

export function fieldLabel(field: ImportField, lang: Lang): string {
  return IMPORT_FIELD_LABELS[field][lang === 'en' ? 'en' : 'zh'];
}

/** “统一社会信用代码：校验位不正确，请核对” / “USCC: check character is wrong; please verify”. */
function describeReason(reason: ImportReason, lang: Lang): string {
  const message = MESSAGES[reason.code];
  const rule = isSalesReason(reason.code) ? SALES_REASONS[reason.code] : null;
  const text = message
    ? message[lang === 'en' ? 'en' : 'zh'](reason)
    : rule
      ? rule[lang === 'en' ? 'en' : 'zh']
      : `${reason.code}${reason.value ? ` (${reason.value})` : ''}`;
  if (!reason.field) return text;
  return `${fieldLabel(reason.field, lang)}${lang === 'en' ? ': ' : '：'}${text}`;
}

export function describeReasons(reasons: readonly ImportReason[], lang: Lang): string {
  return reasons.map((r) => describeReason(r, lang)).join(lang === 'en' ? '; ' : '；');
}
