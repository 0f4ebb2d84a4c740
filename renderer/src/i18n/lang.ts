import type { Label } from '../../../shared/enums';

export type Lang = 'zh-CN' | 'en';

export const LANGS: readonly { value: Lang; label: string }[] = [
  { value: 'zh-CN', label: '中文' },
  { value: 'en', label: 'English' },
];

const STORAGE_KEY = 'keyfleet.lang';

export function loadLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

export function saveLang(lang: Lang): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Storage may be disabled; the choice then lasts for this page only.
  }
}

export function pickLabel(label: Label, lang: Lang): string {
  return lang === 'zh-CN' ? label.zh : label.en;
}
