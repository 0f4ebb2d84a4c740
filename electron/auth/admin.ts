/**
 * The team server's first administrator: made on the first start of a data folder in team mode
 * (also one a specialist kept alone), login `admin`, with the password the operator gave in
 * KEYFLEET_ADMIN_PASSWORD or a random one shown once, which must then be changed at first sign-in.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { type Clock, isoNow } from '../../shared/clock';
import { appendAudit } from '../audit/audit';
import type { Database } from '../db/schema';
import { writeTx } from '../db/tx';
import { findByLogin } from '../staff/service';
import { hashPassword, passwordProblem } from './passwords';

export const ADMIN_LOGIN = 'admin';
const ADMIN_NAME = '系统管理员';

type AdminSetUp =
  { created: false } | { created: true; password: string | null /* null: the operator's own */ };

export async function ensureAdmin(
  db: Kysely<Database>,
  clock: Clock,
  givenPassword: string | undefined,
): Promise<AdminSetUp> {
  if (await findByLogin(db, ADMIN_LOGIN)) return { created: false };
  if (givenPassword !== undefined) {
    const problem = passwordProblem(givenPassword, ADMIN_LOGIN);
    if (problem)
      throw new Error(
        `KEYFLEET_ADMIN_PASSWORD is not accepted (${problem}): use 10 or more characters, not a common password`,
      );
  }
  const password = givenPassword ?? randomBytes(12).toString('base64url');
  const hash = await hashPassword(password);
  await writeTx(db, async (trx) => {
    const row = await trx
      .insertInto('staff')
      .values({
        name: ADMIN_NAME,
        role: 'admin',
        login: ADMIN_LOGIN,
        password_hash: hash,
        must_change_password: givenPassword === undefined ? 1 : 0,
        password_changed_at: isoNow(clock),
        active: 1,
        created_at: isoNow(clock),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, clock, {
      actorId: null,
      entity: 'staff',
      entityId: row.id,
      action: 'auth.adminCreated',
    });
  });
  return { created: true, password: givenPassword === undefined ? password : null };
}
