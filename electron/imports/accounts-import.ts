/**
 * The accounts import job (worker thread): one streaming pass over the chosen sheet that decides
 * for every row — create, update, unchanged or reject, and why — and writes it.
 *
 * Upsert key: the USCC; a row without one matches the single existing account of the same
 * normalised name. A dry run is the same pass, rolled back: what it reports is exactly what a
 * commit would do, rows of the same file that refer to each other (duplicates, parents) included,
 * and without keeping the file's names in memory. Everything happens in one transaction: a
 * cancel, a crash, or all-or-nothing with a rejected row rolls all of it back.
 */
import type { AccountImportField } from '../../shared/import/account-fields';
import { regionLabel } from '../../shared/regions';
import type { ImportChange, ImportOutcome, ImportRunInput } from '../../shared/schemas/imports';
import { AppError } from '../../shared/result';
import { cleanText, normalizeOrgName } from '../../shared/text';
import { bulkAuditAppender } from '../audit/audit';
import { cellAsText } from '../excel/read/cell-value';
import { openTable } from '../excel/read/table-source';
import type { JobContext, JobFunction } from '../jobs/context';
import { type ColumnFields, type ImportedAccount, parseAccountRow, reason } from './account-row';
import {
  ALIAS_SEPARATOR,
  type AccountColumnValues,
  AccountStore,
  type ExistingAccount,
} from './account-store';
import { type RunCounts, ReportSpool } from './report-writer';

export interface ImportAccountsParams {
  input: ImportRunInput;
  file: string;
  fileName: string;
}

const PROGRESS_EVERY = 500;

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
  counts: Omit<RunCounts, 'committed'>;
  created: [number, number][];
}

/**
 * The ids of created accounts as [first, last] runs (one run, as a rule: ids are consecutive in
 * one transaction). Creations are audited once, in the import's own entry, by these runs — an
 * entry per created account would cost more than the insert itself; the account's history finds
 * the import entry by its id (accounts/handlers).
 */
class CreatedAccounts {
  private readonly runs: [number, number][] = [];
  /** Row of each created id, in creation order (ids ascend): 8 bytes a row, not a Map entry. */
  private ids = new Int32Array(1024);
  private rows = new Int32Array(1024);
  private count = 0;

  add(id: number, row: number): void {
    const last = this.runs[this.runs.length - 1];
    if (last && last[1] + 1 === id) last[1] = id;
    else this.runs.push([id, id]);
    if (this.count === this.ids.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.ids = grow(this.ids);
      this.rows = grow(this.rows);
    }
    this.ids[this.count] = id;
    this.rows[this.count++] = row;
  }

  /** The file row that created the account, or null if this run did not create it. */
  rowOf(id: number): number | null {
    let lo = 0;
    let hi = this.count - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const at = this.ids[mid]!;
      if (at === id) return this.rows[mid]!;
      if (at < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return null;
  }

  list(): [number, number][] {
    return this.runs;
  }
}

async function pass(
  ctx: JobContext<ImportAccountsParams>,
  report: ReportSpool,
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
  const audit = bulkAuditAppender(ctx.sqlite);
  const staff = new Map<string, { id: number; name: string }>();
  for (const s of ctx.sqlite.prepare('select id, name from staff where active = 1').all() as {
    id: number;
    name: string;
  }[])
    staff.set(cleanText(s.name).toLowerCase(), s);

  const counts = { total: 0, create: 0, update: 0, unchanged: 0, reject: 0, warned: 0 };
  const links: { row: number; id: number; parent: string }[] = [];
  const warnedRows = new Set<number>();
  const created = new CreatedAccounts();
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
    // An account an earlier row of this file created: the file says the same thing twice.
    const first = existing ? created.rowOf(existing.id) : null;
    if (first !== null)
      reasons.push(
        v.uscc !== undefined
          ? reason('duplicate_in_file', 'uscc', v.uscc, String(first))
          : reason('duplicate_name_in_file', 'name', v.name ?? null, String(first)),
      );
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
    if (decision && outcome === 'create') {
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
      created.add(accountId, row);
    } else if (decision && existing && outcome === 'update') {
      store.update(existing, decision.patch, decision.newAliases, ctx.actorId, now);
      const sides = auditSides(decision.changes);
      audit({
        actorId: ctx.actorId,
        entity: 'account',
        entityId: existing.id,
        action: 'account.update',
        before: sides.before,
        after: { ...sides.after, importedFrom: fileName },
      });
    }
    if (decision?.parent && accountId !== null && outcome !== 'reject')
      links.push({ row, id: accountId, parent: decision.parent });

    counts[outcome]++;
    if (warnings.length > 0) {
      counts.warned++;
      warnedRows.add(row);
    }
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
      else parentId = store.findByAlias(norm)?.id ?? null;
      if (parentId === null) problem ??= 'parent.not_found';
    }
    if (parentId !== null && store.isAncestorOrSelf(link.id, parentId))
      problem = link.id === parentId ? 'parent.self' : 'parent.cycle';
    if (problem || parentId === null) {
      report.addWarning(link.row, reason(problem ?? 'parent.not_found', 'parent', link.parent));
      if (!warnedRows.has(link.row)) {
        warnedRows.add(link.row);
        counts.warned++;
      }
      continue;
    }
    {
      const old = store.findById(link.id)?.parent_id ?? null;
      store.linkParent(link.id, parentId, ctx.actorId, now);
      touched.add(parentId);
      if (old !== null) touched.add(old);
    }
  }
  store.recountSubordinates(touched);
  ctx.progress(counts.total, counts.total);
  return { counts: { fileName, sheet: input.sheet, ...counts }, created: created.list() };
}

export const importAccountsJob: JobFunction<ImportAccountsParams> = async (ctx) => {
  const { input, fileName } = ctx.params;
  // One transaction touches every index of accounts: a larger page cache keeps SQLite from
  // spilling it to the WAL before the commit. This connection is the job's alone.
  ctx.sqlite.pragma('cache_size = -65536');
  const report = new ReportSpool();
  const facts = {
    mode: input.mode,
    policy: input.policy,
    fileName,
    sheet: input.sheet,
    actorId: ctx.actorId,
  };
  try {
    ctx.sqlite.exec('begin immediate');
    try {
      const { counts, created } = await pass(ctx, report);
      const committed =
        input.mode === 'commit' && (counts.reject === 0 || input.policy === 'validOnly');
      if (committed) {
        const summary = await report.write(ctx.sqlite, facts, { ...counts, committed });
        bulkAuditAppender(ctx.sqlite)({
          actorId: ctx.actorId,
          entity: 'import',
          entityId: summary.runId,
          action: 'import.accounts',
          after: {
            fileName,
            sheet: input.sheet,
            policy: input.policy,
            created: summary.create,
            updated: summary.update,
            unchanged: summary.unchanged,
            rejected: summary.reject,
            createdIds: created,
          },
        });
        ctx.checkCancelled();
        ctx.sqlite.exec('commit');
        return { result: summary };
      }
      // A dry run, or all-or-nothing with a rejected row: nothing written stays but the report.
      ctx.sqlite.exec('rollback');
      ctx.sqlite.exec('begin immediate');
      const summary = await report.write(ctx.sqlite, facts, { ...counts, committed });
      ctx.sqlite.exec('commit');
      return { result: summary };
    } catch (error) {
      if (ctx.sqlite.inTransaction) ctx.sqlite.exec('rollback');
      throw error;
    }
  } finally {
    report.dispose();
  }
};
