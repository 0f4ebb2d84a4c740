/**
 * The calendar's "receivable falling due" (应收款到期) of a contract: the oldest invoice not yet
 * paid in full (FIFO, shared/receivables.ts), due the payment term after its issue date. It is
 * written with the contract's other deadlines whenever the contract, its invoices or its payments
 * change (contracts/record.ts refreshContract), and moved when a manager changes the term — never
 * by a read.
 */
import type { Kysely } from 'kysely';
import { addDays } from '../../shared/dates';
import { oldestUnpaid } from '../../shared/receivables';
import type { syncDeadlines } from '../calendar/deadlines';
import type { Database } from '../db/schema';
import { getSalesSettings } from '../settings/sales-settings';
import { invoicesOf, moveDeadline, paymentsOf, receivableDeadlines } from './repository';

type DeadlineItem = Parameters<typeof syncDeadlines>[3][number];

interface ContractFacts {
  id: number;
  number: string;
  party_name: string;
  status: string;
  total_fen: number;
  account_id: number;
  owner_id: number | null;
}

/** The contract's receivable deadline; `due` null (removed) when nothing billed is unpaid. */
export async function receivableDeadline(
  trx: Kysely<Database>,
  c: ContractFacts,
): Promise<DeadlineItem> {
  const item = {
    kind: 'receivable_due' as const,
    title: `${c.number} ${c.party_name}`,
    accountId: c.account_id,
    ownerId: c.owner_id,
  };
  if (c.status !== 'final') return { ...item, due: null };
  const [invoices, payments, { paymentTermDays }] = await Promise.all([
    invoicesOf(trx, c.id),
    paymentsOf(trx, c.id),
    getSalesSettings(trx),
  ]);
  const oldest = oldestUnpaid(
    invoices,
    payments.map((p) => ({ id: p.id, invoiceId: p.invoice_id, amountFen: p.amount_fen })),
  );
  return { ...item, due: oldest ? addDays(oldest.issuedOn, paymentTermDays) : null };
}

/** A new payment term moves every receivable's due date by the difference. */
export async function moveReceivableDeadlines(
  trx: Kysely<Database>,
  fromDays: number,
  toDays: number,
): Promise<void> {
  if (fromDays === toDays) return;
  for (const d of await receivableDeadlines(trx))
    await moveDeadline(trx, d.id, addDays(d.due_on, toDays - fromDays));
}
