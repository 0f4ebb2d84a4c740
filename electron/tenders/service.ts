/**
 * Tender workflows: record and correct a tender, apply amendments, record the award per lot, close
 * it as failed or cancelled — keeping the date order, the linked opportunity's stage, the
 * deadlines and the audit log in step.
 */
import type { Kysely } from 'kysely';
import { chinaDate } from '../../shared/dates';
import { AppError, fieldIssue } from '../../shared/result';
import { type Stage, isOpenStage, stageRank } from '../../shared/sales-enums';
import type {
  ResultsInput,
  TenderDetail,
  TenderInput,
  TenderSchedule,
} from '../../shared/schemas/tenders';
import { tenderDateProblems } from '../../shared/tender-rules';
import { searchKey } from '../../shared/text';
import { appendAudit } from '../audit/audit';
import { dropDeadlines, syncDeadlines } from '../calendar/deadlines';
import type { Database } from '../db/schema';
import { bump, takeVersion } from '../db/row-version';
import { writeTx } from '../db/tx';
import { applyStage } from '../opportunities/service';
import type { SystemNote } from '../../shared/system-notes';
import { getDealerSettings } from '../settings/dealer-settings';
import { getTenderDetail } from './repository';
import { guardScheduleEdit } from './schedule-guard';
import { now as clockNow, nowIso } from '../../shared/clock';

