/**
 * The tender-list import job (worker thread). Rows with the same project number are one tender,
 * one row per lot. A new project number creates the tender (and its purchaser as a government
 * account when the registry does not have it); a known one is updated: changed dates become an
 * amendment (更正公告) with their old values, other details a correction, and award results are
 * recorded per lot — each through the same services as the UI, so every rule holds. Each tender
 * is written in a savepoint: under "valid rows only" a refused tender leaves nothing behind.
 */
import type { Kysely } from 'kysely';
import type { Clock } from '../../shared/clock';
import { chinaDate } from '../../shared/dates';
import {
  TENDER_DATE_FIELDS,
  TENDER_MONEY_FIELDS,
  TENDER_TIME_FIELDS,
  type TenderImportField,
} from '../../shared/import/tender-fields';
import { enumFromText } from '../../shared/import/enum-text';
import { AppError } from '../../shared/result';
import { PROCUREMENT_METHODS, type LotResult } from '../../shared/sales-enums';
import type { ImportChange, ImportOutcome, ImportReason } from '../../shared/schemas/imports';
import type { TenderDetail, TenderInput, TenderSchedule } from '../../shared/schemas/tenders';
import { cleanText, normalizeOrgName } from '../../shared/text';
import { normalizeUscc, usccProblem } from '../../shared/uscc';
import {
  chinaInstant,
  isValidIsoDate,
  parseDateText,
  parseTimeText,
} from '../../shared/values/date';
import { moneyUnitOfHeader, parseMoneyToFen } from '../../shared/values/money';
import { createAccount } from '../accounts/service';
import type { Database } from '../db/schema';
import { joinTransaction } from '../db/tx';
import { cellAsText, type NormalCell } from '../excel/read/cell-value';
import type { JobContext, JobFunction } from '../jobs/context';
import { getDealerSettings } from '../settings/dealer-settings';
import {
  amendTender,
  createTender,
  mustGetTender,
  projectKey,
  recordResults,
  scheduleOf,
  updateTender,
} from '../tenders/service';
import { reason } from './account-row';
import type { ReportSpool } from './report-writer';
import {
  eachDataRow,
  emptyTally,
  type ImportParams,
  mappedColumns,
  type PassResult,
  runImportJob,
} from './run-import';

type Field = TenderImportField;
type Values = Partial<Record<Field, string | number>>;

interface FileRow {
  row: number;
  cells: string[];
  values: Values;
  reasons: ImportReason[];
  warnings: ImportReason[];
}

const MAX_LENGTH: Partial<Record<Field, number>> = {
  projectNo: 100,
  tenderName: 300,
  purchaser: 200,
  agency: 200,
  openingPlace: 200,
  lotNo: 20,
  lotName: 200,
  requirements: 2000,
  bidModel: 80,
  winnerName: 200,
  winnerBrand: 50,
  winnerModel: 80,
  tenderNotes: 5000,
  announcementUrl: 1000,
};

const RESULT_WORDS: Record<LotResult, string[]> = {
  won: ['我方中标', '中标', '已中标', '成交', 'won', 'win'],
  lost: ['他人中标', '未中标', '落标', '失标', 'lost', 'lose'],
  failed: ['流标', '废标', '未成交', 'failed', 'no award'],
  pending: ['待定', '未开标', '评审中', 'pending'],
};

function resultOf(text: string): LotResult | null {
  const t = text.normalize('NFKC').trim().toLowerCase();
  for (const [result, words] of Object.entries(RESULT_WORDS) as [LotResult, string[]][])
    if (words.includes(t)) return result;
  return null;
}

