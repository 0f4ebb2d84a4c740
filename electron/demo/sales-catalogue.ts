/** The demo's sales catalogue: one manufacturer's range, rivals, and the words its records use. */
import type { ActivityType, ProcurementMethod } from '../../shared/sales-enums';
import { vinCheckCharacter } from '../../shared/vin';

/** One manufacturer's range (一汽-大众), retail prices in 元 and the policy floor as a share of it. */
export const RANGE: { model: string; configuration: string; retail: number; floor: number }[] = [
  { model: '宝来', configuration: '1.5L 自动舒适型', retail: 119_900, floor: 0.9 },
  { model: '速腾', configuration: '300TSI 飞越版', retail: 149_900, floor: 0.9 },
  { model: '迈腾', configuration: '330TSI 公务版', retail: 199_900, floor: 0.91 },
  { model: '迈腾', configuration: '380TSI 旗舰型', retail: 269_900, floor: 0.9 },
  { model: '一汽-大众CC', configuration: '380TSI 夺目版', retail: 259_900, floor: 0.9 },
  { model: '探岳', configuration: '330TSI 两驱豪华智联版', retail: 219_900, floor: 0.9 },
  { model: '探歌', configuration: '280TSI 两驱舒适型', retail: 149_900, floor: 0.9 },
  { model: '探影', configuration: '1.5L 悦智联版', retail: 129_900, floor: 0.9 },
  { model: 'ID.4 CROZZ', configuration: 'Pure+ 长续航版', retail: 199_900, floor: 0.88 },
  { model: '揽境', configuration: '380TSI 四驱豪华佳境版', retail: 349_900, floor: 0.9 },
];

export const COMPETITORS: [string, string][] = [
  ['丰田', '凯美瑞'],
  ['本田', '雅阁'],
  ['别克', 'GL8'],
  ['比亚迪', '汉'],
  ['日产', '天籁'],
  ['红旗', 'H5'],
  ['上汽大众', '帕萨特'],
];

export const METHODS: (readonly [ProcurementMethod, number])[] = [
  ['open_tender', 6],
  ['competitive_consultation', 2],
  ['competitive_negotiation', 1],
  ['rfq', 2],
  ['framework', 1],
  ['online_mall', 1],
  ['single_source', 1],
];

export const ACTIVITY_WEIGHTS: (readonly [ActivityType, number])[] = [
  ['visit', 4],
  ['call', 6],
  ['mailing', 2],
  ['mailing_call', 2],
  ['cold_call', 1],
  ['quote', 1],
];

export const SUMMARIES: Record<ActivityType, string[]> = {
  visit: [
    '拜访装备处，了解明年更新计划',
    '与后勤处长面谈，介绍公务版配置',
    '陪同客户试驾迈腾公务版',
  ],
  call: ['电话确认预算下达时间', '跟进报价反馈', '确认参数需求与交付时间'],
  mailing: ['寄送公务车型资料与政采目录', '寄送新年贺卡及车型手册'],
  mailing_call: ['资料寄达后电话回访，客户有兴趣', '确认资料已收到，约下周拜访'],
  cold_call: ['陌生拜访车队负责人', '首次上门，递交名片与资料'],
  tender_docs: ['购买招标文件'],
  quote: ['提交正式报价单', '按批量价格重新报价'],
};

export const FOLLOW_UP_OUTCOMES = [
  '车辆使用正常，客户满意',
  '客户反馈油耗偏高，已安排技师回访',
  '驾驶员对座椅舒适性评价好，提到明年还有采购计划',
  '已提醒首保时间，客户确认按时进站',
];

export const NEXT_STEPS = [
  '送报价单',
  '安排试驾',
  '确认预算批复',
  '提交参数偏离表',
  '约见采购负责人',
  '寄送资质文件',
];

/** A valid VIN of the range (WMI LFV), unique per serial. */
export function vinFor(serial: number): string {
  // WMI LFV (FAW-VW), a model descriptor, the check character, model year R (2024), plant, serial.
  const body = `LFV2A2BS0R${String(100000 + (serial % 900000)).padStart(6, '0')}0`;
  const draft = body.slice(0, 17);
  return `${draft.slice(0, 8)}${vinCheckCharacter(draft)}${draft.slice(9)}`;
}
