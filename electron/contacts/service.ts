/** Contacts of an account, and their personal details kept apart under PIPL. */
import type { Kysely, Selectable } from 'kysely';
import type { Contact, ContactInput, ContactPersonal } from '../../shared/schemas/contacts';
import type { Staff } from '../../shared/schemas/staff';
import { AppError } from '../../shared/result';
import { entityAudit } from '../audit/entity-audit';
import { eraseWalCopies } from '../db/erase';
import { contactAfter, withoutIdentifiers } from './audit-view';
import { refreshDerived } from '../accounts/derived';
import type { ContactPersonalTable, ContactRecord, Database } from '../db/schema';
import { claimVersion } from '../db/row-version';
import { writeTx } from '../db/tx';
import { type Clock, isoNow } from '../../shared/clock';
import { type Actor, mayRead, requireSalesWriter, requireTeam } from '../accounts/account-team';
import { mustExist } from '../db/must-exist';

const auditOnAccount = entityAudit('account');

function toContact(r: ContactRecord, hasPersonal: boolean): Contact {
  return {
    id: r.id,
    accountId: r.account_id,
    name: r.name,
    title: r.title,
    department: r.department,
    level: r.level,
    purchaseRole: r.purchase_role,
    attitude: r.attitude,
    phone: r.phone,
    email: r.email,
    notes: r.notes,
    hasPersonal,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
  };
}

function columnsOf(input: ContactInput) {
  return {
    account_id: input.accountId,
    name: input.name,
    title: input.title,
    department: input.department,
    level: input.level,
    purchase_role: input.purchaseRole,
    attitude: input.attitude,
    phone: input.phone,
    email: input.email,
    notes: input.notes,
  };
}

export async function listContacts(db: Kysely<Database>, accountId: number): Promise<Contact[]> {
  const rows = await db
    .selectFrom('contacts as c')
    .leftJoin('contact_personal as p', 'p.contact_id', 'c.id')
    .selectAll('c')
    .select((eb) => eb.fn.count<number>('p.contact_id').as('personal'))
    .where('c.account_id', '=', accountId)
    .groupBy('c.id')
    .orderBy('c.id')
    .execute();
  return rows.map(({ personal, ...r }) => toContact(r, Number(personal) > 0));
}

async function mustGet(db: Kysely<Database>, id: number): Promise<Contact> {
  const row = mustExist(
    await db.selectFrom('contacts').selectAll().where('id', '=', id).executeTakeFirst(),
    'contact',
    id,
  );
  const personal = await db
    .selectFrom('contact_personal')
    .select('contact_id')
    .where('contact_id', '=', id)
    .executeTakeFirst();
  return toContact(row, personal !== undefined);
}

async function mustHaveAccount(db: Kysely<Database>, accountId: number): Promise<void> {
  mustExist(
    await db.selectFrom('accounts').select('id').where('id', '=', accountId).executeTakeFirst(),
    'account',
    accountId,
  );
}

const auditView = ({ createdAt: _c, updatedAt: _u, hasPersonal: _h, version: _v, ...c }: Contact) =>
  c as Record<string, unknown>;

