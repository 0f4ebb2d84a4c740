/** This feature's UI words; spread into the zh-CN and English tables (same keys, type-checked). */
export const activitiesZh = {
  'nav.activities': '客户活动',
} as const;

export const activitiesEn: Record<keyof typeof activitiesZh, string> = {
  'nav.activities': 'Activities',
};
