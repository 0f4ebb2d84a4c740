/**
 * The accounts import job (worker thread): one streaming pass over the chosen sheet that decides
 * for every row — create, update, unchanged or reject, and why — and, when committing, writes it.
 *
 * Upsert key: the USCC; a row without one matches the single existing account of the same
 * normalised name. Everything happens in one transaction: a cancel, a crash or (all-or-nothing)
 * the first rejected row rolls all of it back. In that last case the pass is repeated as a dry
 * run, so the user still gets the full report of what is wrong.
 */
import type { AccountImportField } from '../../shared/import/account-fields';
import { regionLabel } from '../../shared/regions';
import type {
  ImportChange,
  ImportOutcome,
  ImportReason,
  ImportRunInput,
  ImportSummary,
} from '../../shared/schemas/imports';
import { AppError } from '../../shared/result';
import { cleanText, normalizeOrgName } from '../../shared/text';
import { bulkAuditAppender } from '../audit/audit';
import { bulkTransaction } from '../db/bulk';
import { cellAsText } from '../excel/read/cell-value';
import { openTable } from '../excel/read/table-source';
import type { JobContext, JobFunction } from '../jobs/context';
import { type ColumnFields, type ImportedAccount, parseAccountRow } from './account-row';
import {
  ALIAS_SEPARATOR,
  type AccountColumnValues,
  AccountStore,
  type ExistingAccount,
} from './account-store';
import { ImportReportWriter } from './report-writer';

export interface ImportAccountsParams {
  input: ImportRunInput;
  file: string;
  fileName: string;
}

const PROGRESS_EVERY = 500;

class RejectsBlockCommit extends Error {}

function reason(
  code: string,
  field: AccountImportField | null,
  value: string | null = null,
  detail: string | null = null,
): ImportReason {
  return { code, field, value, detail };
}

const ENUM_COLUMNS = [
  ['buyerType', 'buyer_type'],
  ['industry', 'industry'],
  ['grade', 'grade'],
  ['valueType', 'value_type'],
  ['lifecycle', 'lifecycle'],
  ['source', 'source'],
] as const;

const TEXT_COLUMNS = [
  ['name', 'name'],
  ['address', 'address'],
  ['notes', 'notes'],
] as const;

interface Decision {
  patch: AccountColumnValues;
  changes: ImportChange[];
  newAliases: string[];
  /** The parent named in the file, when it differs from the current one. */
  parent: string | null;
}

/** What the row would change on an existing account (nothing for cells left empty). */
function decide(
  existing: ExistingAccount | null,
  v: ImportedAccount,
  owner: { id: number; name: string } | null,
): Decision {
  const patch: AccountColumnValues = {};
  const changes: ImportChange[] = [];
  const before = (value: string | null | undefined) => (existing ? (value ?? null) : null);

  for (const [field, column] of TEXT_COLUMNS) {
    const value = v[field];
    if (value !== undefined && value !== existing?.[column]) {
      patch[column] = value;
      changes.push({ field, before: before(existing?.[column]), after: value });
    }
  }
  if (v.uscc !== undefined && v.uscc !== existing?.uscc) {
    patch.uscc = v.uscc;
    changes.push({ field: 'uscc', before: before(existing?.uscc), after: v.uscc });
  }
  for (const [field, column] of ENUM_COLUMNS) {
    const value = v[field];
    if (value !== undefined && value !== existing?.[column]) {
      patch[column] = value;
      changes.push({ field, before: before(existing?.[column]), after: value });
    }
  }
  if (v.region) {
    const current = {
      provinceCode: existing?.province_code ?? null,
      cityCode: existing?.city_code ?? null,
      districtCode: existing?.district_code ?? null,
    };
    // A less precise region that agrees (浙江 for 浙江/杭州) is no change: nothing is erased.
    const differs = (['provinceCode', 'cityCode', 'districtCode'] as const).some(
      (k) => v.region![k] !== null && v.region![k] !== current[k],
    );
    if (differs) {
      patch.province_code = v.region.provinceCode;
      patch.city_code = v.region.cityCode;
      patch.district_code = v.region.districtCode;
      changes.push({
        field: 'region',
        before: existing ? regionLabel(current) || null : null,
        after: regionLabel(v.region),
      });
    }
  }
  if (owner && owner.id !== existing?.owner_id) {
    patch.owner_id = owner.id;
    changes.push({ field: 'owner', before: before(existing?.owner_name), after: owner.name });
  }
  const known = new Set(existing?.aliases ? existing.aliases.split(ALIAS_SEPARATOR) : []);
  const newAliases = (v.aliases ?? []).filter((a) => !known.has(a));
  if (newAliases.length > 0)
    changes.push({
      field: 'aliases',
      before: existing && known.size > 0 ? [...known].join('、') : null,
      after: [...known, ...newAliases].join('、'),
    });
  let parent: string | null = null;
  if (v.parent !== undefined) {
    const same =
      existing !== null &&
      (existing.parent_norm === normalizeOrgName(v.parent) ||
        String(existing.parent_id) === v.parent);
    if (!same) {
      parent = v.parent;
      changes.push({ field: 'parent', before: before(existing?.parent_name), after: v.parent });
    }
  }
  return { patch, changes, newAliases, parent };
}

