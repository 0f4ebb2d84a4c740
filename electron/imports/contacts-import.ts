/**
 * The contacts import job (worker thread): contacts of existing accounts, one per row. The
 * account is found by its USCC, else by its (unique) name; the contact by its name within the
 * account. Like every import, a dry run is the same pass rolled back (see run-import).
 * Personal details (PIPL) are not importable: they are entered one contact at a time.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { ATTITUDES, CONTACT_LEVELS, type Label, PURCHASE_ROLES } from '../../shared/enums';
import type { ContactImportField } from '../../shared/import/contact-fields';
import { enumFromText } from '../../shared/import/enum-text';
import type { ImportChange, ImportOutcome, ImportReason } from '../../shared/schemas/imports';
import { PHONE } from '../../shared/schemas/contacts';
import { importedNote, noteExcerpt } from '../../shared/import/notes';
import { samePhone } from '../../shared/values/phone';
import { cleanText, normalizeOrgName } from '../../shared/text';
import { normalizeUscc, usccProblem } from '../../shared/uscc';
import { CONTACT_IDENTIFIERS, withoutIdentifiers } from '../contacts/audit-view';
import { bulkAuditAppender } from '../audit/audit';
import { cellAsText, type NormalCell } from '../excel/read/cell-value';
import type { JobContext, JobFunction } from '../jobs/context';
import { choices, reason } from './account-row';
import { AccountStore, type ExistingAccount } from './account-store';
import type { ReportSpool } from './report-writer';
import {
  CreatedRows,
  eachDataRow,
  emptyTally,
  type ImportParams,
  type PassResult,
  runImportJob,
} from './run-import';
import { mappedColumns } from './sheet-rows';
import { isoNow } from '../../shared/clock';

type Field = ContactImportField;

/** Contact fields as the contacts table names them, for the ones a file can set. */
const COLUMNS = {
  title: 'title',
  department: 'department',
  level: 'level',
  purchaseRole: 'purchase_role',
  attitude: 'attitude',
  phone: 'phone',
  email: 'email',
  contactNotes: 'notes',
} as const satisfies Partial<Record<Field, string>>;
type SettableField = keyof typeof COLUMNS;

const MAX_LENGTH: Partial<Record<Field, number>> = {
  contactName: 50,
  title: 50,
  department: 80,
  contactNotes: 2000,
  account: 200,
};

const VOCABULARIES: Partial<Record<Field, Record<string, Label>>> = {
  level: CONTACT_LEVELS,
  purchaseRole: PURCHASE_ROLES,
  attitude: ATTITUDES,
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

interface ExistingContact {
  id: number;
  title: string | null;
  department: string | null;
  level: string | null;
  purchase_role: string | null;
  attitude: string | null;
  phone: string | null;
  email: string | null;
  notes: string | null;
}

function parseRow(cells: readonly NormalCell[], columns: readonly (readonly [number, Field])[]) {
  const values: Partial<Record<Field, string>> = {};
  const reasons: ImportReason[] = [];
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
    const table = VOCABULARIES[field];
    if (max !== undefined && text.length > max)
      reasons.push(reason('too_long', field, text.slice(0, 40), String(max)));
    else if (table) {
      const code = enumFromText(table, text);
      if (code === null) reasons.push(reason('enum.unknown', field, text, choices(table)));
      else values[field] = code;
    } else if (field === 'accountUscc') {
      const uscc = normalizeUscc(text);
      const problem = usccProblem(uscc);
      if (problem) reasons.push(reason(`uscc.${problem}`, field, text));
      else values[field] = uscc;
    } else if (field === 'phone') {
      if (!PHONE.test(text)) reasons.push(reason('phone.format', field, text));
      else values[field] = text;
    } else if (field === 'email') {
      if (!EMAIL.test(text)) reasons.push(reason('email.format', field, text));
      else values[field] = text.toLowerCase();
    } else values[field] = text;
  }
  return { values, reasons };
}

