/**
 * The API contract: method name → zod input and output. Both transports, the preload bridge, the
 * renderer client and `GET /api` are derived from this one table.
 */
import { z } from 'zod';
import {
  accountCreate,
  accountDetail,
  orgNatureConfirm,
  accountTeamInput,
  accountListQuery,
  accountLookupInput,
  accountPage,
  accountRef,
  accountUpdate,
  duplicateCheckInput,
  duplicateCheckResult,
} from './schemas/accounts';
import { empty, id, version } from './schemas/common';
import { refId } from './schemas/references';
import { contact, contactInput, contactPersonal } from './schemas/contacts';
import { contractDraft, contractNumbering, nextContractNumber } from './schemas/contract-numbering';
import {
  delivery,
  exportAccountsInput,
  exportContactsInput,
  exportResult,
} from './schemas/exports';
import { changePasswordInput, signedIn, signInInput, staff, staffInput } from './schemas/staff';
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
import { appInfo, auditEntry, auditVerify, auditVerifyInput, job, prefKey } from './schemas/system';
import { backupList, restoreInput, restoreStaged } from './schemas/backups';
import {
  activityInput,
  activityListQuery,
  activityPage,
  activityRow,
  kpiSetInput,
  kpiTargets,
  myDay,
  myDayInput,
} from './schemas/activities';
import { calendarPage, calendarQuery, remindersDue } from './schemas/calendar';
import {
  allocationInput,
  approvalDecision,
  approvalItem,
  approvalRequest,
  contractDetail,
  contractInput,
  contractListQuery,
  contractPage,
  contractUpdate,
  deliveryInput,
  followUp,
  followUpDone,
  followUpQuery,
  invoiceInput,
  priceListEntry,
  priceListInput,
  registrationInput,
} from './schemas/contracts';
import {
  board,
  boardQuery,
  opportunityDetail,
  opportunityInput,
  opportunityListQuery,
  opportunityPage,
  stageMove,
} from './schemas/opportunities';
import { salesSettings } from './schemas/sales-settings';
import {
  amendmentInput,
  lotResultListQuery,
  lotResultPage,
  resultsInput,
  tenderCloseInput,
  tenderDetail,
  tenderInput,
  tenderListQuery,
  tenderPage,
} from './schemas/tenders';
import { pageSchema } from './list';
import {
  authorisationAnswerInput,
  authorisationRequestInput,
  claimDetail,
  claimInput,
  claimListQuery,
  claimPage,
  claimReplyInput,
  claimWishInput,
  externalClaimInput,
  settleOverlapInput,
} from './schemas/claims';
import { attachInput, storedDocument } from './schemas/documents';
import { filingSettings } from './schemas/filing-settings';
import { dealerSettings } from './schemas/dealer-settings';
import {
  bulkDeliveryInput,
  bulkDeliveryResult,
  bulkInvoiceInput,
  bulkInvoiceResult,
} from './schemas/bulk-deliveries';
import {
  filingDetail,
  filingInput,
  filingListQuery,
  filingPage,
  filingUpdate,
  overrideInput,
  withdrawInput,
} from './schemas/filings';
import {
  dossier,
  dossierExportInput,
  reportExportInput,
  reportTemplate,
  templateInput,
  templateInspection,
} from './schemas/reports';

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

  'auth.current': method(empty, staff.nullable(), 'The staff member signed in on this client.'),
  'auth.signIn': method(
    signInInput,
    signedIn,
    'Sign in with login and password (browsers get a cookie, API clients a bearer token).',
  ),
  'auth.signOut': method(empty, done, 'End this session (on the server too).'),
  'auth.changePassword': method(
    changePasswordInput,
    staff,
    'Change your own password (required after a one-time password).',
  ),
  'auth.pick': method(
    z.object({ staffId: refId('staff') }),
    staff,
    'Solo data folder only: choose who is using the app.',
  ),
  'auth.pickList': method(
    empty,
    z.array(staff.pick({ id: true, name: true, role: true })),
    'Solo data folder only: the names to choose from.',
  ),
  'auth.setUp': method(
    staffInput,
    staff,
    'Solo first run only: create the first staff member and sign in as them.',
  ),

  'staff.list': method(
    z.object({ includeInactive: z.boolean().default(false) }).default({ includeInactive: false }),
    z.array(staff),
    'Staff members, active ones unless asked otherwise.',
  ),
  'staff.create': method(staffInput, staff, 'Add a staff member.'),
  'staff.setPassword': method(
    z.object({ id, password: z.string().min(1).max(200) }),
    staff,
    'Admin: set a one-time password, to be changed at the next sign-in; ends their sessions.',
  ),
  'staff.update': method(
    staffInput.extend({ id, active: z.boolean(), version: z.number().int().min(1) }),
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
  'accounts.confirmOrgNature': method(
    orgNatureConfirm,
    accountDetail,
    'Confirm or set what the organisation is (单位性质): the incentive policy keys on it.',
  ),
  'accounts.setTeam': method(
    accountTeamInput,
    accountDetail,
    'Set the co-owners (副销售) of an account: its owner or a manager.',
  ),
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
  'contacts.update': method(contactInput.extend({ id, version }), contact, 'Change a contact.'),
  'contacts.delete': method(byId, done, 'Remove a contact and its personal details.'),
  'contacts.getPersonal': method(
    z.object({ contactId: id }),
    contactPersonal,
    'Personal details (PIPL): only for the account’s team and managers; every read is logged.',
  ),
  'contacts.setPersonal': method(
    z.object({ contactId: refId('contacts'), personal: contactPersonal }),
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

  'opportunities.list': method(
    opportunityListQuery,
    opportunityPage,
    'One page of opportunities, sorted and filtered (amount and weighted amount per row).',
  ),
  'opportunities.board': method(
    boardQuery,
    board,
    'The pipeline by stage: count, amount and weighted amount per stage and in total, with each stage’s first cards.',
  ),
  'opportunities.get': method(
    byId,
    opportunityDetail,
    'One opportunity with demand lines, contacts, competitors, stage history, tenders and contracts.',
  ),
  'opportunities.create': method(
    opportunityInput,
    opportunityDetail,
    'Open an opportunity on an account (stage 兴趣).',
  ),
  'opportunities.update': method(
    z.object({ id, opportunity: opportunityInput, version }),
    opportunityDetail,
    'Change an opportunity’s details (not its stage).',
  ),
  'opportunities.move': method(
    stageMove,
    opportunityDetail,
    'Move to a stage: lost needs a reason, won needs a final contract; kept in the stage history.',
  ),
  'opportunities.delete': method(
    byId,
    done,
    'Delete an opportunity that no tender, contract or activity refers to.',
  ),
  'opportunities.history': method(
    z.object({
      id,
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(200).default(50),
    }),
    pageSchema(auditEntry),
    'Audit entries about an opportunity, newest first.',
  ),

  'tenders.list': method(tenderListQuery, tenderPage, 'One page of tenders, sorted and filtered.'),
  'tenders.get': method(byId, tenderDetail, 'One tender with its lots, results and amendments.'),
  'tenders.create': method(tenderInput, tenderDetail, 'Record a tender (project number unique).'),
  'tenders.update': method(
    z.object({ id, tender: tenderInput, version }),
    tenderDetail,
    'Correct a tender’s details; dates must keep their order.',
  ),
  'tenders.amend': method(
    amendmentInput,
    tenderDetail,
    'Apply an amendment notice (更正公告): the changed dates are recorded with their old values.',
  ),
  'tenders.recordResults': method(
    resultsInput,
    tenderDetail,
    'Record the award per lot (winner, price); refused before the opening. Moves the linked opportunity.',
  ),
  'tenders.close': method(
    tenderCloseInput,
    tenderDetail,
    'Mark a tender failed (流标/废标) or cancelled, with the reason.',
  ),
  'tenders.delete': method(byId, done, 'Delete a tender that no contract refers to.'),
  'tenders.lotResults': method(
    lotResultListQuery,
    lotResultPage,
    'Lot results with winners and prices: the competitor price history.',
  ),

  'contracts.list': method(contractListQuery, contractPage, 'One page of contracts.'),
  'contracts.get': method(
    byId,
    contractDetail,
    'A contract with lines, approvals, allocations, deliveries, invoices and follow-ups.',
  ),
  'contracts.create': method(
    contractInput,
    contractDetail,
    'Draft a contract; a price above retail is refused, below the floor needs approval to be final.',
  ),
  'contracts.update': method(contractUpdate, contractDetail, 'Change a draft contract.'),
  'contracts.nextNumber': method(
    empty,
    nextContractNumber,
    'The next free contract number from the numbering pattern (a suggestion; nothing is reserved).',
  ),
  'contracts.draftFromTender': method(
    byId,
    contractDraft,
    'A contract prefilled from a tender we won: purchaser, won lots, awarded prices, next number.',
  ),
  'settings.contractNumbering': method(
    empty,
    contractNumbering,
    'The contract numbering pattern, e.g. HT{yyyy}-{seq:4}.',
  ),
  'settings.setContractNumbering': method(
    contractNumbering,
    contractNumbering,
    'Managers: change the contract numbering pattern.',
  ),
  'contracts.requestApproval': method(
    approvalRequest,
    contractDetail,
    'Ask a manager to approve the below-floor prices of a contract, saying why.',
  ),
  'contracts.decideApproval': method(
    approvalDecision,
    contractDetail,
    'Managers: approve or reject a price approval request, with a note.',
  ),
  'contracts.pendingApprovals': method(
    empty,
    z.object({ items: z.array(approvalItem) }),
    'Managers: the price approval requests waiting for them (not their own), oldest first.',
  ),
  'contracts.finalize': method(
    byId,
    contractDetail,
    'Make a contract final (needs a signing date and approval of any below-floor price).',
  ),
  'contracts.cancel': method(
    z.object({ id, reason: z.string().trim().min(1).max(1000) }),
    contractDetail,
    'Cancel a contract without deliveries or invoices.',
  ),
  'contracts.allocate': method(
    allocationInput,
    contractDetail,
    'System contracts: allocate units of a line to a subordinate unit of the head office.',
  ),
  'contracts.removeAllocation': method(
    byId,
    contractDetail,
    'Remove an allocation that has no deliveries or invoices.',
  ),
  'contracts.deliver': method(
    deliveryInput,
    contractDetail,
    'Record a delivered vehicle (VIN checked); never more than contracted or allocated. Schedules follow-ups.',
  ),
  'contracts.removeDelivery': method(byId, contractDetail, 'Remove an uninvoiced delivery.'),
  'contracts.registerVehicle': method(
    registrationInput,
    contractDetail,
    'Record a delivered vehicle’s registration (行驶证): owner, plate, date.',
  ),
  'contracts.invoice': method(
    invoiceInput,
    contractDetail,
    'Record an invoice with the delivered VINs it covers.',
  ),
  'contracts.removeInvoice': method(byId, contractDetail, 'Remove an invoice.'),
  'contracts.addDeliveries': method(
    bulkDeliveryInput,
    bulkDeliveryResult,
    'Pasted VINs for one line: each row judged (check character, repeated, delivered, count); saved all or none unless dryRun.',
  ),
  'contracts.addInvoices': method(
    bulkInvoiceInput,
    bulkInvoiceResult,
    'One invoice per delivered VIN (number, date, amount as written): each row judged; saved all or none unless dryRun.',
  ),

  'followUps.list': method(
    followUpQuery,
    pageSchema(followUp),
    'After-delivery follow-ups, open ones by due date.',
  ),
  'followUps.complete': method(
    followUpDone,
    followUp,
    'Record a follow-up as done, with what was learnt.',
  ),

  'activities.list': method(activityListQuery, activityPage, 'One page of logged activities.'),
  'activities.get': method(byId, activityRow, 'One logged activity.'),
  'activities.create': method(
    activityInput,
    activityRow,
    'Log a visit, call, mailing, cold call …',
  ),
  'activities.update': method(
    z.object({ id, activity: activityInput, version }),
    activityRow,
    'Change a logged activity (its author or a manager).',
  ),
  'activities.delete': method(byId, done, 'Delete a logged activity (its author or a manager).'),
  'activities.completeNextStep': method(
    z.object({ id, done: z.boolean().default(true) }),
    activityRow,
    'Mark an activity’s next step done (or not).',
  ),

  'kpi.targets': method(
    empty,
    kpiTargets,
    'Daily activity targets: defaults and per staff member.',
  ),
  'kpi.setTargets': method(kpiSetInput, kpiTargets, 'Managers: set daily targets.'),
  'myDay.get': method(
    myDayInput,
    myDay,
    'Today’s due items, overdue items and KPI progress of a staff member.',
  ),

  'calendar.list': method(
    calendarQuery,
    calendarPage,
    'Every dated item (tender dates, bond refunds, deliveries, follow-ups, next steps) in a date range.',
  ),
  'reminders.due': method(
    empty,
    remindersDue,
    'My items due within the reminder lead time (or overdue) that I have not dismissed.',
  ),
  'reminders.dismiss': method(
    z.object({ deadlineId: refId('deadlines') }),
    done,
    'Stop reminding me of an item.',
  ),

  'settings.sales': method(
    empty,
    salesSettings,
    'Stage probabilities, follow-up days, reminder lead time.',
  ),
  'settings.setSales': method(salesSettings, salesSettings, 'Managers: change the sales settings.'),
  'prices.list': method(
    z
      .object({
        q: z.string().max(100).default(''),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .default({ q: '', offset: 0, limit: 100 }),
    pageSchema(priceListEntry),
    'The price list: retail price and floor per model.',
  ),
  'prices.save': method(
    z.object({ id: id.nullable().default(null), entry: priceListInput }),
    priceListEntry,
    'Managers: add or change a model’s retail price and floor.',
  ),
  'prices.delete': method(byId, done, 'Managers: remove a model that no contract line uses.'),

  'claims.list': method(claimListQuery, claimPage, 'One page of claims (ours and other dealers’).'),
  'claims.get': method(
    byId,
    claimDetail,
    'One claim with its evidence, documents, ranked conflicts and what blocks filing.',
  ),
  'claims.create': method(claimInput, claimDetail, 'Start a draft claim on an account.'),
  'claims.update': method(
    z.object({ id, claim: claimInput, version }),
    claimDetail,
    'Change a draft claim (its claimant or a manager).',
  ),
  'claims.delete': method(byId, done, 'Delete a draft claim; filed claims stay on record.'),
  'claims.file': method(
    byId,
    claimDetail,
    'File a draft claim now (system clock): territory and conflicts are checked.',
  ),
  'claims.recordExternal': method(
    externalClaimInput,
    claimDetail,
    'Record the manufacturer’s word about another dealer’s claim on an account.',
  ),
  'claims.recordReply': method(
    claimReplyInput,
    claimDetail,
    'Record the manufacturer’s reply to a filed claim: approved or rejected, with its reference.',
  ),
  'claims.recordWish': method(
    claimWishInput,
    claimDetail,
    'Record the customer’s wish to buy through us (it ranks first in a conflict).',
  ),
  'claims.renew': method(byId, claimDetail, 'Extend an active claim by its protection period.'),
  'claims.release': method(
    z.object({ id, reason: z.string().trim().min(1).max(2000) }),
    claimDetail,
    'Give up an active claim.',
  ),
  'claims.requestAuthorisation': method(
    authorisationRequestInput,
    claimDetail,
    'Record the cross-territory authorisation request of a claim outside our territory.',
  ),
  'claims.answerAuthorisation': method(
    authorisationAnswerInput,
    claimDetail,
    'Managers: record the answer to a cross-territory authorisation request.',
  ),
  'claims.settleOverlap': method(
    settleOverlapInput,
    claimDetail,
    'Managers: settle an internal overlap — this claim keeps the organisation, our other claims on it are released.',
  ),
  'claims.dossier': method(
    byId,
    dossier,
    'The dated timeline of a claim’s development activities, documents and events (for arbitration).',
  ),

  'documents.attach': method(
    attachInput,
    storedDocument,
    'Keep a staged upload as evidence of a claim or a draft filing (copied, hashed).',
  ),
  'documents.remove': method(byId, done, 'Remove a document from a draft claim or filing.'),
  'documents.open': method(byId, delivery, 'Hand a stored document to the user.'),
  'documents.choose': method(
    empty,
    stagedFile.nullable(),
    'Electron: pick a file to attach (browser mode uploads instead).',
  ),

  'filings.list': method(filingListQuery, filingPage, 'One page of incentive filings.'),
  'filings.get': method(
    byId,
    filingDetail,
    'One filing with its verdict, checks, evidence checklist and vehicles.',
  ),
  'filings.create': method(
    filingInput,
    filingDetail,
    'Start a draft filing from a final contract.',
  ),
  'filings.update': method(filingUpdate, filingDetail, 'Change a draft filing’s declared units.'),
  'filings.delete': method(byId, done, 'Delete a draft filing.'),
  'filings.override': method(
    overrideInput,
    filingDetail,
    'Managers: let a filing with failed checks be submitted, with a written reason.',
  ),
  'filings.submit': method(
    byId,
    filingDetail,
    'Submit a filing whose checks pass (or are overridden); its verdict and evidence are frozen.',
  ),
  'filings.withdraw': method(
    withdrawInput,
    filingDetail,
    'Withdraw a submitted filing, with the reason (it stays on record).',
  ),

  'reports.templates': method(empty, z.array(reportTemplate), 'The filing report templates.'),
  'reports.inspectTemplate': method(
    z.object({ fileId: stagedFile.shape.fileId }),
    templateInspection,
    'Read an uploaded manufacturer’s template: sheets, header rows and a suggested layout.',
  ),
  'reports.saveTemplate': method(
    templateInput,
    reportTemplate,
    'Managers: add or change a template.',
  ),
  'reports.deleteTemplate': method(
    byId,
    done,
    'Managers: remove a template (not the built-in one).',
  ),
  'exports.filingReport': method(
    reportExportInput,
    z.object({ jobId: z.string() }),
    'Start writing the filing report of a period into a template (.xlsx).',
  ),
  'exports.claimDossier': method(
    dossierExportInput,
    z.object({ jobId: z.string() }),
    'Start writing a claim’s dispute dossier (.xlsx).',
  ),

  'settings.filing': method(
    empty,
    filingSettings,
    'Territory, claim protection period, expiry warning and the incentive policy.',
  ),
  'settings.setFiling': method(
    filingSettings,
    filingSettings,
    'Managers: change the claim and filing settings.',
  ),
  'settings.dealer': method(
    empty,
    dealerSettings,
    'Our dealership: its name, manufacturer dealer code (经销商代码) and brand.',
  ),
  'settings.setDealer': method(
    dealerSettings,
    dealerSettings,
    'Managers: change the dealership’s name, code and brand.',
  ),

  'jobs.get': method(z.object({ id: z.string().max(64) }), job, 'Progress of a long job.'),
  'jobs.cancel': method(
    z.object({ id: z.string().max(64) }),
    job,
    'Ask a long job to stop; it rolls back.',
  ),

  'audit.verify': method(
    auditVerifyInput,
    auditVerify,
    'Recompute the audit chain (keyed links), and check it still reaches the given head and the heads recorded in backups.',
  ),

  'backups.list': method(
    empty,
    backupList,
    'Managers of a solo data folder, admins of a team server: the database backups (daily, manual, before upgrades, imports and restores), each with its check result and audit head, and the last restore.',
  ),
  'backups.create': method(
    empty,
    z.object({ jobId: z.string() }),
    'Take a verified online backup now (a job with progress and cancel).',
  ),
  'backups.restore': method(
    restoreInput,
    restoreStaged,
    'Check a listed backup and stage it to replace the data; the data is backed up first and the swap happens as the database is reopened.',
  ),
  'backups.exportAll': method(
    empty,
    z.object({ jobId: z.string() }),
    'Export all data (database backup, documents, manifest) as one zip archive, a job; fetch it with exports.deliver.',
  ),
} as const;

type Api = typeof api;
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
