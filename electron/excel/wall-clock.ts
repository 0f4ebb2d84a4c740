/**
 * Timestamps are stored in UTC; a spreadsheet has no time zones, so exports write the wall-clock
 * time of the user's zone. Offsets are cached per hour: Intl is too slow to ask per cell.
 */
const HOUR = 3_600_000;

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
  const offsets = new Map<number, number>();
  const offsetAt = (ms: number): number => {
    const hour = Math.floor(ms / HOUR);
    let offset = offsets.get(hour);
    if (offset === undefined) {
      const p = Object.fromEntries(
        format.formatToParts(new Date(hour * HOUR)).map((x) => [x.type, x.value]),
      );
      const local = Date.UTC(
        Number(p.year),
        Number(p.month) - 1,
        Number(p.day),
        Number(p.hour),
        Number(p.minute),
        Number(p.second),
      );
      offset = local - hour * HOUR;
      offsets.set(hour, offset);
    }
    return offset;
  };
  return (isoUtc) => {
    const ms = Date.parse(isoUtc);
    return Number.isNaN(ms) ? null : new Date(ms + offsetAt(ms));
  };
}
