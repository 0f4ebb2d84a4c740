/** This feature's UI words; spread into the zh-CN and English tables (same keys, type-checked). */
export const tendersZh = {
  'nav.tenders': '招标项目',
} as const;

export const tendersEn: Record<keyof typeof tendersZh, string> = {
  'nav.tenders': 'Tenders',
};
