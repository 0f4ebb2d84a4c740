/**
 * The business clock: the instant every record, deadline and "today" is taken from. It is the
 * computer's clock, unless a launch starts it elsewhere (`serve --clock`, for tests, demos and
 * training), in which case it runs on from there at the real pace. Durations, throttles and file
 * ages use the computer's clock directly: they measure elapsed time, not the business day.
 */

let offsetMs = 0;

/**
 * Where a service takes the time from: handed in (`deps.clock`, a job's `ctx.clock`), never read
 * from a global, so a test can set the day a workflow runs on.
 */
export interface Clock {
  now(): Date;
}

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

/** The process's business clock, as a `Clock` to hand to services. */
export const businessClock: Clock = { now };

/** A clock's time as a UTC ISO timestamp. */
export function isoNow(clock: Clock): string {
  return clock.now().toISOString();
}

/** A clock that stands where it is set (tests, sweeps over a chosen day); moves only when told. */
export class SettableClock implements Clock {
  private ms: number;

  constructor(at: string | Date) {
    this.ms = SettableClock.parse(at);
  }

  now(): Date {
    return new Date(this.ms);
  }

  set(at: string | Date): void {
    this.ms = SettableClock.parse(at);
  }

  /** Moves the clock on by `ms` milliseconds (or back, if negative). */
  advance(ms: number): void {
    this.ms += ms;
  }

  private static parse(at: string | Date): number {
    const ms = typeof at === 'string' ? Date.parse(at) : at.getTime();
    if (!Number.isFinite(ms)) throw new Error(`not a valid time: ${String(at)}`);
    return ms;
  }
}
