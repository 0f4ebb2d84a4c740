/** This feature's UI words; spread into the zh-CN and English tables (same keys, type-checked). */
export const myDayZh = {
  'nav.myDay': '我的今天',
} as const;

export const myDayEn: Record<keyof typeof myDayZh, string> = {
  'nav.myDay': 'My day',
};