export function projectKey(projectNo: string): string {
  return projectNo.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

export async function mustGetTender(db: Kysely<Database>, id: number): Promise<TenderDetail> {
  const detail = await getTenderDetail(db, id);
  if (!detail) throw new AppError('NOT_FOUND', `tender #${id} does not exist`);
  return detail;
}

function guardDates(dates: Parameters<typeof tenderDateProblems>[0]): void {
  const issues = tenderDateProblems(dates);
  if (issues.length > 0)
    throw new AppError(
      'VALIDATION',
      `the tender's dates are out of order: ${issues.map((i) => i.code).join(', ')}`,
      {
        kind: issues[0]!.code,
        fields: issues,
      },
    );
}

async function guardReferences(
  trx: Kysely<Database>,
  input: TenderInput,
  id: number | null,
): Promise<{ purchaserName: string }> {
  const taken = await trx
    .selectFrom('tenders')
    .select(['id', 'name'])
    .where('project_key', '=', projectKey(input.projectNo))
    .executeTakeFirst();
  if (taken && taken.id !== id)
    throw new AppError(
      'CONFLICT',
      `project number ${input.projectNo} is already recorded ("${taken.name}")`,
      {
        kind: 'tender.project_taken',
        ...fieldIssue('projectNo', 'tender.project_taken'),
      },
    );
  const purchaser = await trx
    .selectFrom('accounts')
    .select(['id', 'name'])
    .where('id', '=', input.purchaserId)
    .executeTakeFirst();
  if (!purchaser)
    throw new AppError('NOT_FOUND', `account #${input.purchaserId} does not exist`, {
      ...fieldIssue('purchaserId', 'account.missing'),
    });
  if (input.opportunityId !== null) {
    const opp = await trx
      .selectFrom('opportunities')
      .select(['account_id'])
      .where('id', '=', input.opportunityId)
      .executeTakeFirst();
    if (!opp) throw new AppError('NOT_FOUND', `opportunity #${input.opportunityId} does not exist`);
    if (opp.account_id !== input.purchaserId)
      throw new AppError(
        'VALIDATION',
        'the opportunity belongs to another account than the purchaser',
        {
          kind: 'tender.opportunity_other_account',
          fields: [
            {
              path: 'opportunityId',
              code: 'tender.opportunity_other_account',
              message: 'tender.opportunity_other_account',
            },
          ],
        },
      );
  }
  const lotNos = input.lots.map((l) => l.lotNo.normalize('NFKC').toUpperCase());
  if (new Set(lotNos).size !== lotNos.length)
    throw new AppError('VALIDATION', 'two lots have the same number', {
      ...fieldIssue('lots', 'tender.lot_duplicate'),
    });
  return { purchaserName: purchaser.name };
}

function scheduleColumns(s: TenderSchedule) {
  return {
    budget_fen: s.budgetFen,
    intention_on: s.intentionOn,
    announced_on: s.announcedOn,
    doc_sale_start_on: s.docSaleStartOn,
    doc_sale_end_on: s.docSaleEndOn,
    bid_deadline_at: s.bidDeadlineAt,
    opening_at: s.openingAt,
    opening_place: s.openingPlace,
  };
}

function columnsOf(input: TenderInput, purchaserName: string) {
  return {
    ...scheduleColumns(input),
    project_no: input.projectNo,
    project_key: projectKey(input.projectNo),
    name: input.name,
    method: input.method,
    purchaser_id: input.purchaserId,
    agency: input.agency,
    announcement_url: input.announcementUrl,
    opportunity_id: input.opportunityId,
    bond_fen: input.bondFen,
    bond_paid_on: input.bondPaidOn,
    bond_refund_due_on: input.bondRefundDueOn,
    bond_refunded_on: input.bondRefundedOn,
    notes: input.notes,
    search_text: [input.projectNo, input.name, purchaserName, input.agency ?? '']
      .map(searchKey)
      .filter(Boolean)
      .join('\n'),
  };
}

/** Lots are matched by id: an edited lot keeps its bid and result; a lot with a result stays. */
async function writeLots(
  trx: Kysely<Database>,
  tenderId: number,
  input: TenderInput,
): Promise<void> {
  const existing = await trx
    .selectFrom('tender_lots')
    .select(['id', 'result', 'lot_no'])
    .where('tender_id', '=', tenderId)
    .execute();
  const kept = new Set(input.lots.map((l) => l.id).filter((id): id is number => id !== undefined));
  for (const l of input.lots)
    if (l.id !== undefined && !existing.some((e) => e.id === l.id))
      throw new AppError('VALIDATION', `lot #${l.id} is not a lot of this tender`);
  const dropped = existing.filter((e) => !kept.has(e.id));
  const decided = dropped.find((e) => e.result !== 'pending');
  if (decided)
    throw new AppError(
      'POLICY',
      `lot ${decided.lot_no} has a recorded result and cannot be removed`,
      {
        kind: 'tender.lot_decided',
      },
    );
  if (dropped.length > 0)
    await trx
      .deleteFrom('tender_lots')
      .where(
        'id',
        'in',
        dropped.map((d) => d.id),
      )
      .execute();
  // Lot numbers are unique per tender: park the kept ones first so that renumbering can swap.
  for (const l of input.lots)
    if (l.id !== undefined)
      await trx
        .updateTable('tender_lots')
        .set({ lot_no: `\u0000${l.id}` })
        .where('id', '=', l.id)
        .execute();
  for (const [position, l] of input.lots.entries()) {
    const values = {
      position,
      lot_no: l.lotNo,
      name: l.name,
      requirements: l.requirements,
      quantity: l.quantity,
      budget_fen: l.budgetFen,
      bid_amount_fen: l.bidAmountFen,
      bid_model: l.bidModel,
    };
    if (l.id !== undefined)
      await trx.updateTable('tender_lots').set(values).where('id', '=', l.id).execute();
    else
      await trx
        .insertInto('tender_lots')
        .values({ ...values, tender_id: tenderId, result: 'pending' })
        .execute();
  }
}

/** Totals, status and deadlines from the stored tender and lots. */
async function refreshTender(trx: Kysely<Database>, id: number): Promise<void> {
  const t = await trx
    .selectFrom('tenders')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const lots = await trx
    .selectFrom('tender_lots')
    .selectAll()
    .where('tender_id', '=', id)
    .execute();
  const status =
    t.status === 'awarded' || t.status === 'failed' || t.status === 'cancelled'
      ? t.status
      : t.announced_on
        ? 'announced'
        : 'planned';
  await trx
    .updateTable('tenders')
    .set({
      status,
      quantity: lots.reduce((n, l) => n + l.quantity, 0),
      lot_count: lots.length,
      won_lots: lots.filter((l) => l.result === 'won').length,
    })
    .where('id', '=', id)
    .execute();
  const closed = status === 'failed' || status === 'cancelled';
  const decided = status !== 'planned' && status !== 'announced';
  const bid = lots.some((l) => l.bid_amount_fen !== null);
  const now = nowIso();
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
async function relinkOpportunity(
  trx: Kysely<Database>,
  opportunityId: number | null,
): Promise<void> {
  if (opportunityId === null) return;
  const latest = await trx
    .selectFrom('tenders')
    .select((eb) => eb.fn.max('id').as('id'))
    .where('opportunity_id', '=', opportunityId)
    .executeTakeFirst();
  await trx
    .updateTable('opportunities')
    .set({ tender_id: (latest?.id as number | null | undefined) ?? null })
    .where('id', '=', opportunityId)
    .execute();
}

/** A stage the tender's progress implies, if the opportunity is still before it. */
async function advanceOpportunity(
  trx: Kysely<Database>,
  actorId: number,
  opportunityId: number | null,
  to: Stage,
  note: SystemNote,
): Promise<void> {
  if (opportunityId === null) return;
  const opp = await trx
    .selectFrom('opportunities')
    .select('stage')
    .where('id', '=', opportunityId)
    .executeTakeFirst();
  if (!opp || !isOpenStage(opp.stage as Stage) || stageRank(opp.stage as Stage) >= stageRank(to))
    return;
  await applyStage(trx, actorId, opportunityId, to, 'tender', {}, note);
}

function snapshot(d: TenderDetail) {
  const { phase: _p, updatedAt: _u, amendments: _a, ownerName: _o, version: _v, ...rest } = d;
  return rest;
}

export async function createTender(
  db: Kysely<Database>,
  actorId: number,
  input: TenderInput,
): Promise<TenderDetail> {
  return writeTx(db, async (trx) => {
    guardDates(input);
    const { purchaserName } = await guardReferences(trx, input, null);
    const now = nowIso();
    const { id } = await trx
      .insertInto('tenders')
      .values({
        ...columnsOf(input, purchaserName),
        owner_id: input.ownerId ?? actorId,
        status: 'planned',
        created_at: now,
        updated_at: now,
        created_by: actorId,
        updated_by: actorId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeLots(trx, id, input);
    await refreshTender(trx, id);
    await relinkOpportunity(trx, input.opportunityId);
    if (input.lots.some((l) => l.bidAmountFen !== null))
      await advanceOpportunity(trx, actorId, input.opportunityId, 'comparison', {
        code: 'tender.bid',
        params: { projectNo: input.projectNo },
      });
    const created = await mustGetTender(trx, id);
    await appendAudit(trx, {
      actorId,
      entity: 'tender',
      entityId: id,
      action: 'tender.create',
      after: snapshot(created),
    });
    return created;
  });
}

function guardOpen(before: TenderDetail, what: string) {
  if (before.status === 'failed' || before.status === 'cancelled')
    throw new AppError(
      'POLICY',
      `tender ${before.projectNo} is closed (${before.status}); ${what} is no longer possible`,
      {
        kind: 'tender.closed',
      },
    );
}

export async function updateTender(
  db: Kysely<Database>,
  actorId: number,
  id: number,
  input: TenderInput,
  /** The version the form saw; an import's correction has none. */
  version?: number,
): Promise<TenderDetail> {
  return writeTx(db, async (trx) => {
    const before = await mustGetTender(trx, id);
    await takeVersion(trx, 'tenders', id, version, actorId);
    guardScheduleEdit(before, input);
    guardDates({ ...input, awardedOn: before.awardedOn, publicityEndOn: before.publicityEndOn });
    const { purchaserName } = await guardReferences(trx, input, id);
    await trx
      .updateTable('tenders')
      .set({
        ...columnsOf(input, purchaserName),
        owner_id: input.ownerId ?? before.ownerId,
        updated_at: nowIso(),
        updated_by: actorId,
      })
      .where('id', '=', id)
      .execute();
    await writeLots(trx, id, input);
    await refreshTender(trx, id);
    await relinkOpportunity(trx, before.opportunityId);
    await relinkOpportunity(trx, input.opportunityId);
    if (input.lots.some((l) => l.bidAmountFen !== null) && before.status !== 'awarded')
      await advanceOpportunity(trx, actorId, input.opportunityId, 'comparison', {
        code: 'tender.bid',
        params: { projectNo: input.projectNo },
      });
    const after = await mustGetTender(trx, id);
    await appendAudit(trx, {
      actorId,
      entity: 'tender',
      entityId: id,
      action: 'tender.update',
      before: snapshot(before),
      after: snapshot(after),
    });
    return after;
  });
}

const SCHEDULE_FIELDS = [
  'budgetFen',
  'intentionOn',
  'announcedOn',
  'docSaleStartOn',
  'docSaleEndOn',
  'bidDeadlineAt',
  'openingAt',
  'openingPlace',
] as const;

/** The dates and facts of a tender that an amendment may change, as they stand. */
export function scheduleOf(t: TenderDetail): TenderSchedule {
  return {
    budgetFen: t.budgetFen,
    intentionOn: t.intentionOn,
    announcedOn: t.announcedOn,
    docSaleStartOn: t.docSaleStartOn,
    docSaleEndOn: t.docSaleEndOn,
    bidDeadlineAt: t.bidDeadlineAt,
    openingAt: t.openingAt,
    openingPlace: t.openingPlace,
  };
}

export async function amendTender(
  db: Kysely<Database>,
  actorId: number,
  input: {
    id: number;
    publishedOn: string;
    summary: string;
    changes: Partial<TenderSchedule>;
    version?: number | undefined;
  },
): Promise<TenderDetail> {
  return writeTx(db, async (trx) => {
    const before = await mustGetTender(trx, input.id);
    await takeVersion(trx, 'tenders', input.id, input.version, actorId);
    guardOpen(before, 'an amendment');
    if (before.status === 'awarded')
      throw new AppError(
        'POLICY',
        `tender ${before.projectNo} is already awarded; an amendment no longer applies`,
        {
          kind: 'tender.awarded',
        },
      );
    const current = scheduleOf(before);
    const next: TenderSchedule = { ...current };
    const changes: Record<string, [unknown, unknown]> = {};
    for (const field of SCHEDULE_FIELDS) {
      const value = input.changes[field];
      if (value === undefined || value === current[field]) continue;
      changes[field] = [current[field], value];
      (next as Record<string, unknown>)[field] = value;
    }
    if (Object.keys(changes).length === 0)
      throw new AppError('VALIDATION', 'the amendment changes nothing', {
        kind: 'tender.amendment_empty',
        ...fieldIssue('changes', 'tender.amendment_empty'),
      });
    if (next.announcedOn && input.publishedOn < next.announcedOn)
      throw new AppError('VALIDATION', 'an amendment cannot be published before the announcement', {
        kind: 'tender.amendment_before_announcement',
        fields: [
          {
            path: 'publishedOn',
            code: 'tender.amendment_before_announcement',
            message: 'tender.amendment_before_announcement',
          },
        ],
      });
    guardDates({
      ...next,
      bondPaidOn: before.bondPaidOn,
      bondRefundedOn: before.bondRefundedOn,
      publicityEndOn: before.publicityEndOn,
      awardedOn: before.awardedOn,
    });
    const now = nowIso();
    await trx
      .updateTable('tenders')
      .set({ ...scheduleColumns(next), updated_at: now, updated_by: actorId })
      .where('id', '=', input.id)
      .execute();
    await trx
      .insertInto('tender_amendments')
      .values({
        tender_id: input.id,
        published_on: input.publishedOn,
        summary: input.summary,
        changes_json: JSON.stringify(changes),
        recorded_at: now,
        recorded_by: actorId,
      })
      .execute();
    await refreshTender(trx, input.id);
    const after = await mustGetTender(trx, input.id);
    await appendAudit(trx, {
      actorId,
      entity: 'tender',
      entityId: input.id,
      action: 'tender.amend',
      after: { publishedOn: input.publishedOn, summary: input.summary, changes },
    });
    return after;
  });
}

export async function recordResults(
  db: Kysely<Database>,
  actorId: number,
  input: Omit<ResultsInput, 'version'> & { version?: number | undefined },
  now: Date = clockNow(),
): Promise<TenderDetail> {
  return writeTx(db, async (trx) => {
    const before = await mustGetTender(trx, input.id);
    await takeVersion(trx, 'tenders', input.id, input.version, actorId, now.toISOString());
    guardOpen(before, 'recording results');
    if (before.status === 'planned')
      throw new AppError(
        'POLICY',
        `tender ${before.projectNo} has not been announced yet; there is nothing to award`,
        {
          kind: 'tender.not_announced',
        },
      );
    if (!before.openingAt)
      throw new AppError(
        'POLICY',
        'record the opening time first: an award comes after the opening',
        {
          kind: 'tender.award_before_opening',
          fields: [
            {
              path: 'awardedOn',
              code: 'tender.award_before_opening',
              message: 'tender.award_before_opening',
            },
          ],
        },
      );
    if (
      Date.parse(before.openingAt) > now.getTime() ||
      input.awardedOn < chinaDate(before.openingAt)
    )
      throw new AppError(
        'POLICY',
        `the bids are opened on ${chinaDate(before.openingAt)}: an award cannot come before the opening`,
        {
          kind: 'tender.award_before_opening',
          fields: [
            {
              path: 'awardedOn',
              code: 'tender.award_before_opening',
              message: 'tender.award_before_opening',
            },
          ],
        },
      );
    if (input.awardedOn > chinaDate(now))
      throw new AppError('VALIDATION', 'the award date is in the future', {
        ...fieldIssue('awardedOn', 'date.future'),
      });
    if (input.publicityEndOn && input.publicityEndOn < chinaDate(before.openingAt))
      throw new AppError('VALIDATION', 'the publicity cannot end before the opening', {
        fields: [
          {
            path: 'publicityEndOn',
            code: 'tender.publicity_before_opening',
            message: 'tender.publicity_before_opening',
          },
        ],
      });
    const lotIds = new Set(before.lots.map((l) => l.id));
    const given = new Set<number>();
    for (const r of input.lots) {
      if (!lotIds.has(r.lotId))
        throw new AppError('VALIDATION', `lot #${r.lotId} is not a lot of this tender`);
      if (given.has(r.lotId)) throw new AppError('VALIDATION', `lot #${r.lotId} is given twice`);
      given.add(r.lotId);
    }
    const dealer = await getDealerSettings(trx);
    for (const r of input.lots) {
      const won = r.result === 'won';
      const lot = before.lots.find((l) => l.id === r.lotId)!;
      await trx
        .updateTable('tender_lots')
        .set({
          result: r.result,
          winner_name: won
            ? (r.winnerName ?? (dealer.name || null))
            : r.result === 'lost'
              ? r.winnerName
              : null,
          winner_brand: won
            ? (r.winnerBrand ?? (dealer.brand || null))
            : r.result === 'lost'
              ? r.winnerBrand
              : null,
          winner_model: won
            ? (r.winnerModel ?? lot.bidModel)
            : r.result === 'lost'
              ? r.winnerModel
              : null,
          winning_amount_fen: won
            ? (r.winningAmountFen ?? lot.bidAmountFen)
            : r.result === 'lost'
              ? r.winningAmountFen
              : null,
        })
        .where('id', '=', r.lotId)
        .execute();
    }
    const lots = await trx
      .selectFrom('tender_lots')
      .selectAll()
      .where('tender_id', '=', input.id)
      .orderBy('position')
      .execute();
    const allFailed = lots.every((l) => l.result === 'failed');
    await trx
      .updateTable('tenders')
      .set({
        status: allFailed ? 'failed' : 'awarded',
        // Every lot 流标: the lots say so; no reason text to translate.
        close_reason: null,
        awarded_on: input.awardedOn,
        publicity_end_on: input.publicityEndOn,
        updated_at: now.toISOString(),
        updated_by: actorId,
      })
      .where('id', '=', input.id)
      .execute();
    await refreshTender(trx, input.id);
    // The outcome drives the opportunity: a won lot → commitment; every lot decided and none won → lost.
    const oppId = before.opportunityId;
    if (oppId !== null) {
      const opp = await trx
        .selectFrom('opportunities')
        .select('stage')
        .where('id', '=', oppId)
        .executeTakeFirstOrThrow();
      if (isOpenStage(opp.stage as Stage)) {
        const won = lots.filter((l) => l.result === 'won');
        const pending = lots.some((l) => l.result === 'pending');
        const lost = lots.find((l) => l.result === 'lost');
        if (won.length > 0)
          await advanceOpportunity(trx, actorId, oppId, 'commitment', {
            code: 'tender.won',
            params: { projectNo: before.projectNo },
          });
        else if (!pending && lost)
          await applyStage(
            trx,
            actorId,
            oppId,
            'lost',
            'tender',
            {
              lostReason: 'tender_lost',
              winnerName: [lost.winner_name, lost.winner_brand].filter(Boolean).join(' · ') || null,
              winningPriceFen: lost.winning_amount_fen,
            },
            { code: 'tender.lost', params: { projectNo: before.projectNo } },
          );
      }
    }
    const after = await mustGetTender(trx, input.id);
    await appendAudit(trx, {
      actorId,
      entity: 'tender',
      entityId: input.id,
      action: 'tender.results',
      before: { status: before.status, lots: before.lots },
      after: {
        status: after.status,
        awardedOn: after.awardedOn,
        publicityEndOn: after.publicityEndOn,
        lots: after.lots,
      },
    });
    return after;
  });
}

export async function closeTender(
  db: Kysely<Database>,
  actorId: number,
  input: { id: number; status: 'failed' | 'cancelled'; reason: string },
): Promise<TenderDetail> {
  return writeTx(db, async (trx) => {
    const before = await mustGetTender(trx, input.id);
    guardOpen(before, 'closing it again');
    if (before.status === 'awarded')
      throw new AppError(
        'POLICY',
        `tender ${before.projectNo} is awarded and cannot be marked ${input.status}`,
        {
          kind: 'tender.awarded',
        },
      );
    await trx
      .updateTable('tenders')
      .set({
        status: input.status,
        close_reason: input.reason,
        ...bump(actorId),
      })
      .where('id', '=', input.id)
      .execute();
    await refreshTender(trx, input.id);
    const after = await mustGetTender(trx, input.id);
    await appendAudit(trx, {
      actorId,
      entity: 'tender',
      entityId: input.id,
      action: 'tender.close',
      before: { status: before.status },
      after: { status: input.status, reason: input.reason },
    });
    return after;
  });
}

export async function deleteTender(
  db: Kysely<Database>,
  actorId: number,
  id: number,
): Promise<void> {
  await writeTx(db, async (trx) => {
    const before = await mustGetTender(trx, id);
    const contract = await trx
      .selectFrom('contracts')
      .select('number')
      .where('tender_id', '=', id)
      .executeTakeFirst();
    if (contract)
      throw new AppError(
        'POLICY',
        `contract ${contract.number} refers to this tender; it cannot be deleted`,
        {
          kind: 'tender.in_use',
        },
      );
    await trx.deleteFrom('tenders').where('id', '=', id).execute();
    await dropDeadlines(trx, 'tender', id);
    await relinkOpportunity(trx, before.opportunityId);
    await appendAudit(trx, {
      actorId,
      entity: 'tender',
      entityId: id,
      action: 'tender.delete',
      before: snapshot(before),
    });
  });
}