/** One row's cells → typed values (money in fen, dates ISO, instants UTC) or reasons. */
function parseRow(
  cells: readonly NormalCell[],
  columns: readonly (readonly [number, Field])[],
  headers: readonly string[],
): Pick<FileRow, 'values' | 'reasons' | 'warnings'> {
  const values: Values = {};
  const reasons: ImportReason[] = [];
  const warnings: ImportReason[] = [];
  for (const [index, field] of columns) {
    const cell = cells[index] ?? { kind: 'empty' };
    if (cell.kind === 'empty') continue;
    if (cell.kind === 'error' || cell.kind === 'image') {
      reasons.push(
        reason(
          cell.kind === 'error' ? 'cell_error' : 'image',
          field,
          cell.kind === 'error' ? cell.code : null,
        ),
      );
      continue;
    }
    const text = cleanText(cellAsText(cell));
    if (!text) continue;
    const max = MAX_LENGTH[field];
    if (max !== undefined && text.length > max) {
      reasons.push(reason('too_long', field, text.slice(0, 40), String(max)));
      continue;
    }
    if (TENDER_MONEY_FIELDS.includes(field)) {
      const fen = parseMoneyToFen(
        cell.kind === 'number' ? cell.value : text,
        moneyUnitOfHeader(headers[index] ?? '') ?? 'yuan',
      );
      if (fen === null || fen < 0) reasons.push(reason('money.invalid', field, text));
      else values[field] = fen;
    } else if (TENDER_DATE_FIELDS.includes(field)) {
      const iso = cell.kind === 'date' ? cell.iso : parseDateText(text);
      if (!iso || !isValidIsoDate(iso)) reasons.push(reason('date.invalid', field, text));
      else values[field] = iso;
    } else if (TENDER_TIME_FIELDS.includes(field)) {
      const iso = cell.kind === 'date' ? cell.iso : parseDateText(text);
      const time =
        cell.kind === 'date' ? (cell.time ?? null) : parseTimeText(text.replace(/^\S+/, ''));
      if (!iso || !isValidIsoDate(iso)) reasons.push(reason('date.invalid', field, text));
      // Without a time the working day's usual 09:00 is assumed, and said.
      else {
        if (!time) warnings.push(reason('time.assumed', field, text));
        values[field] = chinaInstant(iso, time ?? '09:00');
      }
    } else if (field === 'quantity') {
      const n = cell.kind === 'number' ? cell.value : Number(text.replace(/[台辆]$/, ''));
      if (!Number.isInteger(n) || n < 1 || n > 100_000)
        reasons.push(reason('number.invalid', field, text));
      else values[field] = n;
    } else if (field === 'method') {
      const code = enumFromText(PROCUREMENT_METHODS, text, {
        framework: ['协议供货', '定点采购', '框架协议'],
      });
      if (code === null)
        reasons.push(
          reason(
            'enum.unknown',
            field,
            text,
            Object.values(PROCUREMENT_METHODS)
              .map((l) => l.zh)
              .join('、'),
          ),
        );
      else values[field] = code;
    } else if (field === 'purchaserUscc') {
      const uscc = normalizeUscc(text);
      const problem = usccProblem(uscc);
      if (problem) reasons.push(reason(`uscc.${problem}`, field, text));
      else values[field] = uscc;
    } else if (field === 'result') {
      const result = resultOf(text);
      if (!result) reasons.push(reason('result.unknown', field, text));
      else values[field] = result;
    } else if (field === 'announcementUrl') {
      if (!/^https?:\/\/\S+$/i.test(text)) reasons.push(reason('url.invalid', field, text));
      else values[field] = text;
    } else values[field] = text;
  }
  return { values, reasons, warnings };
}

const text = (v: Values, f: Field) => (v[f] === undefined ? null : String(v[f]));
const num = (v: Values, f: Field) => (v[f] === undefined ? null : Number(v[f]));

/** A value of the first row of a tender that has it (later rows usually repeat it). */
function first(rows: FileRow[], f: Field): string | number | undefined {
  for (const r of rows) if (r.values[f] !== undefined) return r.values[f];
  return undefined;
}

/** An AppError from a service as import reasons (its field issues, else its kind). */
function reasonsOf(error: AppError): ImportReason[] {
  const details = (error.details ?? {}) as { fields?: { code: string }[]; kind?: string };
  if (Array.isArray(details.fields) && details.fields.length > 0)
    return details.fields.map((f) => reason(f.code, null, null, null));
  return [reason(details.kind ?? 'rule', null, error.message)];
}

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

interface Outcome {
  outcome: ImportOutcome;
  reasons: ImportReason[];
  warnings: ImportReason[];
  changes: ImportChange[];
  tenderId: number | null;
  purchaserId: number | null;
  title: string | null;
}

