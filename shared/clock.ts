/**
 * The business clock: the instant every record, deadline and "today" is taken from. It is the
 * computer's clock, unless a launch starts it elsewhere (`serve --clock`, for tests, demos and
 * training), in which case it runs on from there at the real pace. Durations, throttles and file
 * ages use the computer's clock directly: they measure elapsed time, not the business day.
 */

let offsetMs = 0;

/** The business time now. */
export function now(): Date {
  return new Date(Date.now() + offsetMs);
}

/** The business time now, as a UTC ISO timestamp. */
export function nowIso(): string {
  return now().toISOString();
}

/** Starts the business clock at `at` (an ISO timestamp with offset); it runs on from there. */
export function startClockAt(at: string): void {
  const ms = Date.parse(at);
  if (!Number.isFinite(ms)) throw new Error(`not a valid time: ${at}`);
  offsetMs = ms - Date.now();
}

/** How far the business clock is from the computer's, to hand to a worker thread. */
export function clockOffsetMs(): number {
  return offsetMs;
}

/** Sets the offset a worker thread was handed by the thread that started it. */
export function setClockOffsetMs(ms: number): void {
  offsetMs = ms;
}
