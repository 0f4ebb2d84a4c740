import type { Deps } from '../app/deps';
import type { Staff } from '../../shared/schemas/staff';
import { requireSalesWriter, requireTeam, teamScope } from '../accounts/account-team';
import type { Session } from '../session/session';
import type { Handlers } from '../transport/dispatch';
import { approvalsToDecide } from './approval-lists';
import { type ContractRecordRef, requireContractRead, requireContractTeam } from './contract-team';
import { addDeliveries, addInvoices } from './bulk-deliveries';
import { allocate, removeAllocation } from './allocations';
import { decideApproval, requestApproval } from './approvals';
import { deliver, removeDelivery } from './deliveries';
import { createContract, updateContract } from './drafting';
import { addInvoice, removeInvoice } from './invoices';
import { cancelContract, finalizeContract } from './lifecycle';
import { mustGetContract } from './record';
import { registerVehicle } from './registration';
import { listContracts } from './repository/views';
import { listDeliveries, listInvoices } from './repository/record-views';

type ContractHandlers = Pick<
  Handlers,
  | 'contracts.list'
  | 'contracts.get'
  | 'contracts.create'
  | 'contracts.update'
  | 'contracts.requestApproval'
  | 'contracts.decideApproval'
  | 'contracts.pendingApprovals'
  | 'contracts.finalize'
  | 'contracts.cancel'
  | 'contracts.allocate'
  | 'contracts.removeAllocation'
  | 'contracts.deliver'
  | 'contracts.removeDelivery'
  | 'contracts.registerVehicle'
  | 'contracts.invoice'
  | 'contracts.removeInvoice'
  | 'contracts.addDeliveries'
  | 'contracts.addInvoices'
  | 'contracts.listDeliveries'
  | 'contracts.listInvoices'
>;

export function contractHandlers({ db, clock }: Deps): ContractHandlers {
  /** The signed-in user, once they may change the contract record `ref` (its account's team). */
  const writer = async (session: Session, ref: ContractRecordRef): Promise<Staff> => {
    const user = session.requireUser();
    await requireContractTeam(db, user, ref);
    return user;
  };
  return {
    // Specialists see their teams' accounts' contracts; managers and admins the store's.
    'contracts.list': (q, { session }) =>
      listContracts(db, { ...q, teamOf: teamScope(session.requireUser()) }),
    'contracts.listDeliveries': (q, { session }) =>
      listDeliveries(db, { ...q, teamOf: teamScope(session.requireUser()) }),
    'contracts.listInvoices': (q, { session }) =>
      listInvoices(db, { ...q, teamOf: teamScope(session.requireUser()) }),
    'contracts.get': async ({ id }, { session }) => {
      await requireContractRead(db, session.requireUser(), { contract: id });
      return mustGetContract(db, id);
    },
    'contracts.create': async (input, { session }) => {
      const user = session.requireUser();
      requireSalesWriter(user);
      await requireTeam(db, user, input.accountId);
      return createContract(db, clock, user.id, input);
    },
    'contracts.update': async ({ id, contract, version }, { session }) => {
      const user = await writer(session, { contract: id });
      await requireTeam(db, user, contract.accountId);
      return updateContract(db, clock, user.id, id, contract, version);
    },
    'contracts.requestApproval': async ({ contractId, reason }, { session }) =>
      requestApproval(
        db,
        clock,
        (await writer(session, { contract: contractId })).id,
        contractId,
        reason,
      ),
    'contracts.decideApproval': ({ approvalId, approve, note }, { session }) =>
      decideApproval(db, clock, session.requireManager(), approvalId, approve, note),
    'contracts.pendingApprovals': async (_input, { session }) => ({
      items: await approvalsToDecide(db, session.requireManager().id),
    }),
    'contracts.finalize': async ({ id }, { session }) =>
      finalizeContract(db, clock, (await writer(session, { contract: id })).id, id),
    'contracts.cancel': async ({ id, reason }, { session }) =>
      cancelContract(db, clock, (await writer(session, { contract: id })).id, id, reason),
    'contracts.allocate': async (input, { session }) =>
      allocate(db, clock, (await writer(session, { contract: input.contractId })).id, input),
    'contracts.removeAllocation': async ({ id }, { session }) =>
      removeAllocation(db, clock, (await writer(session, { allocation: id })).id, id),
    'contracts.deliver': async (input, { session }) =>
      deliver(db, clock, (await writer(session, { contract: input.contractId })).id, input),
    'contracts.registerVehicle': async (input, { session }) =>
      registerVehicle(db, clock, (await writer(session, { delivery: input.deliveryId })).id, input),
    'contracts.removeDelivery': async ({ id }, { session }) =>
      removeDelivery(db, clock, (await writer(session, { delivery: id })).id, id),
    'contracts.invoice': async (input, { session }) =>
      addInvoice(db, clock, (await writer(session, { contract: input.contractId })).id, input),
    'contracts.removeInvoice': async ({ id }, { session }) =>
      removeInvoice(db, clock, (await writer(session, { invoice: id })).id, id),
    'contracts.addDeliveries': async (input, { session }) =>
      addDeliveries(db, clock, (await writer(session, { contract: input.contractId })).id, input),
    'contracts.addInvoices': async (input, { session }) =>
      addInvoices(db, clock, (await writer(session, { contract: input.contractId })).id, input),
  };
}
