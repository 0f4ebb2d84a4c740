/** Payments received (回款) against a contract, optionally one of its invoices. */
import type { Generated } from 'kysely';
import type { PaymentMethod } from '../../../shared/schemas/payments';
import type { Stamps } from './stamps';

export interface PaymentsTable extends Stamps {
  id: Generated<number>;
  contract_id: number;
  invoice_id: number | null;
  received_on: string;
  amount_fen: number;
  method: PaymentMethod;
  /** The bank serial (流水号) as written, and its key (no spaces, upper case) for duplicates. */
  reference: string | null;
  reference_key: string | null;
  payer: string | null;
  note: string | null;
  /** Set when the person confirmed an over-payment: why it was accepted. */
  over_reason: string | null;
  /** Bumped by every write of the row (electron/db/row-version.ts). */
  version: Generated<number>;
}