async function pass(ctx: JobContext<ImportParams>, report: ReportSpool): Promise<PassResult> {
  const { input, fileName } = ctx.params;
  const columns = mappedColumns<Field>(input);
  const accounts = new AccountStore(ctx.sqlite);
  const audit = bulkAuditAppender(ctx.sqlite, { clock: ctx.clock });
  const findContact = ctx.sqlite.prepare(
    `select id, title, department, level, purchase_role, attitude, phone, email, notes
       from contacts where account_id = ? and name = ? order by id limit 1`,
  );
  const insert = ctx.sqlite.prepare(
    `insert into contacts (account_id, name, title, department, level, purchase_role, attitude,
       phone, email, notes, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const updates = new Map<string, BetterSqlite3.Statement<unknown[]>>();
  const tally = emptyTally();
  const created = new CreatedRows();
  const touched = new Set<number>();
  const now = isoNow(ctx.clock);

  await eachDataRow(ctx, report, tally, (row, cells) => {
    const { values: v, reasons } = parseRow(cells, columns);
    if (v.contactName === undefined && !reasons.some((r) => r.field === 'contactName'))
      reasons.push(reason('required', 'contactName'));

    // The account: by USCC, else by its unique name; both given must agree.
    let account: ExistingAccount | null = null;
    if (v.accountUscc !== undefined) {
      account = accounts.findByUscc(v.accountUscc) ?? null;
      if (!account) reasons.push(reason('account.not_found', 'accountUscc', v.accountUscc));
      else if (v.account !== undefined && normalizeOrgName(v.account) !== account.name_norm)
        reasons.push(reason('account.mismatch', 'account', v.account, account.name));
    } else if (v.account !== undefined) {
      const same = accounts.findByName(normalizeOrgName(v.account));
      if (same.length === 1) account = same[0]!;
      else
        reasons.push(
          reason(same.length > 1 ? 'account.ambiguous' : 'account.not_found', 'account', v.account),
        );
    } else if (!reasons.some((r) => r.field === 'account' || r.field === 'accountUscc'))
      reasons.push(reason('required', 'account'));

    const existing =
      account && v.contactName !== undefined
        ? ((findContact.get(account.id, v.contactName) as ExistingContact | undefined) ?? null)
        : null;
    const first = existing ? created.rowOf(existing.id) : null;
    if (first !== null)
      reasons.push(
        reason('duplicate_contact_in_file', 'contactName', v.contactName!, String(first)),
      );

    const changes: ImportChange[] = [];
    const notices: ImportReason[] = [];
    const patch: Partial<Record<(typeof COLUMNS)[SettableField], string>> = {};
    for (const field of Object.keys(COLUMNS) as SettableField[]) {
      const value = v[field];
      const column = COLUMNS[field];
      if (value === undefined || value === existing?.[column]) continue;
      // The same number spaced or prefixed differently (138 0013 8000, +86 13800138000) is no change.
      if (field === 'phone' && samePhone(existing?.phone, value)) continue;
      // A note fills an empty one only: what a person wrote is never replaced by a file.
      if (field === 'contactNotes') {
        const note = importedNote(existing?.notes, value);
        if (note === 'same') continue;
        if (note === 'kept') {
          notices.push(reason('note.kept', field, noteExcerpt(value)));
          continue;
        }
      }
      patch[column] = value;
      changes.push({ field, before: existing?.[column] ?? null, after: value });
    }
    const outcome: ImportOutcome =
      reasons.length > 0
        ? 'reject'
        : !existing
          ? 'create'
          : changes.length > 0
            ? 'update'
            : 'unchanged';

    if (outcome === 'create') {
      const id = Number(
        insert.run(
          account!.id,
          v.contactName,
          v.title ?? null,
          v.department ?? null,
          v.level ?? null,
          v.purchaseRole ?? null,
          v.attitude ?? null,
          v.phone ?? null,
          v.email ?? null,
          v.contactNotes ?? null,
          now,
          now,
        ).lastInsertRowid,
      );
      created.add(id, row);
      touched.add(account!.id);
      audit({
        actorId: ctx.actorId,
        entity: 'account',
        entityId: account!.id,
        action: 'contact.create',
        after: { id, name: v.contactName, ...auditValues(changes), importedFrom: fileName },
      });
    } else if (outcome === 'update') {
      const keys = Object.keys(patch) as (keyof typeof patch)[];
      const signature = keys.join(',');
      let statement = updates.get(signature);
      if (!statement) {
        statement = ctx.sqlite.prepare(
          `update contacts set ${keys.map((k) => `${k} = ?`).join(', ')}, version = version + 1, updated_at = ?, updated_by = ? where id = ?`,
        );
        updates.set(signature, statement);
      }
      statement.run(...keys.map((k) => patch[k]), now, ctx.actorId, existing!.id);
      audit({
        actorId: ctx.actorId,
        entity: 'account',
        entityId: account!.id,
        action: 'contact.update',
        before: { name: v.contactName, ...auditValues(changes, 'before') },
        after: { name: v.contactName, ...auditValues(changes), importedFrom: fileName },
      });
    }

    tally[outcome]++;
    report.add({
      row,
      outcome,
      accountId: account?.id ?? null,
      name: v.contactName ?? null,
      uscc: account?.uscc ?? v.accountUscc ?? null,
      reasons,
      warnings: [],
      changes: outcome === 'update' ? changes : [],
      notices: outcome === 'reject' ? [] : notices,
      cells: outcome === 'reject' ? cells.map(cellAsText) : null,
    });
  });

  // Contact counts and quick search (it finds accounts by contact name) follow the new contacts.
  for (const id of touched) accounts.refreshContacts(id);
  ctx.progress(tally.total, tally.total);
  return { tally, audit: { createdContactIds: created.list() } };
}

/** The changed fields as the contact's audit snapshot names them (notes, purchaseRole …). */
/** Changed values for the log; phone and email only by name (electron/contacts/audit-view.ts). */
function auditValues(changes: ImportChange[], side: 'before' | 'after' = 'after') {
  const values = Object.fromEntries(
    changes.map((c) => [c.field === 'contactNotes' ? 'notes' : c.field, c[side]]),
  );
  const named = CONTACT_IDENTIFIERS.filter((f) => f in values);
  return {
    ...withoutIdentifiers(values),
    ...(side === 'after' && named.length > 0 ? { identifiersChanged: named } : {}),
  };
}

export const importContactsJob: JobFunction<ImportParams> = (ctx) =>
  runImportJob(ctx, 'contacts', (report) => pass(ctx, report));
