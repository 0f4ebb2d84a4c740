/**
 * Finds which report field a header of the manufacturer's template asks for: 车架号, VIN and
 * 车辆识别代号 all mean the VIN. Headers are compared width-, case- and space-folded, without
 * bracketed units such as （元）; an exact wording wins over one that merely contains a synonym.
 */
import type { ReportField } from '../../shared/filing-enums';

const SYNONYMS: Record<ReportField, string[]> = {
  seq: ['序号', 'no', 'no.', '序'],
  dealer: ['经销商', '经销商名称', '经销店', '经销商简称', '4s店'],
  dealerCode: ['经销商代码', '经销商编码', '经销商编号', '网点代码', '服务站代码'],
  filingNo: ['报备编号', '报备单号'],
  accountName: ['客户名称', '单位名称', '购车单位', '用户名称', '客户', '购买单位'],
  uscc: ['统一社会信用代码', '信用代码', '社会信用代码', '组织机构代码'],
  buyerType: ['客户类型', '客户类别', '用户类型', '大客户类型'],
  region: ['所在地区', '地区', '区域', '所在地'],
  tenderNo: ['招标项目编号', '项目编号', '招标编号', '采购项目编号'],
  contractNo: ['合同编号', '合同号'],
  signedOn: ['合同日期', '签订日期', '合同签订日期'],
  unitName: ['使用单位', '下属单位', '实际使用单位'],
  model: ['车型', '车型名称', '车型代码', '车辆型号'],
  units: ['台数', '数量', '采购数量'],
  unitPrice: ['成交单价', '单价', '成交价', '成交价格'],
  vin: ['车架号', 'vin', 'vin码', '车辆识别代号', '底盘号'],
  deliveredOn: ['交车日期', '交付日期', '提车日期'],
  invoiceNo: ['发票号码', '发票号', '发票编号'],
  invoiceDate: ['开票日期', '发票日期'],
  invoiceAmount: ['发票金额', '开票金额', '价税合计'],
  registrationOwner: ['行驶证所有人', '行驶证车主', '车主', '登记所有人', '所有人'],
  plate: ['车牌号', '车牌', '号牌号码', '车牌号码'],
  claimRef: ['厂家报备号', '客户报备号', '报备号', '厂家报备编号'],
  filedAt: ['报备时间', '报备日期'],
  verdict: ['资格判定', '是否符合政策', '是否符合', '审核结果'],
  evidence: ['证明材料', '附件', '材料清单', '证明文件'],
  override: ['经理特批说明', '特批说明', '特批'],
};

function foldHeader(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[(（][^)）]*[)）]/g, '')
    .replace(/[\s:：*＊]/g, '');
}

const FOLDED = Object.entries(SYNONYMS).map(
  ([field, words]) => [field as ReportField, words.map(foldHeader)] as const,
);

/** The field a header asks for, or null; `taken` fields are not offered twice. */
export function matchHeader(header: string, taken: ReadonlySet<ReportField>): ReportField | null {
  const h = foldHeader(header);
  if (!h) return null;
  for (const [field, words] of FOLDED) if (!taken.has(field) && words.includes(h)) return field;
  let best: { field: ReportField; length: number } | null = null;
  for (const [field, words] of FOLDED) {
    if (taken.has(field)) continue;
    for (const w of words)
      if (w.length >= 2 && h.includes(w) && (!best || w.length > best.length))
        best = { field, length: w.length };
  }
  return best?.field ?? null;
}
