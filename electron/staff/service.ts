/** Staff members: who uses the app and owns accounts. Deactivated, never deleted (the audit log names them). */
import { type Kysely, sql } from 'kysely';
import { hashPassword, passwordProblem } from '../auth/passwords';
import { bump, claimVersion } from '../db/row-version';
import type { Staff, StaffInput } from '../../shared/schemas/staff';
import { AppError } from '../../shared/result';
import { appendAudit } from '../audit/audit';
import type { Database, StaffRecord } from '../db/schema';
import { writeTx } from '../db/tx';
import { type Clock, isoNow } from '../../shared/clock';

export function toStaff(r: StaffRecord): Staff {
  return {
    id: r.id,
    name: r.name,
    role: r.role,
    phone: r.phone,
    email: r.email,
    active: r.active === 1,
    login: r.login,
    hasPassword: r.password_hash !== null,
    mustChangePassword: r.must_change_password === 1,
    version: r.version,
  };
}

export async function listStaff(db: Kysely<Database>, includeInactive: boolean): Promise<Staff[]> {
  let q = db.selectFrom('staff').selectAll().orderBy('name');
  if (!includeInactive) q = q.where('active', '=', 1);
  return (await q.execute()).map(toStaff);
}

export async function getStaff(db: Kysely<Database>, id: number): Promise<Staff> {
  const r = await db.selectFrom('staff').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw new AppError('NOT_FOUND', `staff member #${id} does not exist`);
  return toStaff(r);
}

export async function countStaff(db: Kysely<Database>): Promise<number> {
  const r = await db
    .selectFrom('staff')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The first staff member may be created by nobody (first run); after that an admin or manager must. */
export async function createStaff(
  db: Kysely<Database>,
  clock: Clock,
  actor: Staff | null,
  input: StaffInput,
): Promise<Staff> {
  return writeTx(db, async (trx) => {
    const first = (await countStaff(trx)) === 0;
    if (!first && (!actor || actor.role === 'specialist'))
      throw new AppError('FORBIDDEN', 'only a manager or an admin can add staff members', {
        kind: 'role',
      });
    if (!first && input.role === 'admin' && actor?.role !== 'admin')
      throw new AppError('FORBIDDEN', 'only an admin can grant the admin role', { kind: 'role' });
    const { login, ...fields } = input;
    if (login) await requireFreeLogin(trx, login, null);
    const row = await trx
      .insertInto('staff')
      .values({ ...fields, login: login ?? null, active: 1, created_at: isoNow(clock) })
      .returningAll()
      .executeTakeFirstOrThrow();
    const created = toStaff(row);
    await appendAudit(trx, clock, {
      actorId: actor?.id ?? null,
      entity: 'staff',
      entityId: created.id,
      action: 'staff.create',
      after: created,
    });
    return created;
  });
}

export async function updateStaff(
  db: Kysely<Database>,
  clock: Clock,
  actor: Staff,
  id: number,
  input: StaffInput & { active: boolean; version: number },
): Promise<Staff> {
  if (actor.role === 'specialist' && actor.id !== id)
    throw new AppError('FORBIDDEN', 'only a manager or an admin can change other staff members', {
      kind: 'role',
    });
  return writeTx(db, async (trx) => {
    const before = await getStaff(trx, id);
    // Nobody changes their own role or locks themselves out; admin is granted by an admin only.
    if (actor.id === id && (input.role !== before.role || !input.active))
      throw new AppError('FORBIDDEN', 'you cannot change your own role or deactivate yourself', {
        kind: 'self',
      });
    // Admin is granted, changed and withdrawn by an admin only.
    if ((input.role === 'admin' || before.role === 'admin') && actor.role !== 'admin')
      throw new AppError('FORBIDDEN', 'only an admin can grant the admin role or change an admin', {
        kind: 'role',
      });
    if (input.login !== undefined && input.login !== before.login && actor.role === 'specialist')
      throw new AppError('FORBIDDEN', 'logins are given by a manager or an admin', {
        kind: 'role',
      });
    if (input.login) await requireFreeLogin(trx, input.login, id);
    await claimVersion(trx, 'staff', id, input.version, actor.id, isoNow(clock));
    await trx
      .updateTable('staff')
      .set({
        name: input.name,
        role: input.role,
        phone: input.phone,
        email: input.email,
        active: input.active ? 1 : 0,
        ...(input.login === undefined ? {} : { login: input.login }),
      })
      .where('id', '=', id)
      .execute();
    const after = await getStaff(trx, id);
    await appendAudit(trx, clock, {
      actorId: actor.id,
      entity: 'staff',
      entityId: id,
      action: 'staff.update',
      before,
      after,
    });
    return after;
  });
}

/** Logins are unique regardless of case (the index says so too; this names the holder). */
async function requireFreeLogin(
  db: Kysely<Database>,
  login: string,
  exceptId: number | null,
): Promise<void> {
  const holder = await findByLogin(db, login);
  if (holder && holder.id !== exceptId)
    throw new AppError('CONFLICT', `the login ${login} is already used by ${holder.name}`, {
      kind: 'login_taken',
      login,
      name: holder.name,
    });
}

export async function findByLogin(
  db: Kysely<Database>,
  login: string,
): Promise<StaffRecord | undefined> {
  return db
    .selectFrom('staff')
    .selectAll()
    .where(sql<string>`lower(login)`, '=', login.trim().toLowerCase())
    .executeTakeFirst();
}

/**
 * An admin sets a one-time password (a new colleague, a forgotten password): it must be changed
 * at the first sign-in, and every session the person had ends at once.
 */
export async function setOneTimePassword(
  db: Kysely<Database>,
  clock: Clock,
  actor: Staff,
  id: number,
  password: string,
): Promise<Staff> {
  if (actor.role !== 'admin')
    throw new AppError('FORBIDDEN', 'only an admin sets passwords', { kind: 'role' });
  const target = await getStaff(db, id);
  if (!target.login)
    throw new AppError('VALIDATION', `${target.name} has no login yet: give one first`, {
      kind: 'no_login',
    });
  const problem = passwordProblem(password, target.login);
  if (problem)
    throw new AppError('VALIDATION', `the password is not accepted: ${problem}`, {
      kind: 'password_policy',
      fields: [{ path: 'password', code: `password_${problem}`, message: problem }],
    });
  const hash = await hashPassword(password);
  return writeTx(db, async (trx) => {
    await trx
      .updateTable('staff')
      .set({
        password_hash: hash,
        must_change_password: actor.id === id ? 0 : 1,
        password_changed_at: isoNow(clock),
        ...bump(actor.id, isoNow(clock)),
      })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, clock, {
      actorId: actor.id,
      entity: 'staff',
      entityId: id,
      action: 'staff.setPassword',
    });
    return getStaff(trx, id);
  });
}