async function resolvePurchaser(
  db: Kysely<Database>,
  clock: Clock,
  actorId: number,
  rows: FileRow[],
  warnings: ImportReason[],
): Promise<{ id: number } | ImportReason> {
  const uscc =
    text(rows[0]!.values, 'purchaserUscc') ??
    (first(rows, 'purchaserUscc') as string | undefined) ??
    null;
  const name = (first(rows, 'purchaser') as string | undefined) ?? null;
  if (uscc) {
    const byUscc = await db
      .selectFrom('accounts')
      .select(['id', 'name_norm', 'name'])
      .where('uscc', '=', uscc)
      .executeTakeFirst();
    if (byUscc) {
      if (name && normalizeOrgName(name) !== byUscc.name_norm)
        return reason('account.mismatch', 'purchaser', name, byUscc.name);
      return { id: byUscc.id };
    }
  }
  if (!name) return reason('required', 'purchaser');
  const norm = normalizeOrgName(name);
  const same = await db
    .selectFrom('accounts')
    .select('id')
    .where('name_norm', '=', norm)
    .limit(2)
    .execute();
  if (same.length === 1) return { id: same[0]!.id };
  if (same.length > 1) return reason('account.ambiguous', 'purchaser', name);
  try {
    const created = await createAccount(
      db,
      clock,
      actorId,
      {
        name,
        uscc,
        aliases: [],
        buyerType: 'government',
        industry: 'party_government',
        orgNature: null,
        provinceCode: null,
        cityCode: null,
        districtCode: null,
        address: null,
        parentId: null,
        grade: 'B',
        valueType: null,
        lifecycle: 'target',
        source: 'procurement_site',
        ownerId: actorId,
        fleet: [],
        notes: null,
      },
      false,
    );
    warnings.push(reason('purchaser.created', 'purchaser', name));
    return { id: created.id };
  } catch (error) {
    if (
      error instanceof AppError &&
      (error.details as { kind?: string } | undefined)?.kind === 'possible_duplicate'
    ) {
      const matches = ((error.details as { matches?: { name: string }[] }).matches ?? [])
        .map((m) => m.name)
        .join('、');
      return reason('purchaser.possible_duplicate', 'purchaser', name, matches);
    }
    throw error;
  }
}

function lotKey(v: Values): string {
  return (text(v, 'lotNo') ?? '1').normalize('NFKC').toUpperCase();
}

/** A winner column naming us: the dealership's own name, or 我方 / 本公司 as trackers write it. */
function isUs(winner: string, dealerName: string): boolean {
  if (['我方', '本公司', '我公司', '我司'].includes(winner.trim())) return true;
  return dealerName !== '' && normalizeOrgName(winner) === normalizeOrgName(dealerName);
}

/** The award given in the file for the tender's lots, if any. */
function resultsOf(rows: FileRow[], tender: TenderDetail, dealerName: string) {
  return rows.flatMap((r) => {
    const v = r.values;
    const lot = tender.lots.find((l) => l.lotNo.normalize('NFKC').toUpperCase() === lotKey(v));
    if (!lot || lot.result !== 'pending') return [];
    const winner = text(v, 'winnerName');
    let result = v.result as LotResult | undefined;
    if (!result && winner) result = isUs(winner, dealerName) ? 'won' : 'lost';
    if (!result || result === 'pending') return [];
    return [
      {
        lotId: lot.id,
        result,
        winnerName: winner,
        winnerBrand: text(v, 'winnerBrand'),
        winnerModel: text(v, 'winnerModel'),
        winningAmountFen: num(v, 'winningAmount'),
      },
    ];
  });
}

