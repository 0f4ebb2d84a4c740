/**
 * The API contract: method name → zod input and output. Both transports, the preload bridge, the
 * renderer client and `GET /api` are derived from this one table.
 */
import { z } from 'zod';
import {
  accountCreate,
  accountDetail,
  accountListQuery,
  accountLookupInput,
  accountPage,
  accountRef,
  accountUpdate,
  duplicateCheckInput,
  duplicateCheckResult,
} from './schemas/accounts';
import { empty, id } from './schemas/common';
import { contact, contactInput, contactPersonal } from './schemas/contacts';
import {
  delivery,
  exportAccountsInput,
  exportContactsInput,
  exportResult,
} from './schemas/exports';
import { staff, staffInput } from './schemas/staff';
import {
  importReport,
  importTarget,
  inspectInput,
  importReportQuery,
  importRunInput,
  importSummary,
  inspection,
  saveMappingInput,
  savedMapping,
  stagedFile,
} from './schemas/imports';
import { appInfo, auditEntry, auditVerify, job, prefKey } from './schemas/system';
import { pageSchema } from './list';

const method = <I extends z.ZodType, O extends z.ZodType>(
  input: I,
  output: O,
  summary: string,
) => ({
  input,
  output,
  summary,
});

const byId = z.object({ id });
const done = z.object({ done: z.literal(true) });

