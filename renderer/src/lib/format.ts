/** Display formats: stored timestamps are ISO UTC, shown in local time in the UI language. */
import { formatDateZh } from '../../../shared/values/date';
import type { Lang } from '../i18n/lang';

const pad = (n: number) => String(n).padStart(2, '0');

const zhDateTime = new Intl.DateTimeFormat('zh-CN', {
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function parse(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** 2026年3月5日 14:05 (zh-CN) or 2026-03-05 14:05 (en), local time. */
export function formatDateTime(iso: string | null | undefined, lang: Lang): string {
  const d = parse(iso);
  if (!d) return iso ?? '';
  if (lang === 'zh-CN') return zhDateTime.format(d);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A calendar date (YYYY-MM-DD, no time zone): 2026年3月5日 or 2026-03-05. */
export function formatDate(isoDate: string | null | undefined, lang: Lang): string {
  if (!isoDate) return '';
  return lang === 'zh-CN' ? formatDateZh(isoDate) : isoDate.slice(0, 10);
}

export function formatCount(n: number, lang: Lang): string {
  return n.toLocaleString(lang === 'zh-CN' ? 'zh-CN' : 'en-US');
}

const BYTE_UNITS = ['KB', 'MB', 'GB'] as const;

/** A file size: 512 B, 1.5 KB, 23.4 MB (binary multiples, as file managers show them). */
export function formatBytes(bytes: number, lang: Lang): string {
  if (bytes < 1024) return `${formatCount(bytes, lang)} B`;
  let value = bytes;
  let unit: string = 'B';
  for (const next of BYTE_UNITS) {
    if (value < 1024) break;
    value /= 1024;
    unit = next;
  }
  const number = value.toLocaleString(lang === 'zh-CN' ? 'zh-CN' : 'en-US', {
    maximumFractionDigits: 1,
  });
  return `${number} ${unit}`;
}
