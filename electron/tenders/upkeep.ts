/**
 * What every tender write leaves in step after it: the tender's totals and status, its deadlines
 * in the calendar, and the linked opportunity (which tender it points at, which stage the
 * tender's progress implies).
 */
import type { Kysely } from 'kysely';
import { type Clock, isoNow } from '../../shared/clock';
import { type Stage, isOpenStage, stageRank } from '../../shared/sales-enums';
import type { SystemNote } from '../../shared/system-notes';
import { syncDeadlines } from '../calendar/deadlines';
import { refreshAccountFacts } from '../value/facts';
import type { Database } from '../db/schema';
import { applyStage } from '../opportunities/service';
import {
  linkLatestTender,
  lotRows,
  opportunityStage,
  tenderRow,
  updateTenderRow,
} from './record-repository';

/** Totals, status and deadlines from the stored tender and lots; deadlines done at `clock`. */
export async function refreshTender(
  trx: Kysely<Database>,
  clock: Clock,
  id: number,
): Promise<void> {
  const t = await tenderRow(trx, id);
  const lots = await lotRows(trx, id);
  const status =
    t.status === 'awarded' || t.status === 'failed' || t.status === 'cancelled'
      ? t.status
      : t.announced_on
        ? 'announced'
        : 'planned';
  await updateTenderRow(trx, id, {
    status,
    quantity: lots.reduce((n, l) => n + l.quantity, 0),
    lot_count: lots.length,
    won_lots: lots.filter((l) => l.result === 'won').length,
  });
  // Lost tenders (risk) and a rival winning the last one (迁移) follow the lots' results.
  await refreshAccountFacts(trx, [t.purchaser_id]);
  const closed = status === 'failed' || status === 'cancelled';
  const decided = status !== 'planned' && status !== 'announced';
  const bid = lots.some((l) => l.bid_amount_fen !== null);
  const now = isoNow(clock);
  const title = `${t.project_no} ${t.name}`;
  const base = { title, accountId: t.purchaser_id, ownerId: t.owner_id };
  await syncDeadlines(trx, 'tender', id, [
    {
      ...base,
      kind: 'doc_sale_end',
      due: closed ? null : t.doc_sale_end_on,
      doneAt: bid || decided ? now : null,
    },
    {
      ...base,
      kind: 'bid_deadline',
      due: closed ? null : t.bid_deadline_at,
      doneAt: bid || decided ? now : null,
    },
    { ...base, kind: 'opening', due: closed ? null : t.opening_at, doneAt: decided ? now : null },
    { ...base, kind: 'publicity_end', due: closed ? null : t.publicity_end_on },
    // A paid bond is refunded whatever became of the tender.
    {
      ...base,
      kind: 'bond_refund_due',
      due: t.bond_paid_on ? t.bond_refund_due_on : null,
      doneAt: t.bond_refunded_on ? now : null,
    },
  ]);
}

/** The opportunity points at its latest tender (what its grid row shows). */
export async function relinkOpportunity(
  trx: Kysely<Database>,
  opportunityId: number | null,
): Promise<void> {
  if (opportunityId === null) return;
  await linkLatestTender(trx, opportunityId);
}

/** A stage the tender's progress implies, if the opportunity is still before it. */
export async function advanceOpportunity(
  trx: Kysely<Database>,
  clock: Clock,
  actorId: number,
  opportunityId: number | null,
  to: Stage,
  note: SystemNote,
): Promise<void> {
  if (opportunityId === null) return;
  const opp = await opportunityStage(trx, opportunityId);
  if (!opp || !isOpenStage(opp.stage) || stageRank(opp.stage) >= stageRank(to)) return;
  await applyStage(trx, actorId, opportunityId, to, 'tender', {}, note, clock);
}
