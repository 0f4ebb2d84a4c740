/**
 * Which API methods change what: every method of the contract is listed, so a new method cannot
 * be added without saying whether (and what) it publishes. `null`: a read, or a change only the
 * caller sees (their preferences, their dismissed reminders, a sign-in).
 */
import type { MethodName, Output, ParsedInput } from '../../shared/api';
import type { Approval, ContractDetail } from '../../shared/schemas/contracts';
import type { ChangeKind, LiveTopic } from '../../shared/schemas/live-events';

interface ApprovalChange {
  approvalId: number;
  contractId: number;
  requesterId: number | null;
  decision: Approval['state'];
}

export interface WriteRule<M extends MethodName> {
  topic: LiveTopic;
  kind: ChangeKind;
  /** The changed record; default: the answer's `id`, else the input's `id`. */
  record?: (input: ParsedInput<M>, output: Output<M>) => number | null;
  /** False when the call wrote nothing (a bulk check that found problems). */
  wrote?: (output: Output<M>) => boolean;
  /** A price approval asked for or decided by this call: published as its own event. */
  approval?: (input: ParsedInput<M>, output: Output<M>) => ApprovalChange | null;
}

type WriteRules = { [M in MethodName]: WriteRule<M> | null };

const created = (topic: LiveTopic) => ({ topic, kind: 'created' as const });
const updated = (topic: LiveTopic) => ({ topic, kind: 'updated' as const });
const deleted = (topic: LiveTopic) => ({ topic, kind: 'deleted' as const });
/** Store-wide settings: one record, no id. */
const setting = { topic: 'settings' as const, kind: 'updated' as const, record: () => null };

function approvalIn(
  contract: ContractDetail,
  pick: (a: Approval) => boolean,
): ApprovalChange | null {
  const found = contract.approvals.find(pick);
  return found
    ? {
        approvalId: found.id,
        contractId: contract.id,
        requesterId: found.requestedBy?.id ?? null,
        decision: found.state,
      }
    : null;
}

