/** This feature's UI words; spread into the zh-CN and English tables (same keys, type-checked). */
export const opportunitiesZh = {
  'nav.opportunities': '商机',
} as const;

export const opportunitiesEn: Record<keyof typeof opportunitiesZh, string> = {
  'nav.opportunities': 'Opportunities',
};
