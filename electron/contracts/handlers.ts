import type { Deps } from '../app/deps';
import type { Handlers } from '../transport/dispatch';
import { addDeliveries, addInvoices } from './bulk-deliveries';
import { completeFollowUp, listFollowUps } from './follow-ups';
import { listContracts } from './repository';
import {
  addInvoice,
  allocate,
  cancelContract,
  createContract,
  decideApproval,
  deliver,
  finalizeContract,
  mustGetContract,
  removeAllocation,
  registerVehicle,
  removeDelivery,
  removeInvoice,
  requestApproval,
  updateContract,
} from './service';

type ContractHandlers = Pick<
  Handlers,
  | 'contracts.list'
  | 'contracts.get'
  | 'contracts.create'
  | 'contracts.update'
  | 'contracts.requestApproval'
  | 'contracts.decideApproval'
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
  | 'followUps.list'
  | 'followUps.complete'
>;

export function contractHandlers({ db }: Deps): ContractHandlers {
  return {
    'contracts.list': (q) => listContracts(db, q),
    'contracts.get': ({ id }) => mustGetContract(db, id),
    'contracts.create': (input, { session }) => createContract(db, session.requireUser().id, input),
    'contracts.update': ({ id, contract, version }, { session }) =>
      updateContract(db, session.requireUser().id, id, contract, version),
    'contracts.requestApproval': ({ contractId, reason }, { session }) =>
      requestApproval(db, session.requireUser().id, contractId, reason),
    'contracts.decideApproval': ({ approvalId, approve, note }, { session }) =>
      decideApproval(db, session.requireManager().id, approvalId, approve, note),
    'contracts.finalize': ({ id }, { session }) =>
      finalizeContract(db, session.requireUser().id, id),
    'contracts.cancel': ({ id, reason }, { session }) =>
      cancelContract(db, session.requireUser().id, id, reason),
    'contracts.allocate': (input, { session }) => allocate(db, session.requireUser().id, input),
    'contracts.removeAllocation': ({ id }, { session }) =>
      removeAllocation(db, session.requireUser().id, id),
    'contracts.deliver': (input, { session }) => deliver(db, session.requireUser().id, input),
    'contracts.registerVehicle': (input, { session }) =>
      registerVehicle(db, session.requireUser().id, input),
    'contracts.removeDelivery': ({ id }, { session }) =>
      removeDelivery(db, session.requireUser().id, id),
    'contracts.invoice': (input, { session }) => addInvoice(db, session.requireUser().id, input),
    'contracts.removeInvoice': ({ id }, { session }) =>
      removeInvoice(db, session.requireUser().id, id),
    'contracts.addDeliveries': (input, { session }) =>
      addDeliveries(db, session.requireUser().id, input),
    'contracts.addInvoices': (input, { session }) =>
      addInvoices(db, session.requireUser().id, input),
    'followUps.list': (q, { session }) => {
      session.requireUser();
      return listFollowUps(db, q);
    },
    'followUps.complete': ({ id, outcome }, { session }) =>
      completeFollowUp(db, session.requireUser().id, id, outcome),
  };
}
