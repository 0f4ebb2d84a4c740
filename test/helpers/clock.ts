/**
 * The instant every test runs at: the backend's business clock, the browser's clock and the tests'
 * own "today" all start here, so the suite (demo data, deadlines, reminders, expiry) behaves the
 * same on any day. A Wednesday in June, in working hours, far from a year's or a holiday's edge.
 */
import { startClockAt } from '../../shared/clock';

export const TEST_NOW = '2026-06-10T09:30:00+08:00';

/** Starts this process's business clock at TEST_NOW (the vitest setup and the e2e fixtures). */
export function useTestClock(): void {
  startClockAt(TEST_NOW);
}
