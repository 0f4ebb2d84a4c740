/**
 * Language state for the whole UI: the message dictionary, antd's locale and dayjs's locale all
 * follow one choice, persisted in localStorage so it survives a reload.
 */
import { ConfigProvider, theme } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
} from 'react';
import type { Label } from '../../../shared/enums';
import { type Lang, loadLang, pickLabel, saveLang } from './lang';
import { en } from './messages-en';
import { type MessageKey, zh } from './messages-zh';
import { type Translate, translator } from './translate';
import { useReducedMotion } from '../lib/use-reduced-motion';

export type { Translate, Vars } from './translate';

interface I18nValue {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: Translate;
}

const I18nContext = createContext<I18nValue | null>(null);

const FONT_STACK = [
  '-apple-system',
  'BlinkMacSystemFont',
  '"Segoe UI"',
  '"PingFang SC"',
  '"Hiragino Sans GB"',
  '"Microsoft YaHei"',
  '"Noto Sans CJK SC"',
  '"Noto Sans SC"',
  '"Helvetica Neue"',
  'Arial',
  'sans-serif',
].join(', ');

// Dense but legible: compact control heights with a 13px base (antd's compact algorithm would
// shrink CJK text to 10px and tags to 8px).
const THEME = {
  algorithm: theme.defaultAlgorithm,
  token: {
    colorPrimary: '#1f5fbf',
    borderRadius: 4,
    fontFamily: FONT_STACK,
    fontSize: 13,
    fontSizeSM: 12,
    controlHeight: 28,
    sizeStep: 3,
  },
};

/**
 * The same look without animation, for users who ask their system for less motion: drawers, dialogs
 * and menus appear at once (and the machine does not paint their frames).
 */
const STILL_THEME = { ...THEME, token: { ...THEME.token, motion: false } };

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(loadLang);
  const reducedMotion = useReducedMotion();

  useEffect(() => {
    document.documentElement.lang = lang;
    dayjs.locale(lang === 'zh-CN' ? 'zh-cn' : 'en');
  }, [lang]);

  const setLang = useCallback((next: Lang) => {
    saveLang(next);
    setLangState(next);
  }, []);

  const value = useMemo<I18nValue>(() => {
    const dict: Record<MessageKey, string> = lang === 'zh-CN' ? zh : en;
    return { lang, setLang, t: translator(dict) };
  }, [lang, setLang]);

  return (
    <I18nContext.Provider value={value}>
      <ConfigProvider
        locale={lang === 'zh-CN' ? zhCN : enUS}
        theme={reducedMotion ? STILL_THEME : THEME}
        wave={{ disabled: reducedMotion }}
      >
        {children}
      </ConfigProvider>
    </I18nContext.Provider>
  );
}

function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}

export function useT(): Translate {
  return useI18n().t;
}

export function useLang(): { lang: Lang; setLang: (lang: Lang) => void } {
  const { lang, setLang } = useI18n();
  return { lang, setLang };
}

export type EnumLabel = <T extends Record<string, Label>>(
  table: T,
  value: (keyof T & string) | null | undefined,
) => string;

/** Label of a shared/enums value in the UI language; '' for null. */
export function useEnumLabel(): EnumLabel {
  const { lang } = useI18n();
  return useCallback(
    <T extends Record<string, Label>>(table: T, value: (keyof T & string) | null | undefined) => {
      if (value === null || value === undefined) return '';
      const label = table[value];
      return label ? pickLabel(label, lang) : value;
    },
    [lang],
  );
}

export interface Option<V extends string = string> {
  value: V;
  label: string;
}

/** Select/filter options for a shared/enums table, in its declared order. */
export function useEnumOptions(): <T extends Record<string, Label>>(
  table: T,
) => Option<keyof T & string>[] {
  const { lang } = useI18n();
  return useCallback(
    <T extends Record<string, Label>>(table: T) =>
      (Object.keys(table) as (keyof T & string)[]).map((value) => ({
        value,
        label: pickLabel(table[value] as Label, lang),
      })),
    [lang],
  );
}
