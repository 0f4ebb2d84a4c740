/** This feature's UI words; spread into the zh-CN and English tables (same keys, type-checked). */
export const settingsZh = {
  'nav.settings': '销售设置',
} as const;

export const settingsEn: Record<keyof typeof settingsZh, string> = {
  'nav.settings': 'Sales settings',
};