export const WRITE_RULES: WriteRules = {
  'app.info': null,
  'auth.current': null,
  'auth.signIn': null,
  'auth.signOut': null,
  'auth.changePassword': updated('staff'),
  'auth.pick': null,
  'auth.pickList': null,
  'auth.setUp': created('staff'),
  'staff.list': null,
  'staff.create': created('staff'),
  'staff.update': updated('staff'),
  'staff.setPassword': updated('staff'),

  'accounts.list': null,
  'accounts.get': null,
  'accounts.create': created('accounts'),
  'accounts.update': updated('accounts'),
  'accounts.delete': deleted('accounts'),
  'accounts.confirmOrgNature': updated('accounts'),
  'accounts.setTeam': updated('accounts'),
  'accounts.checkDuplicates': null,
  'accounts.lookup': null,
  'accounts.history': null,

  'contacts.list': null,
  'contacts.create': created('contacts'),
  'contacts.update': updated('contacts'),
  'contacts.delete': deleted('contacts'),
  'contacts.getPersonal': null,
  'contacts.setPersonal': { ...updated('contacts'), record: (input) => input.contactId },

  'prefs.get': null,
  'prefs.set': null,
  // Its rows arrive when the job ends (see job-events.ts).
  'demo.load': null,
  'demo.decline': null,

  'exports.accounts': null,
  'exports.contacts': null,
  'exports.grid': null,
  'exports.table': null,
  'exports.result': null,
  'exports.deliver': null,
  'imports.choose': null,
  'imports.inspect': null,
  'imports.inspection': null,
  'imports.run': null,
  'imports.summary': null,
  'imports.report': null,
  'imports.rejects': null,
  'imports.mappings': null,
  'imports.saveMapping': updated('mappings'),
  'imports.deleteMapping': deleted('mappings'),

  'opportunities.list': null,
  'opportunities.board': null,
  'opportunities.get': null,
  'opportunities.create': created('opportunities'),
  'opportunities.update': updated('opportunities'),
  'opportunities.move': updated('opportunities'),
  'opportunities.delete': deleted('opportunities'),
  'opportunities.history': null,
  'opportunities.competitorBrands': null,

  'tenders.list': null,
  'tenders.get': null,
  'tenders.create': created('tenders'),
  'tenders.update': updated('tenders'),
  'tenders.amend': updated('tenders'),
  'tenders.recordResults': updated('tenders'),
  'tenders.close': updated('tenders'),
  'tenders.delete': deleted('tenders'),
  'tenders.lotResults': null,

  'contracts.list': null,
  'contracts.listDeliveries': null,
  'contracts.listInvoices': null,
  'contracts.get': null,
  'contracts.create': created('contracts'),
  'contracts.update': updated('contracts'),
  'contracts.nextNumber': null,
  'contracts.draftFromTender': null,
  'settings.contractNumbering': null,
  'settings.setContractNumbering': setting,
  'contracts.requestApproval': {
    ...updated('contracts'),
    approval: (_input, contract) => approvalIn(contract, (a) => a.state === 'pending'),
  },
  'contracts.decideApproval': {
    ...updated('contracts'),
    approval: (input, contract) => approvalIn(contract, (a) => a.id === input.approvalId),
  },
  'contracts.pendingApprovals': null,
  'contracts.finalize': updated('contracts'),
  'contracts.cancel': updated('contracts'),
  'contracts.allocate': updated('contracts'),
  'contracts.removeAllocation': updated('contracts'),
  'contracts.deliver': updated('contracts'),
  'contracts.removeDelivery': updated('contracts'),
  'contracts.registerVehicle': updated('contracts'),
  'contracts.invoice': updated('contracts'),
  'contracts.removeInvoice': updated('contracts'),
  'contracts.addDeliveries': {
    ...updated('contracts'),
    record: (input) => input.contractId,
    wrote: (output) => output.saved,
  },
  'contracts.addInvoices': {
    ...updated('contracts'),
    record: (input) => input.contractId,
    wrote: (output) => output.saved,
  },
  'followUps.list': null,
  'followUps.complete': { ...updated('contracts'), record: (_input, output) => output.contractId },

  'activities.list': null,
  'activities.get': null,
  'activities.create': created('activities'),
  'activities.update': updated('activities'),
  'activities.delete': deleted('activities'),
  'activities.completeNextStep': updated('activities'),

  'kpi.targets': null,
  'kpi.setTargets': { ...updated('kpi'), record: () => null },
  'kpi.period': null,
  'value.pareto': null,
  'value.account': null,
  'value.scorecard': null,
  'value.forecast': null,
  'value.drift': null,
  'value.settings': null,
  'value.setSettings': setting,
  'dashboards.pipeline': null,
  'dashboards.pipelineFlow': null,
  'dashboards.winLoss': null,
  'dashboards.kpi': null,
  'dashboards.claims': null,
  'myDay.get': null,
  'calendar.list': null,
  'reminders.due': null,
  'reminders.dismiss': null,

  'settings.sales': null,
  'settings.setSales': setting,
  'prices.list': null,
  'prices.save': updated('prices'),
  'prices.delete': deleted('prices'),

  'claims.list': null,
  'claims.get': null,
  'claims.create': created('claims'),
  'claims.update': updated('claims'),
  'claims.delete': deleted('claims'),
  'claims.file': updated('claims'),
  'claims.recordExternal': created('claims'),
  'claims.recordReply': updated('claims'),
  'claims.recordWish': updated('claims'),
  'claims.renew': updated('claims'),
  'claims.release': updated('claims'),
  'claims.requestAuthorisation': updated('claims'),
  'claims.answerAuthorisation': updated('claims'),
  'claims.settleOverlap': updated('claims'),
  'claims.dossier': null,

  'documents.attach': created('documents'),
  'documents.remove': deleted('documents'),
  'documents.open': null,
  'documents.choose': null,

  'filings.list': null,
  'filings.get': null,
  'filings.create': created('filings'),
  'filings.update': updated('filings'),
  'filings.delete': deleted('filings'),
  'filings.override': updated('filings'),
  'filings.submit': updated('filings'),
  'filings.withdraw': updated('filings'),
  'filings.recordVerdict': updated('filings'),
  'filings.recordPayment': updated('filings'),
  'filings.history': null,
  'filings.incentiveTotals': null,

  'reports.templates': null,
  'reports.inspectTemplate': null,
  'reports.saveTemplate': updated('templates'),
  'reports.deleteTemplate': deleted('templates'),
  'exports.filingReport': null,
  'exports.claimDossier': null,

  'settings.filing': null,
  'settings.setFiling': setting,
  'settings.dealer': null,
  'settings.setDealer': setting,

  // A payment changes its contract's receivable: published as a change of the contract.
  'payments.list': null,
  'payments.ofContract': null,
  'payments.receivables': null,
  'payments.collection': null,
  'payments.record': { ...updated('contracts'), record: (_input, output) => output.contractId },
  'payments.update': { ...updated('contracts'), record: (_input, output) => output.contractId },
  'payments.delete': { ...updated('contracts'), record: (_input, output) => output.contractId },

  'jobs.get': null,
  'jobs.cancel': null,
  'audit.verify': null,
  'backups.list': null,
  'backups.create': null,
  'backups.restore': null,
  'backups.exportAll': null,
  // A review shows on the card its team and managers may have open.
  'reviews.record': { ...updated('accounts'), record: (input) => input.accountId },
  'reviews.ofAccount': null,
  'reviews.due': null,
};

/** The record a call changed, by the rule or by the usual `id` of its answer or input. */
export function recordOf<M extends MethodName>(
  rule: WriteRule<M>,
  input: ParsedInput<M>,
  output: Output<M> | undefined,
): number | null {
  if (rule.record && output !== undefined) return rule.record(input, output);
  return numericId(output) ?? numericId(input);
}

function numericId(value: unknown): number | null {
  if (typeof value !== 'object' || value === null || !('id' in value)) return null;
  return typeof value.id === 'number' ? value.id : null;
}
