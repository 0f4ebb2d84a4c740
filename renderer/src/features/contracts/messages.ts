/** This feature's UI words; spread into the zh-CN and English tables (same keys, type-checked). */
export const contractsZh = {
  'nav.contracts': '合同交付',
} as const;

export const contractsEn: Record<keyof typeof contractsZh, string> = {
  'nav.contracts': 'Contracts',
};
