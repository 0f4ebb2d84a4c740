/** This feature's UI words; spread into the zh-CN and English tables (same keys, type-checked). */
export const calendarZh = {
  'nav.calendar': '日程',
} as const;

export const calendarEn: Record<keyof typeof calendarZh, string> = {
  'nav.calendar': 'Calendar',
};
