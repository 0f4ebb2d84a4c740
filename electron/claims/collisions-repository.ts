/**
 * All kysely code of finding the claims that collide with one: the accounts that are the same
 * organisation (USCC, name, alias, hierarchy), the active claims on them, and the claims waiting
 * for a closed one to settle their conflict or overlap.
 */
import { type Kysely, sql } from 'kysely';
import {
  ACTIVE_CLAIM_STATUSES,
  type ClaimSource,
  type ClaimStatus,
  type ConflictMatch,
} from '../../shared/filing-enums';
import { ancestorIds } from '../accounts/repository';
import type { Database } from '../db/schema';
import type { ClaimRecord } from './record-repository';

async function descendantIds(db: Kysely<Database>, id: number): Promise<number[]> {
  const rows = await db
    .withRecursive('down(id, depth)', (qb) =>
      qb
        .selectFrom('accounts')
        .select(['id', sql<number>`0`.as('depth')])
        .where('id', '=', id)
        .unionAll((q) =>
          q
            .selectFrom('accounts as a')
            .innerJoin('down', 'down.id', 'a.parent_id')
            .select(['a.id', sql<number>`down.depth + 1`.as('depth')])
            .where(sql.ref('down.depth'), '<', 100),
        ),
    )
    .selectFrom('down')
    .select('id')
    .where('depth', '>', 0)
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Accounts that are the same organisation as this one, or its head office or unit, with how each
 * was matched: the same account, USCC, normalised name, a name equal to an alias, the hierarchy.
 */
export async function lookAlikes(
  db: Kysely<Database>,
  accountId: number,
): Promise<Map<number, ConflictMatch[]>> {
  const account = await db
    .selectFrom('accounts')
    .select(['id', 'uscc', 'name_norm'])
    .where('id', '=', accountId)
    .executeTakeFirstOrThrow();
  const ownAliases = (
    await db
      .selectFrom('account_aliases')
      .select('alias_norm')
      .where('account_id', '=', accountId)
      .execute()
  ).map((a) => a.alias_norm);
  const names = [account.name_norm, ...ownAliases];
  const found = new Map<number, ConflictMatch[]>([[accountId, ['same_account']]]);
  const add = (id: number, match: ConflictMatch) => {
    const list = found.get(id) ?? [];
    if (!list.includes(match)) list.push(match);
    found.set(id, list);
  };
  if (account.uscc) {
    for (const r of await db
      .selectFrom('accounts')
      .select('id')
      .where('uscc', '=', account.uscc)
      .where('id', '!=', accountId)
      .execute())
      add(r.id, 'uscc');
  }
  for (const r of await db
    .selectFrom('accounts')
    .select(['id', 'name_norm'])
    .where('name_norm', 'in', names)
    .where('id', '!=', accountId)
    .execute())
    add(r.id, r.name_norm === account.name_norm ? 'name' : 'alias');
  for (const r of await db
    .selectFrom('account_aliases')
    .select('account_id')
    .where('alias_norm', 'in', names)
    .where('account_id', '!=', accountId)
    .execute())
    add(r.account_id, 'alias');
  for (const id of [...(await ancestorIds(db, accountId)), ...(await descendantIds(db, accountId))])
    add(id, 'hierarchy');
  return found;
}

/** Active claims (other than `exceptId`) on any of the given accounts, still protected `today`. */
export async function activeClaimsOn(
  db: Kysely<Database>,
  accountIds: number[],
  exceptId: number,
  today: string,
): Promise<
  {
    id: number;
    account_id: number;
    status: ClaimStatus;
    source: ClaimSource;
    dealer_name: string | null;
  }[]
> {
  if (accountIds.length === 0) return [];
  return db
    .selectFrom('claims')
    .select(['id', 'account_id', 'status', 'source', 'dealer_name'])
    .where('account_id', 'in', accountIds)
    .where('status', 'in', [...ACTIVE_CLAIM_STATUSES])
    .where((eb) => eb.or([eb('expires_on', 'is', null), eb('expires_on', '>=', today)]))
    .where('id', '!=', exceptId)
    .execute();
}

/**
 * Claims on any of the given accounts (other than `exceptId`) in conflict or in an overlap: those
 * a claim that stopped being active may settle.
 */
export async function claimsAwaitingSettlement(
  db: Kysely<Database>,
  accountIds: number[],
  exceptId: number,
): Promise<ClaimRecord[]> {
  return db
    .selectFrom('claims')
    .selectAll()
    .where('account_id', 'in', accountIds)
    .where('id', '!=', exceptId)
    .where((eb) => eb.or([eb('status', '=', 'conflict'), eb('overlap_since', 'is not', null)]))
    .execute();
}
