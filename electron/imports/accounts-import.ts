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
import { regionCode, regionLabel } from '../../shared/regions';
import { importedNote, noteExcerpt } from '../../shared/import/notes';
import type { ImportChange, ImportOutcome, ImportReason } from '../../shared/schemas/imports';
import { cleanText, legalNameKey, normalizeOrgName } from '../../shared/text';
import { bulkAuditAppender } from '../audit/audit';
import type { JobContext, JobFunction } from '../jobs/context';
import { createdSearchSource, type ImportedAccount, reason } from './account-row';
import {
  ALIAS_SEPARATOR,
  type AccountColumnValues,
  AccountStore,
  type ExistingAccount,
} from './account-store';
import type { ReportSpool } from './report-writer';
import {
  CreatedRows,
  emptyTally,
  type ImportParams,
  type PassResult,
  runImportJob,
} from './run-import';
import { eachPreparedRow } from './prepared-rows';
import { isoNow } from '../../shared/clock';
import { deferIndexes } from '../db/deferred-indexes';

/** The columns a cell sets as it reads: names, and the codes of a vocabulary. */
type TextColumn =
  'name' | 'address' | 'buyer_type' | 'industry' | 'grade' | 'value_type' | 'lifecycle' | 'source';

interface Decision {
  patch: AccountColumnValues;
  changes: ImportChange[];
  /** What the row leaves alone that the reader should know: a person's note kept. */
  notices: ImportReason[];
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
  const notices: ImportReason[] = [];
  const before = (value: string | null | undefined) => (existing ? (value ?? null) : null);
  /** A cell's value for `column`, when it differs from the stored one. */
  const change = <K extends TextColumn>(
    field: ImportChange['field'],
    column: K,
    value: AccountColumnValues[K],
  ) => {
    if (value === undefined || value === existing?.[column]) return;
    patch[column] = value;
    changes.push({ field, before: before(existing?.[column]), after: value });
  };

  change('name', 'name', v.name);
  change('address', 'address', v.address);
  // A note fills an empty one only: what a person wrote is never replaced by a file.
  if (v.notes !== undefined) {
    const note = importedNote(existing?.notes, v.notes);
    if (note === 'fill') {
      patch.notes = v.notes;
      changes.push({ field: 'notes', before: null, after: v.notes });
    } else if (note === 'kept') notices.push(reason('note.kept', 'notes', noteExcerpt(v.notes)));
  }
  if (v.uscc !== undefined && v.uscc !== existing?.uscc) {
    patch.uscc = v.uscc;
    changes.push({ field: 'uscc', before: before(existing?.uscc), after: v.uscc });
  }
  change('buyerType', 'buyer_type', v.buyerType);
  change('industry', 'industry', v.industry);
  change('grade', 'grade', v.grade);
  change('valueType', 'value_type', v.valueType);
  change('lifecycle', 'lifecycle', v.lifecycle);
  change('source', 'source', v.source);
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
  // No region in the file: a new account takes the USCC's (an existing one keeps what it has).
  if (!v.region && v.regionFromUscc && !existing) {
    patch.province_code = v.regionFromUscc.provinceCode;
    patch.city_code = v.regionFromUscc.cityCode;
    patch.district_code = v.regionFromUscc.districtCode;
    notices.push(reason('region.from_uscc', 'region', null, regionCode(v.regionFromUscc)));
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
  return { patch, changes, notices, newAliases, parent };
}

/** The audit log's picture of the fields a change touched, in the account snapshot's terms. */
function auditSides(changes: ImportChange[]): { before: object; after: object } {
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const c of changes) {
    before[c.field] = c.before;
    after[c.field] = c.after;
  }
  return { before, after };
}

/**
 * Search rows written early, while the reader thread prepares rows, come in runs of at least this
 * many: a run of FTS5 writes costs much less than the same writes one by one between inserts.
 */
const EARLY_INDEX_ROWS = 1000;

