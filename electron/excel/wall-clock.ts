/**
 * Timestamps are stored in UTC; a spreadsheet has no time zones, so exports write the wall-clock
 * time of the user's zone. Intl is too slow to ask per cell: offsets are cached per UTC day when
 * the day starts and ends with the same offset (no DST change that day), otherwise per hour.
 */
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export function wallClock(timeZone: string): (isoUtc: string) => Date | null {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const offsetOf = (ms: number): number => {
    const p = Object.fromEntries(format.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
    const local = Date.UTC(
      Number(p.year),
      Number(p.month) - 1,
      Number(p.day),
      Number(p.hour),
      Number(p.minute),
      Number(p.second),
    );
    return local - ms;
  };
  const days = new Map<number, number | Map<number, number>>();
  const offsetAt = (ms: number): number => {
    const day = Math.floor(ms / DAY);
    let entry = days.get(day);
    if (entry === undefined) {
      const start = offsetOf(day * DAY);
      entry = start === offsetOf(day * DAY + DAY - HOUR) ? start : new Map<number, number>();
      days.set(day, entry);
    }
    if (typeof entry === 'number') return entry;
    const hour = Math.floor(ms / HOUR);
    let offset = entry.get(hour);
    if (offset === undefined) entry.set(hour, (offset = offsetOf(hour * HOUR)));
    return offset;
  };
  return (isoUtc) => {
    const ms = Date.parse(isoUtc);
    return Number.isNaN(ms) ? null : new Date(ms + offsetAt(ms));
  };
}
