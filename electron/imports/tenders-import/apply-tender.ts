/**
 * One tender of the file (its rows, one per lot) applied to the registry, through the same tender
 * workflows as the UI so every rule holds: a new project number creates the tender (and finds or
 * creates its purchaser); a known one takes changed dates as an amendment (更正公告) with their
 * old values, other details and lots as a correction, and award results per pending lot.
 */
import { chinaDate } from '../../../shared/dates';
import { AppError } from '../../../shared/result';
import type { ImportChange, ImportOutcome, ImportReason } from '../../../shared/schemas/imports';
import type { TenderDetail, TenderInput, TenderSchedule } from '../../../shared/schemas/tenders';
import type { JobContext } from '../../jobs/context';
import { amendTender } from '../../tenders/amendments';
import { createTender, updateTender } from '../../tenders/editing';
import { findTenderByProjectKey } from '../../tenders/record-repository';
import { mustGetTender, projectKey, scheduleOf } from '../../tenders/record';
import { recordResults } from '../../tenders/results';
import { reason } from '../account-row';
import type { ImportParams } from '../run-import';
import { type Field, type FileRow, first } from './file-row';
import { lotsFromFile, resultsOf } from './lots';
import { resolvePurchaser } from './purchaser';

/** What became of a tender: the report lines of its rows are written from it. */
export interface Outcome {
  outcome: ImportOutcome;
  reasons: ImportReason[];
  warnings: ImportReason[];
  changes: ImportChange[];
  tenderId: number | null;
  purchaserId: number | null;
  title: string | null;
}

type Ctx = JobContext<ImportParams>;

const SCHEDULE_FIELDS: [Field, keyof TenderSchedule][] = [
  ['budget', 'budgetFen'],
  ['intentionOn', 'intentionOn'],
  ['announcedOn', 'announcedOn'],
  ['docSaleStartOn', 'docSaleStartOn'],
  ['docSaleEndOn', 'docSaleEndOn'],
  ['bidDeadlineAt', 'bidDeadlineAt'],
  ['openingAt', 'openingAt'],
  ['openingPlace', 'openingPlace'],
];

type DetailField =
  | 'tenderName'
  | 'agency'
  | 'method'
  | 'announcementUrl'
  | 'bondAmount'
  | 'bondPaidOn'
  | 'bondRefundDueOn'
  | 'bondRefundedOn'
  | 'tenderNotes';
const DETAIL_FIELDS: [DetailField, keyof TenderInput][] = [
  ['tenderName', 'name'],
  ['agency', 'agency'],
  ['method', 'method'],
  ['announcementUrl', 'announcementUrl'],
  ['bondAmount', 'bondFen'],
  ['bondPaidOn', 'bondPaidOn'],
  ['bondRefundDueOn', 'bondRefundDueOn'],
  ['bondRefundedOn', 'bondRefundedOn'],
  ['tenderNotes', 'notes'],
];

/** Applies one tender's rows: creates the tender or updates the one with its project number. */
export async function applyTender(ctx: Ctx, rows: FileRow[], dealerName: string): Promise<Outcome> {
  const projectNo = String(rows[0]!.values.projectNo);
  const existing = await findTenderByProjectKey(ctx.db, projectKey(projectNo));
  return existing
    ? updateFromFile(ctx, existing.id, rows, dealerName)
    : createFromFile(ctx, rows, dealerName);
}

/** A new project number: the tender with its purchaser, lots and any award the file gives. */
async function createFromFile(ctx: Ctx, rows: FileRow[], dealerName: string): Promise<Outcome> {
  const actorId = ctx.actorId!;
  const projectNo = String(rows[0]!.values.projectNo);
  const warnings: ImportReason[] = [];
  const rejected = (reasons: ImportReason[], purchaserId: number | null): Outcome => ({
    outcome: 'reject',
    reasons,
    warnings,
    changes: [],
    tenderId: null,
    purchaserId,
    title: projectNo,
  });
  const purchaser = await resolvePurchaser(ctx.db, ctx.clock, actorId, rows, warnings);
  if (!('id' in purchaser)) return rejected([purchaser], null);
  const name = first(rows, 'tenderName');
  const method = first(rows, 'method');
  const missing: ImportReason[] = [];
  if (name === undefined) missing.push(reason('required', 'tenderName'));
  if (method === undefined) missing.push(reason('required', 'method'));
  if (rows.some((r) => r.values.quantity === undefined))
    missing.push(reason('required', 'quantity'));
  if (missing.length > 0) return rejected(missing, purchaser.id);
  const get = (f: Field) => (first(rows, f) ?? null) as never;
  const created = await createTender(ctx.db, ctx.clock, actorId, {
    projectNo,
    name: String(name),
    method: method as TenderInput['method'],
    purchaserId: purchaser.id,
    agency: get('agency'),
    announcementUrl: get('announcementUrl'),
    opportunityId: null,
    ownerId: null,
    budgetFen: get('budget'),
    intentionOn: get('intentionOn'),
    announcedOn: get('announcedOn'),
    docSaleStartOn: get('docSaleStartOn'),
    docSaleEndOn: get('docSaleEndOn'),
    bidDeadlineAt: get('bidDeadlineAt'),
    openingAt: get('openingAt'),
    openingPlace: get('openingPlace'),
    bondFen: get('bondAmount'),
    bondPaidOn: get('bondPaidOn'),
    bondRefundDueOn: get('bondRefundDueOn'),
    bondRefundedOn: get('bondRefundedOn'),
    lots: lotsFromFile(rows, null).lots,
    notes: get('tenderNotes'),
  });
  await awardFromFile(ctx, rows, created, dealerName);
  return {
    outcome: 'create',
    reasons: [],
    warnings,
    changes: [],
    tenderId: created.id,
    purchaserId: purchaser.id,
    title: `${projectNo} ${created.name}`,
  };
}

