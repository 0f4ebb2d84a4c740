/**
 * Brute-force brake for sign-in: after 5 failures for one login, or from one client address,
 * further attempts are refused until a delay has passed — 30 s, doubling with each further
 * failure, at most 15 min. A success clears the login's count (not the address's: one address
 * guessing many logins stays braked). Kept in memory: a restart forgets, which only helps the
 * people who are locked out, and an attacker gains one round of 5 guesses per restart.
 */
import { now } from '../../shared/clock';

const FREE_FAILURES = 5;
export const FIRST_DELAY_MS = 30_000;
export const MAX_DELAY_MS = 15 * 60_000;
/** Failures older than this are forgotten, so a slow trickle never locks anyone out. */
const FORGET_AFTER_MS = 24 * 3_600_000;
const MAX_ENTRIES = 10_000;

interface Entry {
  failures: number;
  lastFailureAt: number;
  lockedUntil: number;
}

type ThrottleVerdict = { ok: true } | { ok: false; retryAt: Date };

export class SignInThrottle {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly clock: () => number = () => now().getTime()) {}

  private keys(login: string, address: string): string[] {
    return [`login:${login.trim().toLowerCase()}`, `address:${address}`];
  }

  private live(key: string, at: number): Entry | undefined {
    const e = this.entries.get(key);
    if (e && at - e.lastFailureAt > FORGET_AFTER_MS && at >= e.lockedUntil) {
      this.entries.delete(key);
      return undefined;
    }
    return e;
  }

  /** Whether an attempt may be made now; when not, the earliest time to retry. */
  check(login: string, address: string): ThrottleVerdict {
    const at = this.clock();
    const until = Math.max(
      0,
      ...this.keys(login, address).map((k) => this.live(k, at)?.lockedUntil ?? 0),
    );
    return until > at ? { ok: false, retryAt: new Date(until) } : { ok: true };
  }

  failed(login: string, address: string): void {
    const at = this.clock();
    if (this.entries.size >= MAX_ENTRIES) this.prune(at);
    for (const key of this.keys(login, address)) {
      const e = this.live(key, at) ?? { failures: 0, lastFailureAt: at, lockedUntil: 0 };
      e.failures += 1;
      e.lastFailureAt = at;
      if (e.failures >= FREE_FAILURES)
        e.lockedUntil =
          at + Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (e.failures - FREE_FAILURES));
      this.entries.set(key, e);
    }
  }

  succeeded(login: string): void {
    this.entries.delete(this.keys(login, '')[0]!);
  }

  private prune(at: number): void {
    for (const key of [...this.entries.keys()]) this.live(key, at);
    // Still full: drop the oldest quarter rather than grow without bound.
    if (this.entries.size >= MAX_ENTRIES)
      [...this.entries.entries()]
        .sort((a, b) => a[1].lastFailureAt - b[1].lastFailureAt)
        .slice(0, MAX_ENTRIES / 4)
        .forEach(([key]) => this.entries.delete(key));
  }
}