export const api = {
  'app.info': method(empty, appInfo, 'Version, mode, data folder and first-run state.'),

  'session.current': method(empty, staff.nullable(), 'The staff member using this app now.'),
  'session.signIn': method(z.object({ staffId: id }), staff, 'Choose who is using the app.'),
  'session.signOut': method(empty, done, 'Forget the current user.'),

  'staff.list': method(
    z.object({ includeInactive: z.boolean().default(false) }).default({ includeInactive: false }),
    z.array(staff),
    'Staff members, active ones unless asked otherwise.',
  ),
  'staff.create': method(staffInput, staff, 'Add a staff member.'),
  'staff.update': method(
    staffInput.extend({ id, active: z.boolean() }),
    staff,
    'Change a staff member (deactivate instead of deleting).',
  ),

  'accounts.list': method(
    accountListQuery,
    accountPage,
    'One page of accounts, sorted and filtered.',
  ),
  'accounts.get': method(byId, accountDetail, 'One account with aliases, fleet, owner and parent.'),
  'accounts.create': method(accountCreate, accountDetail, 'Create an account (duplicate-guarded).'),
  'accounts.update': method(
    accountUpdate,
    accountDetail,
    'Replace an account (duplicate-guarded).',
  ),
  'accounts.delete': method(byId, done, 'Delete an account that nothing depends on.'),
  'accounts.checkDuplicates': method(
    duplicateCheckInput,
    duplicateCheckResult,
    'Accounts with the same USCC, or a matching normalised name or alias.',
  ),
  'accounts.lookup': method(
    accountLookupInput,
    z.array(accountRef),
    'Accounts by name, for pickers.',
  ),
  'accounts.history': method(
    z.object({
      id,
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(200).default(50),
    }),
    pageSchema(auditEntry),
    'Audit entries about an account and its contacts, newest first.',
  ),

  'contacts.list': method(z.object({ accountId: id }), z.array(contact), 'Contacts of an account.'),
  'contacts.create': method(contactInput, contact, 'Add a contact to an account.'),
  'contacts.update': method(contactInput.extend({ id }), contact, 'Change a contact.'),
  'contacts.delete': method(byId, done, 'Remove a contact and its personal details.'),
  'contacts.getPersonal': method(
    z.object({ contactId: id }),
    contactPersonal,
    'Personal details (PIPL): only for the account owner and managers; every read is logged.',
  ),
  'contacts.setPersonal': method(
    z.object({ contactId: id, personal: contactPersonal }),
    contactPersonal,
    'Store personal details of a contact.',
  ),

  'prefs.get': method(
    z.object({ key: prefKey }),
    z.object({ value: z.unknown() }),
    'A saved preference.',
  ),
  'prefs.set': method(
    z.object({ key: prefKey, value: z.unknown() }),
    done,
    'Save a preference of the current user (grid layout, language).',
  ),

  'demo.load': method(
    z
      .object({ accounts: z.number().int().min(10).max(200_000).default(2000) })
      .default({ accounts: 2000 }),
    z.object({ jobId: z.string() }),
    'Fill an empty database with generated demo data (runs as a job).',
  ),
  'demo.decline': method(empty, done, 'Do not offer demo data again.'),

  'exports.accounts': method(
    exportAccountsInput,
    z.object({ jobId: z.string() }),
    'Export the accounts view (filters, sort, search, visible columns) to .xlsx or .csv, as a job.',
  ),
  'exports.contacts': method(
    exportContactsInput,
    z.object({ jobId: z.string() }),
    'Export the contacts of the accounts in a view (personal details only if asked and allowed), as a job.',
  ),
  'exports.result': method(
    z.object({ jobId: z.string().max(64) }),
    exportResult,
    'What a finished export wrote.',
  ),
  'exports.deliver': method(
    z.object({ jobId: z.string().max(64) }),
    delivery,
    'Hand a finished export to the user: a save dialog in Electron, a download link in browser mode.',
  ),

  'imports.choose': method(
    empty,
    stagedFile.nullable(),
    'Electron: pick a file in an open dialog and stage it (null if the user cancels). Browser mode uploads with POST /api/upload instead.',
  ),
  'imports.inspect': method(
    inspectInput,
    z.object({ jobId: z.string() }),
    'Read a staged file’s sheets, find each header row and suggest a mapping (runs as a job).',
  ),
  'imports.inspection': method(
    z.object({ jobId: z.string().max(64) }),
    inspection,
    'What a finished inspect job found.',
  ),
  'imports.run': method(
    importRunInput,
    z.object({ jobId: z.string() }),
    'Dry run or commit an import of accounts or contacts (runs as a job; cancelling leaves the database as it was).',
  ),
  'imports.summary': method(
    z.object({ jobId: z.string().max(64) }),
    importSummary,
    'What a finished dry run or commit counted.',
  ),
  'imports.report': method(
    importReportQuery,
    importReport,
    'The per-row report of a run, paged, optionally only one outcome.',
  ),
  'imports.rejects': method(
    z.object({ runId: id, lang: z.enum(['zh-CN', 'en']).default('zh-CN') }),
    z.object({ jobId: z.string() }),
    'Write the rejected rows (original columns plus a reason column) to .xlsx, as an export job.',
  ),
  'imports.mappings': method(
    z.object({ target: importTarget.default('accounts') }).default({ target: 'accounts' }),
    z.array(savedMapping),
    'Saved column mappings of a target.',
  ),
  'imports.saveMapping': method(
    saveMappingInput,
    savedMapping,
    'Save (or replace, by name) a column mapping for next time.',
  ),
  'imports.deleteMapping': method(byId, done, 'Delete a saved mapping.'),

  'jobs.get': method(z.object({ id: z.string().max(64) }), job, 'Progress of a long job.'),
  'jobs.cancel': method(
    z.object({ id: z.string().max(64) }),
    job,
    'Ask a long job to stop; it rolls back.',
  ),

  'audit.verify': method(empty, auditVerify, 'Recompute the audit hash chain.'),
} as const;

export type Api = typeof api;
export type MethodName = keyof Api;
/** What a caller passes (defaults optional). */
export type Input<M extends MethodName> = z.input<Api[M]['input']>;
/** What a handler receives (defaults applied). */
export type ParsedInput<M extends MethodName> = z.output<Api[M]['input']>;
export type Output<M extends MethodName> = z.output<Api[M]['output']>;

export const METHOD_NAMES = Object.keys(api) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(api, name);
}
