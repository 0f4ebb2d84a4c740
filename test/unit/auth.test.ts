/** Passwords (scrypt, policy) and the sign-in brake, the building blocks of the team server's sign-in. */
import { describe, expect, it } from 'vitest';
import {
  SCRYPT,
  hashPassword,
  needsRehash,
  passwordProblem,
  verifyPassword,
} from '../../electron/auth/passwords';
import { FIRST_DELAY_MS, MAX_DELAY_MS, SignInThrottle } from '../../electron/auth/sign-in-throttle';

describe('password hashing', () => {
  it('stores scrypt with its parameters and a fresh salt, and verifies only the right password', async () => {
    const a = await hashPassword('长城汽车-大客户-2026');
    const b = await hashPassword('长城汽车-大客户-2026');
    expect(a).toMatch(
      new RegExp(
        `^scrypt\\$${SCRYPT.N}\\$${SCRYPT.r}\\$${SCRYPT.p}\\$[A-Za-z0-9+/=]+\\$[A-Za-z0-9+/=]+$`,
      ),
    );
    expect(a).not.toBe(b);
    expect(a).not.toContain('长城');
    expect(await verifyPassword('长城汽车-大客户-2026', a)).toBe(true);
    expect(await verifyPassword('长城汽车-大客户-2027', a)).toBe(false);
    expect(await verifyPassword('', a)).toBe(false);
    // The same text typed in another Unicode form is the same password.
    const composed = await hashPassword('Café-Keyfleet');
    expect(await verifyPassword('Cafe\u0301-Keyfleet', composed)).toBe(true);
  });

  it('refuses malformed stored hashes instead of throwing', async () => {
    for (const stored of [
      '',
      'plain',
      'bcrypt$1$2$3$a$b',
      'scrypt$x$8$1$AAAA$BBBB',
      'scrypt$16384$8$1$AAAA$',
    ])
      expect(await verifyPassword('whatever-password', stored)).toBe(false);
  });

  it('asks to rehash a hash made with weaker parameters', async () => {
    expect(needsRehash(await hashPassword('a-good-long-password'))).toBe(false);
    expect(needsRehash('scrypt$16384$8$1$AAAA$BBBB')).toBe(true);
  });
});

describe('password policy', () => {
  it('needs 10 characters, counted as people see them', () => {
    expect(passwordProblem('Abc-12345', 'wangfang')).toBe('too_short');
    expect(passwordProblem('大客户经理王芳的密码', 'wangfang')).toBeNull();
    expect(passwordProblem('大客户经理王芳密码', 'wangfang')).toBe('too_short');
    expect(passwordProblem('Hangzhou-KA-2026', 'wangfang')).toBeNull();
  });

  it('refuses common, repetitive and sequential passwords, and ones containing the login', () => {
    expect(passwordProblem('1234567890', 'li')).toBe('common');
    expect(passwordProblem('Password123', 'li')).toBe('common');
    expect(passwordProblem('woaini1314', 'li')).toBe('common');
    expect(passwordProblem('aaaaaaaaaa', 'li')).toBe('repetitive');
    expect(passwordProblem('1212121212', 'li')).toBe('repetitive');
    expect(passwordProblem('abcdefghijklm', 'li')).toBe('repetitive');
    expect(passwordProblem('zyxwvutsrqp', 'li')).toBe('repetitive');
    expect(passwordProblem('9876543210', 'li')).toBe('common');
    expect(passwordProblem('wangfang-2026!', 'WangFang')).toBe('contains_login');
    expect(passwordProblem('x'.repeat(201), 'li')).toBe('too_long');
  });
});

describe('sign-in throttle', () => {
  const setup = () => {
    let t = Date.parse('2026-06-10T01:30:00Z');
    const throttle = new SignInThrottle(() => t);
    return { throttle, advance: (ms: number) => (t += ms), at: () => t };
  };

  it('allows 5 failures, then refuses until a doubling delay has passed, at most 15 minutes', () => {
    const { throttle, advance, at } = setup();
    for (let i = 0; i < 4; i++) {
      expect(throttle.check('wangfang', '10.0.0.5').ok).toBe(true);
      throttle.failed('wangfang', '10.0.0.5');
    }
    expect(throttle.check('wangfang', '10.0.0.5').ok).toBe(true);
    throttle.failed('wangfang', '10.0.0.5');
    const locked = throttle.check('wangfang', '10.0.0.5');
    expect(locked).toEqual({ ok: false, retryAt: new Date(at() + FIRST_DELAY_MS) });
    // The login is locked from any address.
    expect(throttle.check('WangFang', '10.0.0.99').ok).toBe(false);
    advance(FIRST_DELAY_MS);
    expect(throttle.check('wangfang', '10.0.0.5').ok).toBe(true);
    throttle.failed('wangfang', '10.0.0.5');
    expect(throttle.check('wangfang', '10.0.0.5')).toEqual({
      ok: false,
      retryAt: new Date(at() + 2 * FIRST_DELAY_MS),
    });
    for (let i = 0; i < 10; i++) {
      advance(MAX_DELAY_MS);
      throttle.failed('wangfang', '10.0.0.5');
    }
    expect(throttle.check('wangfang', '10.0.0.5')).toEqual({
      ok: false,
      retryAt: new Date(at() + MAX_DELAY_MS),
    });
  });

  it('brakes one address guessing many logins, and a success clears only the login', () => {
    const { throttle } = setup();
    for (const login of ['a1', 'a2', 'a3', 'a4', 'a5']) throttle.failed(login, '10.0.0.7');
    expect(throttle.check('someone-else', '10.0.0.7').ok).toBe(false);
    expect(throttle.check('someone-else', '10.0.0.8').ok).toBe(true);

    const other = setup();
    for (let i = 0; i < 4; i++) other.throttle.failed('limin', '10.0.0.9');
    other.throttle.succeeded('limin');
    other.throttle.failed('limin', '10.0.0.10');
    expect(other.throttle.check('limin', '10.0.0.10').ok).toBe(true);
  });

  it('forgets failures after a day', () => {
    const { throttle, advance } = setup();
    for (let i = 0; i < 4; i++) throttle.failed('zhangjl', '10.0.0.3');
    advance(25 * 3_600_000);
    throttle.failed('zhangjl', '10.0.0.3');
    expect(throttle.check('zhangjl', '10.0.0.3').ok).toBe(true);
  });
});
