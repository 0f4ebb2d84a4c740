/**
 * Who may call what: one table over every API method, stated here, shown in the README and
 * enforced in one place (electron/auth/gate.ts) before any handler runs. Which records a caller
 * may touch within a method (their accounts' team, their own claims) is the services' part; the
 * `records` column names that rule so the table reads as the whole policy.
 */
import type { MethodName } from './api';
import type { StaffRole } from './enums';

/**
 * - `open`: anyone, signed in or not (what a sign-in screen needs).
 * - `first_run`: signed in; or, on a solo data folder that has no staff yet, the person setting it
 *   up (demo data, and the jobs that session started).
 * - `signed_in`: any signed-in person, whatever the role (reads, own preferences).
 * - `sales`: specialists and managers; an admin's sales data access is read-only.
 * - `manager`: sales decisions (approvals, overrides, targets) — managers only.
 * - `manager_or_admin`: the store's settings and staff administration.
 * - `admin`: passwords.
 * Backups are `manager_or_admin`: a solo data folder's manager keeps its backups; on a team server
 * the backups service (electron/backups/handlers.ts) lets only the system administrator in.
 */
type Audience =
  'open' | 'first_run' | 'signed_in' | 'sales' | 'manager' | 'manager_or_admin' | 'admin';

/**
 * The record-level rule applied by the service (for the README and the table-driven test):
 * - `registry`: the whole account registry is readable (names, types, regions: overlaps show).
 * - `team`: only records of accounts on whose team (owner or co-owner) a specialist is; managers all.
 * - `own`: only what the caller created or started (jobs, downloads, preferences, reminders).
 * - `self`: the caller's own staff record (others: manager or admin).
 * - `not_own_request`: a manager may not decide on a request they made themselves.
 */
type RecordRule = 'registry' | 'team' | 'own' | 'self' | 'not_own_request';

interface MethodRule {
  who: Audience;
  records?: RecordRule;
}

const open: MethodRule = { who: 'open' };
const read: MethodRule = { who: 'signed_in' };
const readTeam: MethodRule = { who: 'signed_in', records: 'team' };
const readOwn: MethodRule = { who: 'signed_in', records: 'own' };
const writeTeam: MethodRule = { who: 'sales', records: 'team' };
const settings: MethodRule = { who: 'manager_or_admin' };
const decision: MethodRule = { who: 'manager', records: 'not_own_request' };

