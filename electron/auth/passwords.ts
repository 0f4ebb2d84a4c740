/**
 * Staff passwords for the team server: scrypt (node:crypto) with stated parameters and a per-user
 * random salt, stored as one self-describing string so the parameters can be raised later without
 * breaking stored hashes; compared in constant time. The policy refuses short and common ones.
 */
import { randomBytes, scrypt as scryptCallback, timingSafeEqual } from 'node:crypto';

/** Cost 2^15, block size 8, parallelism 1: ~32 MiB and about 0.1 s per hash on an office PC. */
export const SCRYPT = { N: 2 ** 15, r: 8, p: 1, keyLength: 64, saltBytes: 16 } as const;
const PREFIX = 'scrypt';

/**
 * One hash at a time: each is deliberately slow, and a burst of sign-ins (the team arriving at
 * 8:30) would otherwise take both cores and the whole libuv pool that file I/O also waits on.
 */
let queue: Promise<unknown> = Promise.resolve();

function derive(
  password: string,
  salt: Buffer,
  p: { N: number; r: number; p: number; keyLength: number },
): Promise<Buffer> {
  const run = queue.then(() => deriveNow(password, salt, p));
  queue = run.catch(() => undefined);
  return run;
}

function deriveNow(
  password: string,
  salt: Buffer,
  p: { N: number; r: number; p: number; keyLength: number },
): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCallback(
      password.normalize('NFC'),
      salt,
      p.keyLength,
      // The default memory cap (32 MiB) is exactly what N = 2^15, r = 8 needs: leave headroom.
      { N: p.N, r: p.r, p: p.p, maxmem: 128 * p.N * p.r * 2 },
      (error, key) => (error ? reject(error) : resolve(key)),
    ),
  );
}

/** `scrypt$N$r$p$salt$hash` (base64): what the staff table keeps, never the password. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SCRYPT.saltBytes);
  const key = await derive(password, salt, SCRYPT);
  return [
    PREFIX,
    SCRYPT.N,
    SCRYPT.r,
    SCRYPT.p,
    salt.toString('base64'),
    key.toString('base64'),
  ].join('$');
}

/** True when the password matches the stored hash; false for a wrong one or a malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [prefix, n, r, p, salt, hash] = stored.split('$');
  if (prefix !== PREFIX || !n || !r || !p || !salt || !hash) return false;
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  if (![params.N, params.r, params.p].every((v) => Number.isInteger(v) && v > 0)) return false;
  const expected = Buffer.from(hash, 'base64');
  if (expected.length === 0) return false;
  const key = await derive(password, Buffer.from(salt, 'base64'), {
    ...params,
    keyLength: expected.length,
  });
  return timingSafeEqual(key, expected);
}

/** True when the stored hash was made with weaker parameters than today's (rehash at sign-in). */
export function needsRehash(stored: string): boolean {
  const [prefix, n, r, p] = stored.split('$');
  return prefix !== PREFIX || Number(n) < SCRYPT.N || Number(r) < SCRYPT.r || Number(p) < SCRYPT.p;
}

const MIN_PASSWORD_LENGTH = 10;

/**
 * Passwords of 10 or more characters from the top of public leaked-password lists (shorter ones
 * are refused by length anyway), Chinese favourites among them, and this product's own name.
 */
const COMMON = new Set([
  '1234567890',
  '0123456789',
  '0987654321',
  '12345678910',
  '123456789a',
  'a123456789',
  'abc1234567',
  'abcd123456',
  'abcdefghij',
  'qwertyuiop',
  'qwerty1234',
  'qwerty12345',
  'qwertyuiop1',
  '1q2w3e4r5t',
  '1qaz2wsx3edc',
  '1qaz2wsxedc',
  'zaq12wsxcde3',
  'zxcvbnm123',
  'asdfghjkl1',
  'asdfghjkl;',
  'password12',
  'password123',
  'password1!',
  'passw0rd123',
  'iloveyou12',
  'iloveyou123',
  'admin12345',
  'admin123456',
  'administrator',
  'welcome123',
  'changeme123',
  'letmein123',
  'football123',
  'woaini1314',
  'woaini123456',
  'woaini520520',
  '5201314520',
  '1314520520',
  '52013145201314',
  'aa123456789',
  'qq123456789',
  'abc123456789',
  '147258369a',
  '1472583690',
  '9876543210',
  '1122334455',
  '1234512345',
  '1234567899',
  '12341234',
  'keyfleet123',
  'keyfleet2026',
]);

type PasswordProblem = 'too_short' | 'too_long' | 'common' | 'repetitive' | 'contains_login';

/** What is wrong with a new password, or null: long enough, not common, not the login. */
export function passwordProblem(password: string, login: string): PasswordProblem | null {
  const p = password.normalize('NFC');
  if ([...p].length < MIN_PASSWORD_LENGTH) return 'too_short';
  if (p.length > 200) return 'too_long';
  const folded = p.toLowerCase();
  if (COMMON.has(folded)) return 'common';
  // One character or one short run repeated (aaaaaaaaaa, 1212121212, abcabcabca).
  if (/^(.{1,3})\1+.{0,2}$/u.test(folded)) return 'repetitive';
  if (isRun(folded)) return 'repetitive';
  const name = login.trim().toLowerCase();
  if (name.length >= 3 && folded.includes(name)) return 'contains_login';
  return null;
}

/** Ascending or descending by one all along (0123456789, 9876543210, abcdefghijk). */
function isRun(s: string): boolean {
  const codes = [...s].map((c) => c.codePointAt(0)!);
  const step = codes[1]! - codes[0]!;
  return Math.abs(step) === 1 && codes.every((c, i) => i === 0 || c - codes[i - 1]! === step);
}