/** The audit log's picture of the fields a change touched, in the account snapshot's terms. */
function auditSides(changes: ImportChange[]): { before: object; after: object } {
  const key: Partial<Record<AccountImportField, string>> = { region: 'region', owner: 'owner' };
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const c of changes) {
    before[key[c.field] ?? c.field] = c.before;
    after[key[c.field] ?? c.field] = c.after;
  }
  return { before, after };
}

interface PassResult {
  summary: Omit<ImportSummary, 'runId' | 'mode' | 'policy' | 'committed' | 'finishedAt'>;
  created: [number, number][];
}

/**
 * The ids of created accounts as [first, last] runs (one run, as a rule: ids are consecutive in
 * one transaction). Creations are audited once, in the import's own entry, by these runs — an
 * entry per created account would cost more than the insert itself; the account's history finds
 * the import entry by its id (accounts/handlers).
 */
class IdRanges {
  private readonly runs: [number, number][] = [];
  add(id: number): void {
    const last = this.runs[this.runs.length - 1];
    if (last && last[1] + 1 === id) last[1] = id;
    else this.runs.push([id, id]);
  }
  list(): [number, number][] {
    return this.runs;
  }
}

async function pass(
  ctx: JobContext<ImportAccountsParams>,
  report: ImportReportWriter,
  apply: boolean,
  stopOnReject: boolean,
): Promise<PassResult> {
  const { input, file, fileName } = ctx.params;
  const source = await openTable(file, fileName);
  const sheet = source.sheets.find((s) => s.name === input.sheet);
  if (!sheet)
    throw new AppError('VALIDATION', `the file has no sheet called “${input.sheet}”`, {
      kind: 'sheet_not_found',
    });
  const columns: ColumnFields = input.columns.flatMap((c) =>
    c.field ? [[c.index, c.field] as const] : [],
  );
  const store = new AccountStore(ctx.sqlite);
  const audit = apply ? bulkAuditAppender(ctx.sqlite) : null;
  const staff = new Map<string, { id: number; name: string }>();
  for (const s of ctx.sqlite.prepare('select id, name from staff where active = 1').all() as {
    id: number;
    name: string;
  }[])
    staff.set(cleanText(s.name).toLowerCase(), s);

  const counts = { total: 0, create: 0, update: 0, unchanged: 0, reject: 0, warned: 0 };
  const usccRows = new Map<string, number>();
  const namelessUsccRows = new Map<string, number>();
  /** Names in the file (normalised) → account id (when written) or null: parents may be among them. */
  const fileNames = new Map<string, number | null>();
  const links: { row: number; id: number | null; parent: string }[] = [];
  const created = new IdRanges();
  const expected = sheet.rowCount ? Math.max(0, sheet.rowCount - input.headerRow) : 0;
  const now = new Date().toISOString();
  let headerSeen = false;

  ctx.progress(0, expected);
  for await (const { row, cells } of source.rows(input.sheet)) {
    if (row < input.headerRow) continue;
    if (row === input.headerRow) {
      headerSeen = true;
      report.setHeaders(cells.map(cellAsText));
      continue;
    }
    if (cells.every((c) => c.kind === 'empty')) continue;
    counts.total++;
    if (counts.total % PROGRESS_EVERY === 0) {
      ctx.checkCancelled();
      // A CSV does not say how many rows it has: total 0 tells the UI to show rows read instead.
      ctx.progress(counts.total, expected > 0 ? Math.max(expected, counts.total) : 0);
    }

    const { values: v, reasons, warnings } = parseAccountRow(cells, columns);
    let owner: { id: number; name: string } | null = null;
    if (v.owner !== undefined) {
      owner = staff.get(v.owner.toLowerCase()) ?? null;
      if (!owner) reasons.push(reason('owner.not_found', 'owner', v.owner));
    }
    const nameNorm = v.name !== undefined ? normalizeOrgName(v.name) : null;
    if (v.uscc !== undefined) {
      const first = usccRows.get(v.uscc);
      if (first !== undefined)
        reasons.push(reason('duplicate_in_file', 'uscc', v.uscc, String(first)));
      else usccRows.set(v.uscc, row);
    } else if (nameNorm) {
      const first = namelessUsccRows.get(nameNorm);
      if (first !== undefined)
        reasons.push(reason('duplicate_name_in_file', 'name', v.name ?? null, String(first)));
      else namelessUsccRows.set(nameNorm, row);
    }

    // Which account the row is about: by USCC, else by its (unique) name.
    let existing: ExistingAccount | null = null;
    if (v.uscc !== undefined) existing = store.findByUscc(v.uscc) ?? null;
    if (!existing && nameNorm) {
      const same = store.findByName(nameNorm);
      const only = same.length === 1 ? same[0]! : null;
      if (only && (only.uscc === null || v.uscc === undefined)) existing = only;
      else if (only) warnings.push(reason('uscc_conflict', 'uscc', v.uscc ?? null, only.name));
      else if (same.length > 1)
        (v.uscc === undefined ? reasons : warnings).push(
          reason('similar_exists', 'name', v.name ?? null, same[0]!.name),
        );
      else {
        const alias = store.findByAlias(nameNorm);
        if (alias) warnings.push(reason('similar_exists', 'name', v.name ?? null, alias.name));
      }
    }
    if (!existing && reasons.length === 0) {
      if (v.name === undefined) reasons.push(reason('required', 'name'));
      if (v.buyerType === undefined) reasons.push(reason('required', 'buyerType'));
    }

    let outcome: ImportOutcome;
    let accountId: number | null = existing?.id ?? null;
    let decision: Decision | null = null;
    if (reasons.length > 0) outcome = 'reject';
    else {
      decision = decide(existing, v, owner);
      outcome = !existing ? 'create' : decision.changes.length > 0 ? 'update' : 'unchanged';
    }
    if (outcome === 'reject' && apply && stopOnReject) throw new RejectsBlockCommit();

    if (apply && decision && outcome === 'create') {
      accountId = store.create(
        {
          ...decision.patch,
          name: v.name!,
          buyer_type: v.buyerType!,
          grade: v.grade ?? 'C',
          lifecycle: v.lifecycle ?? 'prospect',
        },
        decision.newAliases,
        ctx.actorId,
        now,
      );
      created.add(accountId);
    } else if (apply && decision && existing && outcome === 'update') {
      store.update(existing, decision.patch, decision.newAliases, ctx.actorId, now);
      const sides = auditSides(decision.changes);
      audit!({
        actorId: ctx.actorId,
        entity: 'account',
        entityId: existing.id,
        action: 'account.update',
        before: sides.before,
        after: { ...sides.after, importedFrom: fileName },
      });
    }
    if (nameNorm && outcome !== 'reject') fileNames.set(nameNorm, accountId);
    if (decision?.parent && outcome !== 'reject')
      links.push({ row, id: accountId, parent: decision.parent });

    counts[outcome]++;
    if (warnings.length > 0) counts.warned++;
    report.add({
      row,
      outcome,
      accountId: outcome === 'reject' ? (existing?.id ?? null) : accountId,
      name: v.name ?? existing?.name ?? null,
      uscc: v.uscc ?? existing?.uscc ?? null,
      reasons,
      warnings,
      // A created row's "changes" are the whole row, which the file already says.
      changes: outcome === 'update' ? (decision?.changes ?? []) : [],
      cells: outcome === 'reject' ? cells.map(cellAsText) : null,
    });
  }
  if (!headerSeen)
    throw new AppError('VALIDATION', `the sheet has no row ${input.headerRow}`, {
      kind: 'header_not_found',
    });

  // Parents last: a head office may come after its units in the file.
  const touched = new Set<number>();
  for (const link of links) {
    ctx.checkCancelled();
    let parentId: number | null = null;
    let problem: string | null = null;
    if (/^\d+$/.test(link.parent)) parentId = store.findById(Number(link.parent))?.id ?? null;
    if (parentId === null) {
      const norm = normalizeOrgName(link.parent);
      const ids = store.idsByName(norm);
      if (ids.length === 1) parentId = ids[0]!;
      else if (ids.length > 1) problem = 'parent.ambiguous';
      else if (!apply && fileNames.has(norm)) continue;
      else parentId = store.findByAlias(norm)?.id ?? null;
      if (parentId === null) problem ??= 'parent.not_found';
    }
    if (parentId !== null && link.id !== null && store.isAncestorOrSelf(link.id, parentId))
      problem = link.id === parentId ? 'parent.self' : 'parent.cycle';
    if (problem) {
      if (report.addWarning(link.row, reason(problem, 'parent', link.parent))) counts.warned++;
      continue;
    }
    if (apply && link.id !== null && parentId !== null) {
      const old = store.findById(link.id)?.parent_id ?? null;
      store.linkParent(link.id, parentId, ctx.actorId, now);
      touched.add(parentId);
      if (old !== null) touched.add(old);
    }
  }
  if (apply) store.recountSubordinates(touched);
  ctx.progress(counts.total, counts.total);
  return { summary: { fileName, sheet: input.sheet, ...counts }, created: created.list() };
}

