/** Account registry workflows: duplicate guard, hierarchy rules, audit. Takes `db`, never electron. */
import { type Kysely, sql } from 'kysely';
import type { OrgNature } from '../../shared/enums';
import type { AccountDetail, AccountInput, DuplicateMatch } from '../../shared/schemas/accounts';
import { AppError } from '../../shared/result';
import { orgNatureColumns } from '../../shared/org-nature';
import { normalizeOrgName } from '../../shared/text';
import { normalizeUscc } from '../../shared/uscc';
import { appendAudit } from '../audit/audit';
import { eraseWalCopies } from '../db/erase';
import type { Database } from '../db/schema';
import { bump, claimVersion } from '../db/row-version';
import { writeTx } from '../db/tx';
import { guardSameName, markSameName, type SameNameConfirmed } from './same-name';
import { ancestorIds, findByNormalizedNames, findByUscc, getAccountDetail } from './repository';
import { refreshAccountFacts } from '../value/facts';
import { aliasNorm, dropFromSearch, nameColumns, refreshDerived } from './derived';
import { type Clock, isoNow } from '../../shared/clock';
import { type Actor, requireTeam } from './account-team';
import { newRowStamps } from '../db/stamps';
import { replaceChildRows } from '../db/child-rows';
import { entityAudit } from '../audit/entity-audit';
import { mustExist } from '../db/must-exist';

const auditAccount = entityAudit('account');

interface DuplicateReport {
  usccTaken: DuplicateMatch | null;
  similar: DuplicateMatch[];
}

export async function checkDuplicates(
  db: Kysely<Database>,
  candidate: { name: string; uscc: string | null; aliases: string[] },
  excludeId: number | null,
): Promise<DuplicateReport> {
  const uscc = candidate.uscc ? normalizeUscc(candidate.uscc) : '';
  const taken = uscc ? await findByUscc(db, uscc, excludeId) : undefined;
  const norms = [
    ...new Set([candidate.name, ...candidate.aliases].map(normalizeOrgName).filter(Boolean)),
  ];
  const similar = markSameName(
    candidate.name,
    (await findByNormalizedNames(db, norms, excludeId)).filter((m) => m.id !== taken?.id),
  );
  return {
    usccTaken: taken ? { ...taken, matchedOn: 'uscc', matchedText: uscc } : null,
    similar,
  };
}

/**
 * `known`: accounts the user already accepted as distinct (those similar to the stored name and
 * aliases of the account being edited) — editing the grade must not warn about them again.
 */
async function guardDuplicates(
  db: Kysely<Database>,
  input: AccountInput,
  excludeId: number | null,
  acknowledged: boolean,
  confirmSameName: readonly number[],
  known: ReadonlySet<number> = new Set(),
): Promise<SameNameConfirmed[]> {
  const report = await checkDuplicates(
    db,
    { name: input.name, uscc: input.uscc, aliases: input.aliases.map((a) => a.alias) },
    excludeId,
  );
  if (report.usccTaken)
    throw new AppError(
      'CONFLICT',
      `USCC ${report.usccTaken.matchedText} already belongs to "${report.usccTaken.name}" (#${report.usccTaken.id})`,
      { kind: 'uscc_taken', existing: report.usccTaken },
    );
  const fresh = report.similar.filter((m) => !known.has(m.id));
  const confirmed = guardSameName(fresh, confirmSameName);
  const similar = fresh.filter((m) => m.matchedOn !== 'sameName');
  if (similar.length > 0 && !acknowledged)
    throw new AppError(
      'CONFLICT',
      `possible duplicate of: ${similar.map((s) => s.name).join(', ')}`,
      {
        kind: 'possible_duplicate',
        matches: similar,
      },
    );
  return confirmed;
}

