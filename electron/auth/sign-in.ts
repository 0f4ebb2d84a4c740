/**
 * Proving who you are with a login and password, and changing your password. Every check and its
 * outcome goes to the audit log (never the password); the sign-in brake answers "try again at …"
 * before any password is checked, so a locked login costs an attacker nothing to learn.
 */
import type { Kysely } from 'kysely';
import { type Clock, isoNow } from '../../shared/clock';
import { AppError } from '../../shared/result';
import type { Staff } from '../../shared/schemas/staff';
import { appendAudit } from '../audit/audit';
import type { Database } from '../db/schema';
import { writeTx } from '../db/tx';
import { bump } from '../db/row-version';
import { findByLogin, getStaff, toStaff } from '../staff/service';
import { hashPassword, needsRehash, passwordProblem, verifyPassword } from './passwords';
import type { SignInThrottle } from './sign-in-throttle';

/** Hash of a password nobody has: an unknown login costs as much time as a wrong password. */
let decoy: Promise<string> | null = null;

type FailureReason = 'unknown_login' | 'no_password' | 'inactive' | 'wrong_password';

function locked(retryAt: Date): AppError {
  return new AppError(
    'FORBIDDEN',
    `too many failed sign-ins: try again at ${retryAt.toISOString()}`,
    {
      kind: 'locked',
      retryAt: retryAt.toISOString(),
    },
  );
}

export async function checkPassword(
  db: Kysely<Database>,
  clock: Clock,
  throttle: SignInThrottle,
  login: string,
  password: string,
  address: string,
): Promise<Staff> {
  const verdict = throttle.check(login, address);
  if (!verdict.ok) throw locked(verdict.retryAt);
  const record = await findByLogin(db, login);
  let reason: FailureReason | null = null;
  if (!record) reason = 'unknown_login';
  else if (!record.password_hash) reason = 'no_password';
  else if (record.active !== 1) reason = 'inactive';
  const stored = reason
    ? await (decoy ??= hashPassword('keyfleet decoy password'))
    : record!.password_hash!;
  const matches = await verifyPassword(password, stored);
  if (!reason && !matches) reason = 'wrong_password';

  if (reason || !record) {
    throttle.failed(login, address);
    await writeTx(db, (trx) =>
      appendAudit(trx, clock, {
        actorId: null,
        entity: 'staff',
        entityId: record?.id ?? null,
        action: 'auth.signInFailed',
        after: { login: login.trim().toLowerCase(), reason, address },
      }),
    );
    const now = throttle.check(login, address);
    if (!now.ok) throw locked(now.retryAt);
    throw new AppError('FORBIDDEN', 'wrong login or password', { kind: 'bad_credentials' });
  }
  throttle.succeeded(login);
  await writeTx(db, async (trx) => {
    // Stored with weaker parameters than today's: upgrade while the password is at hand.
    if (needsRehash(stored))
      await trx
        .updateTable('staff')
        .set({ password_hash: await hashPassword(password) })
        .where('id', '=', record.id)
        .execute();
    await appendAudit(trx, clock, {
      actorId: record.id,
      entity: 'staff',
      entityId: record.id,
      action: 'auth.signIn',
      after: { address },
    });
  });
  return toStaff(record);
}

/** Your own password: the current one (or the one-time one) proves it is you. */
export async function changePassword(
  db: Kysely<Database>,
  clock: Clock,
  user: Staff,
  current: string,
  next: string,
): Promise<Staff> {
  const record = await db
    .selectFrom('staff')
    .select(['login', 'password_hash'])
    .where('id', '=', user.id)
    .executeTakeFirstOrThrow();
  if (!record.login || !record.password_hash)
    throw new AppError(
      'VALIDATION',
      'you have no password to change: an admin sets the first one',
      {
        kind: 'no_password',
      },
    );
  if (!(await verifyPassword(current, record.password_hash)))
    throw new AppError('VALIDATION', 'the current password is wrong', {
      kind: 'bad_credentials',
      fields: [{ path: 'current', code: 'bad_credentials', message: 'wrong password' }],
    });
  const problem = passwordProblem(next, record.login) ?? (next === current ? 'same' : null);
  if (problem)
    throw new AppError('VALIDATION', `the new password is not accepted: ${problem}`, {
      kind: 'password_policy',
      problem,
      fields: [{ path: 'next', code: `password_${problem}`, message: problem }],
    });
  const hash = await hashPassword(next);
  return writeTx(db, async (trx) => {
    await trx
      .updateTable('staff')
      .set({
        password_hash: hash,
        must_change_password: 0,
        password_changed_at: isoNow(clock),
        ...bump(user.id, isoNow(clock)),
      })
      .where('id', '=', user.id)
      .execute();
    await appendAudit(trx, clock, {
      actorId: user.id,
      entity: 'staff',
      entityId: user.id,
      action: 'auth.changePassword',
    });
    return getStaff(trx, user.id);
  });
}
