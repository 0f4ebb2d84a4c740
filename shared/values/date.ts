/**
 * Dates as Chinese spreadsheets and forms hold them, normalised to ISO dates (YYYY-MM-DD). Dates
 * are zoneless: nothing here goes through a Date in local time, so no value shifts by a day.
 */

const MS_PER_DAY = 86_400_000;
// Day 0 of the 1900 system is 1899-12-31, but Excel counts a 29 February 1900 that never was
// (serial 60), so from serial 61 on the epoch is effectively 1899-12-30.
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

function isoFromUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** An Excel date serial (either date system) to an ISO date; the time of day is dropped. */
export function excelSerialToIsoDate(serial: number, date1904 = false): string | null {
  if (!Number.isFinite(serial) || serial < 0) return null;
  const day = Math.floor(serial + 1e-9);
  if (date1904) return isoFromUtc(EPOCH_1904 + day * MS_PER_DAY);
  if (day === 0 || day === 60) return null; // 1900-01-00 and the phantom 1900-02-29
  return isoFromUtc(EPOCH_1900 + (day < 60 ? day + 1 : day) * MS_PER_DAY);
}

/** The years a date of this domain can fall in: anything outside is a typing slip, not a date. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2199;

/** A YYYY-MM-DD that exists on the calendar (no 02-30, no month 13) within MIN_YEAR–MAX_YEAR. */
export function isValidIsoDate(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < MIN_YEAR || y > MAX_YEAR) return false;
  const probe = new Date(Date.UTC(y, mo - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d;
}

/**
 * 2026-03-05, 2026/3/5, 2026.3.5, 2026年3月5日, 20260305 — in full-width digits too, with an
 * optional time after the date. Returns the ISO date, or null when the text is not a real date.
 */
export function parseDateText(text: string): string | null {
  const s = text.normalize('NFKC').trim();
  const m =
    /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[\sT].*)?$/.exec(s) ??
    /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (!m) return null;
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return isValidIsoDate(iso) ? iso : null;
}

/** 2026-03-05 → 2026年3月5日 */
export function formatDateZh(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

/** The time of day of an Excel serial as HH:MM, or null at midnight (a plain date). */
export function excelSerialTime(serial: number): string | null {
  const minutes = Math.round((serial - Math.floor(serial)) * 1440) % 1440;
  if (!Number.isFinite(minutes) || minutes === 0) return null;
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The time in a date-time text (2026年3月5日 9:30, 2026-03-05 09:30, 9时30分) as HH:MM, or null. */
export function parseTimeText(text: string): string | null {
  const s = text.normalize('NFKC');
  const m = /(?:^|[\sT日])(\d{1,2})\s*[:时点]\s*(\d{1,2})?/.exec(s);
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2] ?? 0);
  if (h > 23 || min > 59) return null;
  return `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
}

/** A China wall-clock date and time as a UTC instant (China has no daylight saving). */
export function chinaInstant(isoDate: string, time: string): string {
  return new Date(`${isoDate}T${time}:00+08:00`).toISOString();
}

const DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$/;
const CANONICAL_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z$/;

/**
 * An ISO date-time with an explicit zone (Z or ±hh:mm) whose date is real, whose time is a real
 * time of day, and which falls within MIN_YEAR–MAX_YEAR in UTC too. Zoneless times are refused:
 * the same text names different instants on different computers.
 */
export function isValidIsoDateTime(text: string): boolean {
  const m = DATE_TIME.exec(text);
  if (!m || !isValidIsoDate(m[1]!)) return false;
  const [h, min, s] = [Number(m[2]), Number(m[3]), Number(m[4] ?? 0)];
  if (h > 23 || min > 59 || s > 59) return false;
  if (m[6] !== undefined && (Number(m[6]) > 14 || Number(m[7]) > 59)) return false;
  return isValidIsoDate(new Date(Date.parse(text)).toISOString().slice(0, 10));
}

/**
 * A valid date-time as a UTC instant (…Z), so stored instants compare as text; one already in UTC
 * is kept as written. Anything else is returned unchanged for the validation to refuse.
 */
export function toUtcInstant(text: string): string {
  if (CANONICAL_UTC.test(text) || !isValidIsoDateTime(text)) return text;
  return new Date(Date.parse(text)).toISOString();
}