async function pass(ctx: JobContext<ImportParams>, report: ReportSpool): Promise<PassResult> {
  const { fileName } = ctx.params;
  const store = new AccountStore(ctx.sqlite);
  const audit = bulkAuditAppender(ctx.sqlite, { clock: ctx.clock });
  const staff = new Map<string, { id: number; name: string }>();
  for (const s of ctx.sqlite.prepare('select id, name from staff where active = 1').all() as {
    id: number;
    name: string;
  }[])
    staff.set(cleanText(s.name).toLowerCase(), s);

  const counts = emptyTally();
  const links: { row: number; id: number; parent: string }[] = [];
  const warnedRows = new Set<number>();
  const created = new CreatedRows();
  const now = isoNow(ctx.clock);
  // The lookups below go by USCC (its own unique index), name key, id and parent: those stay.
  const indexes = deferIndexes(ctx.sqlite, 'accounts', ['accounts_name_norm', 'accounts_parent']);

  await eachPreparedRow(
    ctx,
    report,
    counts,
    'accounts',
    (row, prepared) => {
      const { values: v, reasons, warnings, notices, nameNorm } = prepared;
      let owner: { id: number; name: string } | null = null;
      if (v.owner !== undefined) {
        owner = staff.get(v.owner.toLowerCase()) ?? null;
        if (!owner) reasons.push(reason('owner.not_found', 'owner', v.owner));
      }
      // Which account the row is about: by USCC, else by its (unique) name.
      let existing: ExistingAccount | null = null;
      if (v.uscc !== undefined) existing = store.findByUscc(v.uscc) ?? null;
      if (!existing && nameNorm) {
        const same = store.findByName(nameNorm);
        const only = same.length === 1 ? same[0]! : null;
        if (only && (only.uscc === null || v.uscc === undefined)) existing = only;
        else if (only) warnings.push(reason('uscc_conflict', 'uscc', v.uscc ?? null, only.name));
        else if (same.length > 1) {
          // The very same legal name (not a similar one) with no USCC to tell the accounts apart:
          // another account of that name needs a person's confirmation naming the existing one
          // (the account form asks for it), so the import refuses the row and says whose name it is.
          const legal = legalNameKey(v.name!);
          const identical = same.find((s) => legalNameKey(s.name) === legal);
          const untold = v.uscc === undefined || same.some((s) => s.uscc === null);
          if (identical && untold)
            reasons.push(reason('same_name_exists', 'name', v.name ?? null, identical.name));
          else
            (v.uscc === undefined ? reasons : warnings).push(
              reason('similar_exists', 'name', v.name ?? null, same[0]!.name),
            );
        } else {
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
          prepared.search && {
            source: createdSearchSource({ ...v, name: v.name! }),
            columns: prepared.search,
          },
        );
        created.add(accountId, row);
        indexes.wrote();
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
        notices: outcome === 'reject' ? [] : [...notices, ...(decision?.notices ?? [])],
        cells: outcome === 'reject' ? prepared.texts : null,
      });
    },
    // Waiting for the reader thread: the search rows of the accounts created so far, in runs,
    // and the report's rows.
    () => {
      if (ctx.params.input.mode !== 'commit') return;
      store.indexCreated(EARLY_INDEX_ROWS);
      report.writePending();
    },
  );

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
  // A dry run is rolled back, and the rollback brings the indexes back: the search rows of its
  // accounts and the rebuilt indexes would be thrown away (about 3 s at 100,000 rows).
  if (ctx.params.input.mode === 'commit') {
    store.indexCreated();
    indexes.restore();
  }
  ctx.progress(counts.total, counts.total);
  // New accounts need their facts; an import changes nothing the facts of an existing one follow
  // from (contracts, activities, opportunities, tenders, the fleet).
  return { tally: counts, audit: { createdIds: created.list() }, facts: created.list() };
}

export const importAccountsJob: JobFunction<ImportParams> = (ctx) =>
  runImportJob(ctx, 'accounts', (report) => pass(ctx, report));