async function applyTender(
  ctx: JobContext<ImportParams>,
  rows: FileRow[],
  dealerName: string,
): Promise<Outcome> {
  const db = ctx.db;
  const actorId = ctx.actorId!;
  const head = rows[0]!.values;
  const projectNo = String(head.projectNo);
  const warnings: ImportReason[] = [];
  const changes: ImportChange[] = [];
  const existing = await db
    .selectFrom('tenders')
    .select('id')
    .where('project_key', '=', projectKey(projectNo))
    .executeTakeFirst();
  const lotsOf = (base: TenderDetail | null): TenderInput['lots'] => {
    const lots: TenderInput['lots'] = (base?.lots ?? []).map((l) => ({
      id: l.id,
      lotNo: l.lotNo,
      name: l.name,
      requirements: l.requirements,
      quantity: l.quantity,
      budgetFen: l.budgetFen,
      bidAmountFen: l.bidAmountFen,
      bidModel: l.bidModel,
    }));
    for (const r of rows) {
      const v = r.values;
      const at = lots.findIndex((l) => l.lotNo.normalize('NFKC').toUpperCase() === lotKey(v));
      const given = {
        lotNo: text(v, 'lotNo') ?? (at >= 0 ? lots[at]!.lotNo : '1'),
        name: text(v, 'lotName') ?? (at >= 0 ? lots[at]!.name : null),
        requirements: text(v, 'requirements') ?? (at >= 0 ? lots[at]!.requirements : null),
        quantity: num(v, 'quantity') ?? (at >= 0 ? lots[at]!.quantity : 0),
        budgetFen: num(v, 'lotBudget') ?? (at >= 0 ? lots[at]!.budgetFen : null),
        bidAmountFen: num(v, 'bidAmount') ?? (at >= 0 ? lots[at]!.bidAmountFen : null),
        bidModel: text(v, 'bidModel') ?? (at >= 0 ? lots[at]!.bidModel : null),
      };
      if (at >= 0) {
        const before = lots[at]!;
        for (const [f, k] of [
          ['lotName', 'name'],
          ['requirements', 'requirements'],
          ['quantity', 'quantity'],
          ['lotBudget', 'budgetFen'],
          ['bidAmount', 'bidAmountFen'],
          ['bidModel', 'bidModel'],
        ] as const)
          if (given[k] !== before[k])
            changes.push({
              field: f,
              before: before[k] === null ? null : String(before[k]),
              after: given[k] === null ? null : String(given[k]),
            });
        lots[at] = { ...before, ...given };
      } else {
        if (given.quantity < 1)
          throw new AppError('VALIDATION', 'a new lot needs its quantity', {
            fields: [{ path: 'quantity', code: 'required', message: 'required' }],
          });
        if (base) changes.push({ field: 'lotNo', before: null, after: given.lotNo });
        lots.push(given);
      }
    }
    return lots;
  };

  if (!existing) {
    const purchaser = await resolvePurchaser(db, ctx.clock, actorId, rows, warnings);
    if (!('id' in purchaser))
      return {
        outcome: 'reject',
        reasons: [purchaser],
        warnings,
        changes,
        tenderId: null,
        purchaserId: null,
        title: projectNo,
      };
    const name = first(rows, 'tenderName');
    const method = first(rows, 'method');
    const missing: ImportReason[] = [];
    if (name === undefined) missing.push(reason('required', 'tenderName'));
    if (method === undefined) missing.push(reason('required', 'method'));
    if (rows.some((r) => r.values.quantity === undefined))
      missing.push(reason('required', 'quantity'));
    if (missing.length > 0)
      return {
        outcome: 'reject',
        reasons: missing,
        warnings,
        changes,
        tenderId: null,
        purchaserId: purchaser.id,
        title: projectNo,
      };
    const get = (f: Field) => (first(rows, f) ?? null) as never;
    const created = await createTender(db, actorId, {
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
      lots: lotsOf(null),
      notes: get('tenderNotes'),
    });
    await awardFromFile(created);
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

  let tender = await mustGetTender(db, existing.id);
  const current = scheduleOf(tender);
  // Changed dates are an amendment (更正公告), with their old values kept.
  const amended: Partial<TenderSchedule> = {};
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
  if (Object.keys(amended).length > 0) {
    if (tender.status === 'announced' || tender.status === 'planned')
      tender = await amendTender(db, actorId, {
        id: tender.id,
        publishedOn: chinaDate(),
        summary: `导入更新：${ctx.params.fileName}`,
        changes: amended,
      });
    else {
      warnings.push(reason('tender.schedule_after_award', null));
      changes.length = 0;
    }
  }
  // Other details and lots: a correction through the same update as the tender form.
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
  const lotChanges = changes.length;
  input.lots = lotsOf(tender);
  const lotsChanged = changes.length > lotChanges;
  if (detailChanges.length > 0 || lotsChanged) {
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
    tender = await updateTender(db, actorId, tender.id, input);
    changes.push(...detailChanges);
  }
  const awarded = await awardFromFile(tender);
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

  /** Records the file's award results on pending lots; returns what was recorded, in words. */
  async function awardFromFile(t: TenderDetail): Promise<string | null> {
    const results = resultsOf(rows, t, dealerName);
    if (results.length === 0) return null;
    const awardedOn = first(rows, 'awardedOn') as string | undefined;
    if (!awardedOn)
      throw new AppError('VALIDATION', 'results need the award date', {
        kind: 'tender.results_need_award_date',
      });
    await recordResults(db, actorId, {
      id: t.id,
      awardedOn,
      publicityEndOn: (first(rows, 'publicityEndOn') as string | undefined) ?? null,
      lots: results,
    });
    return results.map((r) => r.result).join(',');
  }
}

async function pass(ctx: JobContext<ImportParams>, report: ReportSpool): Promise<PassResult> {
  const columns = mappedColumns<Field>(ctx.params.input);
  const tally = emptyTally();
  let headers: readonly string[] = [];
  // A tender list is small (hundreds of rows): grouping by project needs the whole file first.
  const groups = new Map<string, FileRow[]>();
  const loose: FileRow[] = [];
  await eachDataRow(ctx, report, tally, (row, cells) => {
    if (headers.length === 0) headers = report.headers();
    const parsed = parseRow(cells, columns, headers);
    const fileRow: FileRow = { row, cells: cells.map(cellAsText), ...parsed };
    const no = parsed.values.projectNo;
    if (no === undefined) {
      if (!parsed.reasons.some((r) => r.field === 'projectNo'))
        parsed.reasons.push(reason('required', 'projectNo'));
      loose.push(fileRow);
      return;
    }
    const key = projectKey(String(no));
    const group = groups.get(key) ?? [];
    const twin = group.find((g) => lotKey(g.values) === lotKey(parsed.values));
    if (twin)
      parsed.reasons.push(
        reason('tender.lot_in_file_twice', 'lotNo', text(parsed.values, 'lotNo'), String(twin.row)),
      );
    group.push(fileRow);
    groups.set(key, group);
  });

  const { name: dealerName } = await getDealerSettings(ctx.db);
  const write = (rows: FileRow[], o: Outcome) => {
    for (const r of rows) {
      const reasons = [...r.reasons, ...(o.outcome === 'reject' ? o.reasons : [])];
      const outcome: ImportOutcome = reasons.length > 0 ? 'reject' : o.outcome;
      tally[outcome]++;
      const warnings = [...r.warnings, ...o.warnings];
      if (warnings.length > 0) tally.warned++;
      report.add({
        row: r.row,
        outcome,
        accountId: o.purchaserId,
        name: o.title ?? text(r.values, 'projectNo'),
        uscc: null,
        reasons,
        warnings,
        changes: r === rows[0] && outcome === 'update' ? o.changes : [],
        cells: outcome === 'reject' ? r.cells : null,
      });
    }
  };
  const none: Outcome = {
    outcome: 'reject',
    reasons: [],
    warnings: [],
    changes: [],
    tenderId: null,
    purchaserId: null,
    title: null,
  };
  write(loose, none);

  let done = 0;
  await joinTransaction(ctx.db, async () => {
    for (const rows of groups.values()) {
      ctx.checkCancelled();
      ctx.progress(++done, groups.size, 'tenders');
      if (rows.some((r) => r.reasons.length > 0)) {
        write(rows, none);
        continue;
      }
      ctx.sqlite.exec('savepoint tender_import');
      try {
        const outcome = await applyTender(ctx, rows, dealerName);
        if (outcome.outcome === 'reject') ctx.sqlite.exec('rollback to tender_import');
        ctx.sqlite.exec('release tender_import');
        write(rows, outcome);
      } catch (error) {
        // A full disk or an I/O error may have ended the whole transaction already: then there
        // is no savepoint left, and the storage error is what the job reports.
        if (!ctx.sqlite.inTransaction) throw error;
        ctx.sqlite.exec('rollback to tender_import');
        ctx.sqlite.exec('release tender_import');
        if (!(error instanceof AppError)) throw error;
        write(rows, {
          ...none,
          reasons: reasonsOf(error),
          title: String(rows[0]!.values.projectNo),
        });
      }
    }
  });
  return { tally, audit: { tenders: groups.size } };
}

export const importTendersJob: JobFunction<ImportParams> = (ctx) =>
  runImportJob(ctx, 'tenders', (report) => pass(ctx, report));