async function guardParent(
  db: Kysely<Database>,
  id: number | null,
  input: AccountInput,
): Promise<void> {
  if (input.parentId === null) return;
  if (input.parentId === id)
    throw new AppError('VALIDATION', 'an account cannot be its own head office', {
      fields: [{ path: 'account.parentId', code: 'parent.self', message: 'parent.self' }],
    });
  const parent = await db
    .selectFrom('accounts')
    .select('id')
    .where('id', '=', input.parentId)
    .executeTakeFirst();
  if (!parent)
    throw new AppError('NOT_FOUND', `head office #${input.parentId} does not exist`, {
      fields: [{ path: 'account.parentId', code: 'parent.missing', message: 'parent.missing' }],
    });
  if (id !== null && (await ancestorIds(db, input.parentId)).includes(id))
    throw new AppError(
      'VALIDATION',
      'this head office is itself a subordinate unit of the account: that would make a cycle',
      {
        fields: [{ path: 'account.parentId', code: 'parent.cycle', message: 'parent.cycle' }],
      },
    );
}

async function guardOwner(db: Kysely<Database>, ownerId: number | null): Promise<void> {
  if (ownerId === null) return;
  const owner = await db
    .selectFrom('staff')
    .select('id')
    .where('id', '=', ownerId)
    .executeTakeFirst();
  if (!owner)
    throw new AppError('NOT_FOUND', `staff member #${ownerId} does not exist`, {
      fields: [{ path: 'account.ownerId', code: 'owner.missing', message: 'owner.missing' }],
    });
}

function columnsOf(input: AccountInput) {
  return {
    name: input.name,
    ...nameColumns(input.name),
    uscc: input.uscc,
    buyer_type: input.buyerType,
    industry: input.industry,
    ...orgNatureColumns(input.orgNature, input),
    province_code: input.provinceCode,
    city_code: input.cityCode,
    district_code: input.districtCode,
    address: input.address,
    parent_id: input.parentId,
    grade: input.grade,
    value_type: input.valueType,
    lifecycle: input.lifecycle,
    source: input.source,
    owner_id: input.ownerId,
    notes: input.notes,
  };
}

async function writeChildren(
  trx: Kysely<Database>,
  id: number,
  input: AccountInput,
): Promise<void> {
  await replaceChildRows(
    trx,
    'account_aliases',
    'account_id',
    id,
    input.aliases.map((a) => ({
      account_id: id,
      alias: a.alias,
      alias_norm: aliasNorm(a.alias),
      kind: a.kind,
    })),
  );
  await replaceChildRows(
    trx,
    'account_fleet',
    'account_id',
    id,
    input.fleet.map((f) => ({
      account_id: id,
      brand: f.brand,
      model: f.model,
      count: f.count,
      year: f.year,
    })),
  );
}

/** The audit entry's record of the same-name accounts a person confirmed as other organisations. */
function sameNameNote(confirmed: SameNameConfirmed[]) {
  return confirmed.length > 0 ? { sameNameConfirmed: confirmed } : {};
}

/** What the audit log keeps of an account: the stored fields, without derived counters. */
function snapshot(a: AccountDetail) {
  const {
    fleetTotal: _f,
    contactCount: _c,
    subordinateCount: _s,
    createdAt: _ca,
    updatedAt: _u,
    version: _v,
    owner,
    coOwners,
    parent,
    ...rest
  } = a;
  return {
    ...rest,
    owner: owner?.name ?? null,
    coOwners: coOwners.map((c) => c.name),
    parent: parent?.name ?? null,
  };
}

async function mustGet(db: Kysely<Database>, id: number): Promise<AccountDetail> {
  return mustExist(await getAccountDetail(db, id), 'account', id);
}

