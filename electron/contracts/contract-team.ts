/**
 * Which account a contract record belongs to, so its team can be checked (accounts/account-team):
 * every contract write names a contract, or one of its allocations, deliveries, invoices or
 * follow-ups. A record that does not exist passes here; the service then answers NOT_FOUND.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import {
  type Actor,
  requireSalesWriter,
  requireTeam,
  requireTeamRead,
} from '../accounts/account-team';
import {
  type ContractChildTable,
  accountIdOfContract,
  contractIdOfRecord,
} from './repository/contracts';

export type ContractRecordRef =
  | { contract: number }
  | { allocation: number }
  | { delivery: number }
  | { invoice: number }
  | { followUp: number };

const CHILD_TABLES = {
  allocation: 'contract_allocations',
  delivery: 'deliveries',
  invoice: 'invoices',
  followUp: 'follow_ups',
} as const satisfies Record<string, ContractChildTable>;

async function contractIdOf(db: Kysely<Database>, ref: ContractRecordRef): Promise<number | null> {
  if ('contract' in ref) return ref.contract;
  const [key, id] = Object.entries(ref)[0] as [keyof typeof CHILD_TABLES, number];
  return contractIdOfRecord(db, CHILD_TABLES[key], id);
}

async function contractAccountOf(
  db: Kysely<Database>,
  ref: ContractRecordRef,
): Promise<number | null> {
  const contractId = await contractIdOf(db, ref);
  return contractId === null ? null : accountIdOfContract(db, contractId);
}

/** Changing a contract or its records: the account's team or a manager (never the admin role). */
export async function requireContractTeam(
  db: Kysely<Database>,
  actor: Actor,
  ref: ContractRecordRef,
): Promise<void> {
  requireSalesWriter(actor);
  const accountId = await contractAccountOf(db, ref);
  if (accountId !== null) await requireTeam(db, actor, accountId);
}

/** Reading a contract: the account's team, managers and admins. */
export async function requireContractRead(
  db: Kysely<Database>,
  actor: Actor,
  ref: ContractRecordRef,
): Promise<void> {
  const accountId = await contractAccountOf(db, ref);
  if (accountId !== null) await requireTeamRead(db, actor, accountId);
}
