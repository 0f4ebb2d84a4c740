/** Staff members: who uses the app and owns accounts. Deactivated, never deleted (the audit log names them). */
import type { Kysely } from 'kysely';
import type { Staff, StaffInput } from '../../shared/schemas/staff';
import { AppError } from '../../shared/result';
import { appendAudit } from '../audit/audit';
import type { Database, StaffRecord } from '../db/schema';
import { writeTx } from '../db/tx';
import { nowIso } from '../../shared/clock';

export function toStaff(r: StaffRecord): Staff {
  return {
    id: r.id,
    name: r.name,
    role: r.role as Staff['role'],
    phone: r.phone,
    email: r.email,
    active: r.active === 1,
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
    const row = await trx
      .insertInto('staff')
      .values({ ...input, active: 1, created_at: nowIso() })
      .returningAll()
      .executeTakeFirstOrThrow();
    const created = toStaff(row);
    await appendAudit(trx, {
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
  actor: Staff,
  id: number,
  input: StaffInput & { active: boolean },
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
    await trx
      .updateTable('staff')
      .set({
        name: input.name,
        role: input.role,
        phone: input.phone,
        email: input.email,
        active: input.active ? 1 : 0,
      })
      .where('id', '=', id)
      .execute();
    const after = await getStaff(trx, id);
    await appendAudit(trx, {
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
