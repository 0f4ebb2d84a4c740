/**
 * The tender record that every tender workflow shares: loading it, its project key, the columns a
 * tender form writes, the snapshot the audit log keeps, and the guards each workflow applies
 * (dates in order, references that exist, a tender still open).
 */
import type { Kysely } from 'kysely';
import type { Clock } from '../../shared/clock';
import { AppError, fieldIssue } from '../../shared/result';
import type { TenderDetail, TenderInput, TenderSchedule } from '../../shared/schemas/tenders';
import { tenderDateProblems } from '../../shared/tender-rules';
import { searchKey } from '../../shared/text';
import { entityAudit } from '../audit/entity-audit';
import type { Database } from '../db/schema';
import { findPurchaser, findTenderByProjectKey, opportunityAccount } from './record-repository';
import { getTenderDetail } from './repository';
import { mustExist } from '../db/must-exist';

export function projectKey(projectNo: string): string {
  return projectNo.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

/** The tender's card; its phase is read on `clock`. */
export async function mustGetTender(
  db: Kysely<Database>,
  clock: Clock,
  id: number,
): Promise<TenderDetail> {
  return mustExist(await getTenderDetail(db, clock, id), 'tender', id);
}

export function guardDates(dates: Parameters<typeof tenderDateProblems>[0]): void {
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

/** A failed or cancelled tender takes no further work; `what` names the refused step. */
export function guardOpen(before: TenderDetail, what: string) {
  if (before.status === 'failed' || before.status === 'cancelled')
    throw new AppError(
      'POLICY',
      `tender ${before.projectNo} is closed (${before.status}); ${what} is no longer possible`,
      {
        kind: 'tender.closed',
      },
    );
}

/**
 * A tender form's references: its project number free (or this tender's), its purchaser and
 * opportunity existing and belonging together, its lot numbers distinct.
 */
export async function guardReferences(
  trx: Kysely<Database>,
  input: TenderInput,
  id: number | null,
): Promise<{ purchaserName: string }> {
  const taken = await findTenderByProjectKey(trx, projectKey(input.projectNo));
  if (taken && taken.id !== id)
    throw new AppError(
      'CONFLICT',
      `project number ${input.projectNo} is already recorded ("${taken.name}")`,
      {
        kind: 'tender.project_taken',
        ...fieldIssue('projectNo', 'tender.project_taken'),
      },
    );
  const purchaser = await findPurchaser(trx, input.purchaserId);
  if (!purchaser)
    throw new AppError('NOT_FOUND', `account #${input.purchaserId} does not exist`, {
      ...fieldIssue('purchaserId', 'account.missing'),
    });
  if (input.opportunityId !== null) {
    const opp = mustExist(
      await opportunityAccount(trx, input.opportunityId),
      'opportunity',
      input.opportunityId,
    );
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

/** The published schedule's columns (what an amendment may change). */
export function scheduleColumns(s: TenderSchedule) {
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

/** The columns a tender form writes, with the search text built from them. */
export function columnsOf(input: TenderInput, purchaserName: string) {
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

/** The card as the audit log keeps it: without what the clock, the team or the trail add. */
export function snapshot(d: TenderDetail) {
  const { phase: _p, updatedAt: _u, amendments: _a, ownerName: _o, version: _v, ...rest } = d;
  return rest;
}

/** A tender's audit entry. */
export const auditTender = entityAudit('tender');