export async function createContact(
  db: Kysely<Database>,
  clock: Clock,
  actor: Actor,
  input: ContactInput,
): Promise<Contact> {
  const actorId = actor.id;
  return writeTx(db, async (trx) => {
    await mustHaveAccount(trx, input.accountId);
    await requireTeam(trx, actor, input.accountId);
    const now = isoNow(clock);
    const { id } = await trx
      .insertInto('contacts')
      .values({ ...columnsOf(input), created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await refreshDerived(trx, input.accountId);
    const created = await mustGet(trx, id);
    await auditOnAccount(trx, clock, actorId, input.accountId, {
      action: 'contact.create',
      after: contactAfter(null, auditView(created)),
    });
    return created;
  });
}

export async function updateContact(
  db: Kysely<Database>,
  clock: Clock,
  actor: Actor,
  id: number,
  input: ContactInput,
  version: number,
): Promise<Contact> {
  const actorId = actor.id;
  return writeTx(db, async (trx) => {
    const before = await mustGet(trx, id);
    await claimVersion(trx, 'contacts', id, version, actorId, isoNow(clock));
    if (before.accountId !== input.accountId) await mustHaveAccount(trx, input.accountId);
    // Moving a contact changes both accounts.
    for (const accountId of new Set([before.accountId, input.accountId]))
      await requireTeam(trx, actor, accountId);
    await trx.updateTable('contacts').set(columnsOf(input)).where('id', '=', id).execute();
    for (const accountId of new Set([before.accountId, input.accountId]))
      await refreshDerived(trx, accountId);
    const after = await mustGet(trx, id);
    await auditOnAccount(trx, clock, actorId, input.accountId, {
      action: 'contact.update',
      before: withoutIdentifiers(auditView(before)),
      after: contactAfter(auditView(before), auditView(after)),
    });
    return after;
  });
}

export async function deleteContact(
  db: Kysely<Database>,
  clock: Clock,
  actor: Actor,
  id: number,
): Promise<void> {
  const actorId = actor.id;
  await writeTx(db, async (trx) => {
    const before = await mustGet(trx, id);
    await requireTeam(trx, actor, before.accountId);
    await trx.deleteFrom('contacts').where('id', '=', id).execute();
    await refreshDerived(trx, before.accountId);
    await auditOnAccount(trx, clock, actorId, before.accountId, {
      action: 'contact.delete',
      before: withoutIdentifiers(auditView(before)),
    });
  });
  // The deleted row's old pages leave the WAL too (secure_delete zeroes them in the file).
  await eraseWalCopies(db);
}

/**
 * PIPL: personal details are for the account's team (owner and co-owners) and for managers and
 * admins; changing them is a write (the team or a manager).
 */
async function guardPersonalAccess(
  db: Kysely<Database>,
  viewer: Staff,
  contactId: number,
  write: boolean,
): Promise<Contact> {
  const contact = await mustGet(db, contactId);
  if (write) requireSalesWriter(viewer);
  if (!(await mayRead(db, viewer, contact.accountId)))
    throw new AppError(
      'FORBIDDEN',
      'personal details are shown only to the account team and managers',
      { kind: 'pipl' },
    );
  return contact;
}

const EMPTY_PERSONAL: ContactPersonal = {
  birthday: null,
  hometown: null,
  education: null,
  hobbies: null,
  schedule: null,
  careerGoals: null,
  family: null,
  notes: null,
};

function toPersonal(r: Selectable<ContactPersonalTable> | undefined): ContactPersonal {
  if (!r) return EMPTY_PERSONAL;
  return {
    birthday: r.birthday,
    hometown: r.hometown,
    education: r.education,
    hobbies: r.hobbies,
    schedule: r.schedule,
    careerGoals: r.career_goals,
    family: r.family,
    notes: r.notes,
  };
}

/** Every read is written to the audit log: who looked at whose personal details, and when. */
export async function getPersonal(
  db: Kysely<Database>,
  clock: Clock,
  viewer: Staff,
  contactId: number,
): Promise<ContactPersonal> {
  return writeTx(db, async (trx) => {
    const contact = await guardPersonalAccess(trx, viewer, contactId, false);
    const row = await trx
      .selectFrom('contact_personal')
      .selectAll()
      .where('contact_id', '=', contactId)
      .executeTakeFirst();
    await auditOnAccount(trx, clock, viewer.id, contact.accountId, {
      action: 'contact.personal.read',
      after: { contactId, name: contact.name },
    });
    return toPersonal(row);
  });
}

export async function setPersonal(
  db: Kysely<Database>,
  clock: Clock,
  viewer: Staff,
  contactId: number,
  personal: ContactPersonal,
): Promise<ContactPersonal> {
  const saved = await writeTx(db, async (trx) => {
    const contact = await guardPersonalAccess(trx, viewer, contactId, true);
    const values = {
      birthday: personal.birthday,
      hometown: personal.hometown,
      education: personal.education,
      hobbies: personal.hobbies,
      schedule: personal.schedule,
      career_goals: personal.careerGoals,
      family: personal.family,
      notes: personal.notes,
      updated_at: isoNow(clock),
    };
    await trx
      .insertInto('contact_personal')
      .values({ contact_id: contactId, ...values })
      .onConflict((oc) => oc.column('contact_id').doUpdateSet(values))
      .execute();
    // The log records that personal details changed, not the details themselves.
    await auditOnAccount(trx, clock, viewer.id, contact.accountId, {
      action: 'contact.personal.update',
      after: {
        contactId,
        name: contact.name,
        fields: Object.keys(personal).filter((k) => personal[k as keyof ContactPersonal] !== null),
      },
    });
    return personal;
  });
  // Details cleared or replaced leave no old copy in the WAL either.
  await eraseWalCopies(db);
  return saved;
}