/**
 * A known project number: changed dates as an amendment, other details and lots as a correction,
 * then the award; each step notes its changes for the report.
 */
async function updateFromFile(
  ctx: Ctx,
  id: number,
  rows: FileRow[],
  dealerName: string,
): Promise<Outcome> {
  const projectNo = String(rows[0]!.values.projectNo);
  const warnings: ImportReason[] = [];
  const amendment = await amendFromFile(
    ctx,
    await mustGetTender(ctx.db, ctx.clock, id),
    rows,
    warnings,
  );
  let tender = amendment.tender;
  const changes = amendment.changes;
  const { input, detailChanges } = correctionOf(tender, rows);
  const lots = lotsFromFile(rows, tender);
  input.lots = lots.lots;
  changes.push(...lots.changes);
  if (detailChanges.length > 0 || lots.changes.length > 0) {
    if (tender.status === 'failed' || tender.status === 'cancelled')
      return {
        outcome: 'reject',
        reasons: [reason('tender.closed', null)],
        warnings,
        changes,
        tenderId: tender.id,
        purchaserId: tender.purchaserId,
        title: `${projectNo} ${tender.name}`,
      };
    tender = await updateTender(ctx.db, ctx.clock, ctx.actorId!, tender.id, input);
    changes.push(...detailChanges);
  }
  const awarded = await awardFromFile(ctx, rows, tender, dealerName);
  if (awarded) changes.push({ field: 'result', before: null, after: awarded });
  return {
    outcome: changes.length > 0 ? 'update' : 'unchanged',
    reasons: [],
    warnings,
    changes,
    tenderId: tender.id,
    purchaserId: tender.purchaserId,
    title: `${projectNo} ${tender.name}`,
  };
}

/**
 * Changed dates are an amendment (更正公告), with their old values kept. After the award they no
 * longer apply: the row says so in a warning and none of them counts as a change.
 */
async function amendFromFile(
  ctx: Ctx,
  tender: TenderDetail,
  rows: FileRow[],
  warnings: ImportReason[],
): Promise<{ tender: TenderDetail; changes: ImportChange[] }> {
  const current = scheduleOf(tender);
  const amended: Partial<TenderSchedule> = {};
  const changes: ImportChange[] = [];
  for (const [f, k] of SCHEDULE_FIELDS) {
    const v = first(rows, f);
    if (v !== undefined && v !== current[k]) {
      (amended as Record<string, unknown>)[k] = v;
      changes.push({
        field: f,
        before: current[k] === null ? null : String(current[k]),
        after: String(v),
      });
    }
  }
  if (Object.keys(amended).length === 0) return { tender, changes };
  if (tender.status !== 'announced' && tender.status !== 'planned') {
    warnings.push(reason('tender.schedule_after_award', null));
    return { tender, changes: [] };
  }
  const after = await amendTender(ctx.db, ctx.clock, ctx.actorId!, {
    id: tender.id,
    publishedOn: chinaDate(ctx.clock.now()),
    summary: `导入更新：${ctx.params.fileName}`,
    changes: amended,
  });
  return { tender: after, changes };
}

/**
 * Other details: a correction through the same update as the tender form (its lots are filled
 * in by the caller), and the details it changes.
 */
function correctionOf(
  tender: TenderDetail,
  rows: FileRow[],
): { input: TenderInput; detailChanges: ImportChange[] } {
  const detailChanges: ImportChange[] = [];
  const input: TenderInput = {
    projectNo: tender.projectNo,
    name: tender.name,
    method: tender.method,
    purchaserId: tender.purchaserId,
    agency: tender.agency,
    announcementUrl: tender.announcementUrl,
    opportunityId: tender.opportunityId,
    ownerId: tender.ownerId,
    ...scheduleOf(tender),
    bondFen: tender.bondFen,
    bondPaidOn: tender.bondPaidOn,
    bondRefundDueOn: tender.bondRefundDueOn,
    bondRefundedOn: tender.bondRefundedOn,
    lots: [],
    notes: tender.notes,
  };
  for (const [f, k] of DETAIL_FIELDS) {
    const v = first(rows, f);
    if (v !== undefined && v !== input[k]) {
      detailChanges.push({
        field: f,
        before: input[k] === null ? null : String(input[k]),
        after: String(v),
      });
      (input as Record<string, unknown>)[k] = v;
    }
  }
  return { input, detailChanges };
}

/** Records the file's award results on pending lots; returns what was recorded, in words. */
async function awardFromFile(
  ctx: Ctx,
  rows: FileRow[],
  tender: TenderDetail,
  dealerName: string,
): Promise<string | null> {
  const results = resultsOf(rows, tender, dealerName);
  if (results.length === 0) return null;
  const awardedOn = first(rows, 'awardedOn') as string | undefined;
  if (!awardedOn)
    throw new AppError('VALIDATION', 'results need the award date', {
      kind: 'tender.results_need_award_date',
    });
  await recordResults(ctx.db, ctx.clock, ctx.actorId!, {
    id: tender.id,
    awardedOn,
    publicityEndOn: (first(rows, 'publicityEndOn') as string | undefined) ?? null,
    lots: results,
  });
  return results.map((r) => r.result).join(',');
}