export const importAccountsJob: JobFunction<ImportAccountsParams> = async (ctx) => {
  const { input, fileName } = ctx.params;
  const commit = input.mode === 'commit';
  // One transaction touches every index of accounts plus the report: a larger page cache keeps
  // SQLite from spilling it to the WAL before the commit. This connection is the job's alone.
  ctx.sqlite.pragma('cache_size = -65536');

  const run = (apply: boolean) =>
    bulkTransaction(ctx.sqlite, async () => {
      const report = new ImportReportWriter(ctx.sqlite, {
        mode: input.mode,
        policy: input.policy,
        fileName,
        sheet: input.sheet,
        actorId: ctx.actorId,
      });
      const { summary, created } = await pass(ctx, report, apply, input.policy === 'allOrNothing');
      const full: ImportSummary = report.finish({
        ...summary,
        committed: apply,
      });
      if (apply)
        bulkAuditAppender(ctx.sqlite)({
          actorId: ctx.actorId,
          entity: 'import',
          entityId: full.runId,
          action: 'import.accounts',
          after: {
            fileName,
            sheet: input.sheet,
            policy: input.policy,
            created: full.create,
            updated: full.update,
            unchanged: full.unchanged,
            rejected: full.reject,
            createdIds: created,
          },
        });
      return full;
    });

  if (!commit) return { result: await run(false) };
  try {
    return { result: await run(true) };
  } catch (error) {
    if (!(error instanceof RejectsBlockCommit)) throw error;
    // All-or-nothing met a rejected row: nothing was written; report every row as a dry run would.
    return { result: await run(false) };
  }
};
