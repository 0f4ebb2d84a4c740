/** The incentive part of a filing's card: the verdict, the amounts and the payments received. */
import type { Kysely } from 'kysely';
import { incentiveState, outstandingFen } from '../../shared/incentive-rules';
import type { IncentiveView } from '../../shared/schemas/incentives';
import type { Database, FilingsTable } from '../db/schema';
import type { Selectable } from 'kysely';
import { paymentsOf, staffName } from './incentive-repository';

type Filing = Pick<
  Selectable<FilingsTable>,
  | 'id'
  | 'status'
  | 'oem_verdict'
  | 'oem_verdict_on'
  | 'oem_reason'
  | 'oem_note'
  | 'approved_fen'
  | 'verdict_by'
  | 'verdict_at'
>;

export async function incentiveOf(db: Kysely<Database>, f: Filing): Promise<IncentiveView> {
  const payments = await paymentsOf(db, f.id);
  const received = payments.reduce((sum, p) => sum + p.amount_fen, 0);
  return {
    state: incentiveState(f.status, f.oem_verdict, f.approved_fen, received),
    verdict: f.oem_verdict,
    decidedOn: f.oem_verdict_on,
    reason: f.oem_reason,
    note: f.oem_note,
    approvedFen: f.approved_fen,
    receivedFen: received,
    outstandingFen: f.oem_verdict === 'rejected' ? 0 : outstandingFen(f.approved_fen, received),
    recordedBy: await staffName(db, f.verdict_by),
    recordedAt: f.verdict_at,
    payments: payments.map((p) => ({
      id: p.id,
      receivedOn: p.received_on,
      amountFen: p.amount_fen,
      reference: p.reference,
      overReason: p.over_reason,
      recordedBy:
        p.recorded_by !== null && p.recorded_by_name !== null
          ? { id: p.recorded_by, name: p.recorded_by_name }
          : null,
      recordedAt: p.recorded_at,
    })),
  };
}
