/** China's working days: holidays and make-up working days (调休) from the official schedule. */
import { describe, expect, it } from 'vitest';
import {
  isWorkingDay,
  scheduleKnown,
  workingDaysBetween,
  workingDaysInMonth,
} from '../../shared/working-days';

describe('working days', () => {
  it('counts the 2026 Spring Festival: nine days off, two Saturdays worked', () => {
    // 2026: holiday 15–23 February; Saturday 14 and Saturday 28 February are working days.
    expect(isWorkingDay('2026-02-13')).toBe(true);
    expect(isWorkingDay('2026-02-14')).toBe(true);
    expect(isWorkingDay('2026-02-16')).toBe(false);
    expect(isWorkingDay('2026-02-23')).toBe(false);
    expect(isWorkingDay('2026-02-24')).toBe(true);
    expect(isWorkingDay('2026-02-28')).toBe(true);
    // 20 weekdays, less 6 weekday holidays (16–20, 23), plus the 2 make-up Saturdays.
    expect(workingDaysInMonth('2026-02')).toBe(16);
    expect(workingDaysBetween('2026-02-14', '2026-02-24')).toEqual(['2026-02-14', '2026-02-24']);
  });

  it('counts an ordinary month Monday to Friday, and the 2025 Spring Festival too', () => {
    expect(workingDaysInMonth('2026-03')).toBe(22);
    // 2025: holiday 28 January – 4 February; Sunday 26 January and Saturday 8 February worked.
    expect(isWorkingDay('2025-01-26')).toBe(true);
    expect(isWorkingDay('2025-02-08')).toBe(true);
    expect(workingDaysBetween('2025-01-27', '2025-02-05')).toEqual(['2025-01-27', '2025-02-05']);
  });

  it('answers no days for an empty range, and says which years it knows', () => {
    expect(workingDaysBetween('2026-03-02', '2026-03-01')).toEqual([]);
    expect(scheduleKnown(2026)).toBe(true);
    expect(scheduleKnown(2099)).toBe(false);
  });
});