export const METHOD_RULES: { readonly [M in MethodName]: MethodRule } = {
  'app.info': open,
  'auth.current': open,
  'auth.signIn': open,
  'auth.signOut': open,
  'auth.changePassword': open,
  'auth.pick': open,
  'auth.pickList': open,
  'auth.setUp': open,

  'demo.load': { who: 'first_run' },
  'demo.decline': { who: 'first_run' },
  'jobs.get': { who: 'first_run', records: 'own' },
  'jobs.cancel': { who: 'first_run', records: 'own' },

  'staff.list': read,
  'staff.create': settings,
  'staff.update': { who: 'signed_in', records: 'self' },
  'staff.setPassword': { who: 'admin' },

  'accounts.list': { who: 'signed_in', records: 'registry' },
  'accounts.get': { who: 'signed_in', records: 'registry' },
  'accounts.checkDuplicates': { who: 'signed_in', records: 'registry' },
  'accounts.lookup': { who: 'signed_in', records: 'registry' },
  'accounts.history': { who: 'signed_in', records: 'registry' },
  'accounts.create': { who: 'sales' },
  'accounts.update': writeTeam,
  'accounts.delete': writeTeam,
  'accounts.confirmOrgNature': writeTeam,
  // The owner, a manager or an admin (staff administration) names the account's team.
  'accounts.setTeam': { who: 'signed_in', records: 'team' },

  'contacts.list': readTeam,
  'contacts.getPersonal': readTeam,
  'contacts.create': writeTeam,
  'contacts.update': writeTeam,
  'contacts.delete': writeTeam,
  'contacts.setPersonal': writeTeam,

  'prefs.get': readOwn,
  'prefs.set': readOwn,

  'exports.accounts': { who: 'signed_in', records: 'registry' },
  'exports.contacts': readTeam,
  'exports.grid': readTeam,
  // The rows come from the caller's own page, which already showed them.
  'exports.table': read,
  'exports.result': readOwn,
  'exports.deliver': readOwn,
  'exports.filingReport': readTeam,
  'exports.claimDossier': readTeam,

  'imports.choose': read,
  'imports.inspect': readOwn,
  'imports.inspection': readOwn,
  'imports.run': { who: 'sales', records: 'own' },
  'imports.summary': readOwn,
  'imports.report': readOwn,
  'imports.rejects': readOwn,
  'imports.mappings': read,
  'imports.saveMapping': read,
  'imports.deleteMapping': read,

  'opportunities.list': readTeam,
  'opportunities.board': readTeam,
  'opportunities.get': readTeam,
  'opportunities.history': readTeam,
  'opportunities.competitorBrands': readTeam,
  'opportunities.create': writeTeam,
  'opportunities.update': writeTeam,
  'opportunities.move': writeTeam,
  'opportunities.delete': writeTeam,

  'tenders.list': read,
  'tenders.get': read,
  'tenders.lotResults': read,
  'tenders.create': { who: 'sales' },
  'tenders.update': writeTeam,
  'tenders.amend': writeTeam,
  'tenders.recordResults': writeTeam,
  'tenders.close': writeTeam,
  'tenders.delete': writeTeam,

  'contracts.list': readTeam,
  'contracts.listDeliveries': readTeam,
  'contracts.listInvoices': readTeam,
  'contracts.get': readTeam,
  'contracts.nextNumber': read,
  'contracts.draftFromTender': readTeam,
  'contracts.create': writeTeam,
  'contracts.update': writeTeam,
  'contracts.requestApproval': writeTeam,
  'contracts.decideApproval': decision,
  'contracts.pendingApprovals': { who: 'manager' },
  'contracts.finalize': writeTeam,
  'contracts.cancel': writeTeam,
  'contracts.allocate': writeTeam,
  'contracts.removeAllocation': writeTeam,
  'contracts.deliver': writeTeam,
  'contracts.removeDelivery': writeTeam,
  'contracts.registerVehicle': writeTeam,
  'contracts.invoice': writeTeam,
  'contracts.removeInvoice': writeTeam,
  'contracts.addDeliveries': writeTeam,
  'contracts.addInvoices': writeTeam,
  'followUps.list': readTeam,
  'followUps.complete': writeTeam,

  'activities.list': readTeam,
  'activities.get': readTeam,
  'activities.create': writeTeam,
  'activities.update': writeTeam,
  'activities.delete': writeTeam,
  'activities.completeNextStep': writeTeam,
  'kpi.targets': read,
  'kpi.setTargets': { who: 'manager' },
  'kpi.period': readTeam,
  'value.pareto': readTeam,
  'value.account': readTeam,
  'value.scorecard': readTeam,
  'value.forecast': readTeam,
  'value.drift': readOwn,
  'value.settings': read,
  'value.setSettings': { who: 'manager' },
  // Specialists see their teams' figures, managers the store's (electron/reads/scope.ts).
  'dashboards.pipeline': readTeam,
  'dashboards.pipelineFlow': readTeam,
  'dashboards.winLoss': readTeam,
  'dashboards.kpi': readTeam,
  'dashboards.claims': readTeam,
  'myDay.get': readTeam,
  'calendar.list': readTeam,
  'reminders.due': readOwn,
  'reminders.dismiss': readOwn,

  'settings.sales': read,
  'settings.setSales': settings,
  'settings.filing': read,
  'settings.setFiling': settings,
  'settings.dealer': read,
  'settings.setDealer': settings,
  'settings.contractNumbering': read,
  'settings.setContractNumbering': settings,
  'prices.list': read,
  'prices.save': settings,
  'prices.delete': settings,

  'claims.list': readTeam,
  'claims.get': readTeam,
  'claims.dossier': readTeam,
  'claims.create': writeTeam,
  'claims.update': writeTeam,
  'claims.delete': writeTeam,
  'claims.file': writeTeam,
  'claims.recordExternal': writeTeam,
  'claims.recordReply': writeTeam,
  'claims.recordWish': writeTeam,
  'claims.renew': writeTeam,
  'claims.release': writeTeam,
  'claims.requestAuthorisation': writeTeam,
  'claims.answerAuthorisation': decision,
  'claims.settleOverlap': decision,

  'documents.open': readTeam,
  'documents.choose': read,
  'documents.attach': writeTeam,
  'documents.remove': writeTeam,

  'filings.list': readTeam,
  'filings.get': readTeam,
  'filings.create': writeTeam,
  'filings.update': writeTeam,
  'filings.delete': writeTeam,
  'filings.submit': writeTeam,
  'filings.withdraw': writeTeam,
  'filings.override': decision,
  'filings.recordVerdict': writeTeam,
  'filings.recordPayment': writeTeam,
  'filings.history': readTeam,
  // Specialists sum their teams' accounts' filings; managers and admins the store's.
  'filings.incentiveTotals': readTeam,

  'reports.templates': read,
  'reports.inspectTemplate': read,
  'reports.saveTemplate': settings,
  'reports.deleteTemplate': settings,

  'payments.list': readTeam,
  'payments.ofContract': readTeam,
  'payments.receivables': readTeam,
  'payments.collection': readTeam,
  'payments.record': writeTeam,
  'payments.update': writeTeam,
  'payments.delete': writeTeam,

  'audit.verify': settings,
  'backups.list': settings,
  'backups.create': settings,
  'backups.restore': settings,
  'backups.exportAll': settings,

  'reviews.record': writeTeam,
  'reviews.ofAccount': readTeam,
  // The caller's own accounts not reviewed this week.
  'reviews.due': readOwn,
};

/** Whether a role belongs to an audience (`open` and `first_run` are decided with the session). */
export function roleAllowed(who: Audience, role: StaffRole): boolean {
  switch (who) {
    case 'open':
    case 'first_run':
    case 'signed_in':
      return true;
    case 'sales':
      return role === 'specialist' || role === 'manager';
    case 'manager':
      return role === 'manager';
    case 'manager_or_admin':
      return role === 'manager' || role === 'admin';
    case 'admin':
      return role === 'admin';
  }
}

/** The kind of FORBIDDEN a role gets for an audience, for the words the UI shows. */
export function refusalKind(who: Audience, role: StaffRole): 'admin_read_only' | 'role' {
  return role === 'admin' && (who === 'sales' || who === 'manager') ? 'admin_read_only' : 'role';
}