export async function createAccount(
  db: Kysely<Database>,
  clock: Clock,
  actorId: number,
  input: AccountInput,
  acknowledgeDuplicates: boolean,
  confirmSameName: readonly number[] = [],
): Promise<AccountDetail> {
  return writeTx(db, async (trx) => {
    const confirmed = await guardDuplicates(
      trx,
      input,
      null,
      acknowledgeDuplicates,
      confirmSameName,
    );
    await guardParent(trx, null, input);
    await guardOwner(trx, input.ownerId);
    const now = isoNow(clock);
    const { id } = await trx
      .insertInto('accounts')
      .values({
        ...columnsOf(input),
        search_text: '',
        ...newRowStamps(actorId, now),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeChildren(trx, id, input);
    await refreshDerived(trx, id);
    if (input.parentId !== null) await refreshDerived(trx, input.parentId);
    await refreshAccountFacts(trx, [id]);
    const created = await mustGet(trx, id);
    await auditAccount(trx, clock, actorId, id, {
      action: 'account.create',
      after: { ...snapshot(created), ...sameNameNote(confirmed) },
    });
    return created;
  });
}

export async function updateAccount(
  db: Kysely<Database>,
  clock: Clock,
  actor: Actor,
  id: number,
  input: AccountInput,
  acknowledgeDuplicates: boolean,
  version: number,
  confirmSameName: readonly number[] = [],
): Promise<AccountDetail> {
  const actorId = actor.id;
  return writeTx(db, async (trx) => {
    const before = await mustGet(trx, id);
    // Editing and reassigning are for the account's team and managers.
    await requireTeam(trx, actor, id);
    const at = isoNow(clock);
    await claimVersion(trx, 'accounts', id, version, actorId, at);
    const stored = await checkDuplicates(
      trx,
      { name: before.name, uscc: null, aliases: before.aliases.map((a) => a.alias) },
      id,
    );
    const confirmed = await guardDuplicates(
      trx,
      input,
      id,
      acknowledgeDuplicates,
      confirmSameName,
      new Set(stored.similar.map((m) => m.id)),
    );
    await guardParent(trx, id, input);
    await guardOwner(trx, input.ownerId);
    await trx
      .updateTable('accounts')
      .set({ ...columnsOf(input), updated_at: at, updated_by: actorId })
      .where('id', '=', id)
      .execute();
    // A co-owner made owner is no longer also a co-owner.
    if (input.ownerId !== null)
      await trx
        .deleteFrom('account_team_members')
        .where('account_id', '=', id)
        .where('staff_id', '=', input.ownerId)
        .execute();
    await writeChildren(trx, id, input);
    await refreshDerived(trx, id);
    for (const parentId of new Set([before.parent?.id, input.parentId]))
      if (parentId !== undefined && parentId !== null) await refreshDerived(trx, parentId);
    // The fleet's total is what our share of it divides by.
    await refreshAccountFacts(trx, [id]);
    const after = await mustGet(trx, id);
    await auditAccount(trx, clock, actorId, id, {
      action: 'account.update',
      before: snapshot(before),
      after: { ...snapshot(after), ...sameNameNote(confirmed) },
    });
    return after;
  });
}

/** A person confirms or corrects the organisation nature from the card, without the whole form. */
export async function confirmOrgNature(
  db: Kysely<Database>,
  clock: Clock,
  actor: Actor,
  id: number,
  nature: OrgNature,
): Promise<AccountDetail> {
  const actorId = actor.id;
  return writeTx(db, async (trx) => {
    const before = await mustGet(trx, id);
    await requireTeam(trx, actor, id);
    await trx
      .updateTable('accounts')
      .set({
        org_nature: nature,
        org_nature_confirmed: 1,
        ...bump(actorId, isoNow(clock)),
      })
      .where('id', '=', id)
      .execute();
    const after = await mustGet(trx, id);
    await auditAccount(trx, clock, actorId, id, {
      action: 'account.update',
      before: snapshot(before),
      after: snapshot(after),
    });
    return after;
  });
}

/** Sales records that refer to an account (as buyer, purchaser, subordinate unit, claimant's or filed). */
async function salesRecordsOf(trx: Kysely<Database>, id: number): Promise<number> {
  const refs = [
    ['opportunities', 'account_id'],
    ['tenders', 'purchaser_id'],
    ['contracts', 'account_id'],
    ['contract_allocations', 'unit_id'],
    ['activities', 'account_id'],
    ['claims', 'account_id'],
    ['filings', 'account_id'],
  ] as const;
  let total = 0;
  for (const [table, column] of refs) {
    const r = await sql<{
      n: number;
    }>`select count(*) as n from ${sql.table(table)} where ${sql.ref(column)} = ${id}`.execute(trx);
    total += Number(r.rows[0]?.n ?? 0);
  }
  return total;
}

export async function deleteAccount(
  db: Kysely<Database>,
  clock: Clock,
  actor: Actor,
  id: number,
): Promise<void> {
  const actorId = actor.id;
  const hadContacts = await writeTx(db, async (trx) => {
    const before = await mustGet(trx, id);
    await requireTeam(trx, actor, id);
    if (before.subordinateCount > 0)
      throw new AppError(
        'POLICY',
        `"${before.name}" has ${before.subordinateCount} subordinate unit(s); move or delete them first`,
        { kind: 'has_subordinates', count: before.subordinateCount },
      );
    const sales = await salesRecordsOf(trx, id);
    if (sales > 0)
      throw new AppError(
        'POLICY',
        `"${before.name}" has ${sales} opportunities, tenders, contracts or activities; they keep it`,
        { kind: 'has_sales_records', count: sales },
      );
    // Contacts go with the account (and their personal details): the log keeps who they were,
    // never how to reach them (electron/contacts/audit-view.ts).
    const contacts = await trx
      .selectFrom('contacts')
      .select(['id', 'name', 'title', 'department'])
      .where('account_id', '=', id)
      .execute();
    await trx.deleteFrom('accounts').where('id', '=', id).execute();
    await dropFromSearch(trx, id);
    if (before.parent) await refreshDerived(trx, before.parent.id);
    await appendAudit(
      trx,
      clock,
      contacts.map((c) => ({
        actorId,
        entity: 'account',
        entityId: id,
        action: 'contact.delete',
        before: c,
      })),
    );
    await auditAccount(trx, clock, actorId, id, {
      action: 'account.delete',
      before: snapshot(before),
    });
    return contacts.length > 0;
  });
  if (hadContacts) await eraseWalCopies(db);
}

/**
 * Sets the co-owners (副销售) of an account, replacing its current ones: for the account's owner and
 * for managers and admins (who organise the team). The owner is never also a co-owner.
 */
export async function setAccountTeam(
  db: Kysely<Database>,
  clock: Clock,
  actor: Actor,
  id: number,
  coOwnerIds: readonly number[],
): Promise<AccountDetail> {
  return writeTx(db, async (trx) => {
    const before = await mustGet(trx, id);
    const mayOrganise =
      actor.role === 'manager' || actor.role === 'admin' || before.owner?.id === actor.id;
    if (!mayOrganise)
      throw new AppError('FORBIDDEN', 'only the account owner or a manager sets its team', {
        kind: 'not_owner',
        accountId: id,
      });
    const wanted = [...new Set(coOwnerIds)].filter((s) => s !== before.owner?.id);
    if (wanted.length > 0) {
      const found = await trx
        .selectFrom('staff')
        .select('id')
        .where('id', 'in', wanted)
        .where('active', '=', 1)
        .execute();
      const missing = wanted.filter((w) => !found.some((f) => f.id === w));
      if (missing.length > 0)
        throw new AppError('NOT_FOUND', `staff member #${missing[0]} does not exist or left`, {
          fields: [{ path: 'coOwnerIds', code: 'owner.missing', message: 'owner.missing' }],
        });
    }
    const current = before.coOwners.map((c) => c.id);
    const removed = current.filter((c) => !wanted.includes(c));
    const added = wanted.filter((w) => !current.includes(w));
    if (removed.length === 0 && added.length === 0) return before;
    const now = isoNow(clock);
    if (removed.length > 0)
      await trx
        .deleteFrom('account_team_members')
        .where('account_id', '=', id)
        .where('staff_id', 'in', removed)
        .execute();
    if (added.length > 0)
      await trx
        .insertInto('account_team_members')
        .values(
          added.map((s) => ({ account_id: id, staff_id: s, added_at: now, added_by: actor.id })),
        )
        .execute();
    await trx
      .updateTable('accounts')
      .set({ updated_at: now, updated_by: actor.id })
      .where('id', '=', id)
      .execute();
    const after = await mustGet(trx, id);
    await auditAccount(trx, clock, actor.id, id, {
      action: 'account.team',
      before: { coOwners: before.coOwners.map((c) => c.name) },
      after: { coOwners: after.coOwners.map((c) => c.name) },
    });
    return after;
  });
}

export { mustGet as getAccount };
