/**
 * Serves payments.*: who may read (the contract's account team, managers and admins) and write
 * (the team or a manager) is checked here, then one workflow or read runs.
 */
import { requireContractRead, requireContractTeam } from '../contracts/contract-team';
import { teamScope } from '../accounts/account-team';
import type { Deps } from '../app/deps';
import type { Staff } from '../../shared/schemas/staff';
import type { Session } from '../session/session';
import type { Handlers } from '../transport/dispatch';
import { contractPayments } from './contract-payments';
import { collectionReport, listReceivables } from './receivables';
import { deletePayment, recordPayment, updatePayment } from './recording';
import { contractIdOfPayment, listPayments } from './repository';

type PaymentHandlers = Pick<
  Handlers,
  | 'payments.list'
  | 'payments.ofContract'
  | 'payments.record'
  | 'payments.update'
  | 'payments.delete'
  | 'payments.receivables'
  | 'payments.collection'
>;

export function paymentHandlers({ db, clock }: Deps): PaymentHandlers {
  /** The signed-in user, once they may change payment `id`'s contract (its account's team). */
  const paymentWriter = async (session: Session, id: number): Promise<Staff> => {
    const user = session.requireUser();
    const contractId = await contractIdOfPayment(db, id);
    await requireContractTeam(db, user, { contract: contractId ?? 0 });
    return user;
  };
  return {
    'payments.list': (q, { session }) =>
      listPayments(db, { ...q, teamOf: teamScope(session.requireUser()) }),
    'payments.ofContract': async ({ contractId }, { session }) => {
      await requireContractRead(db, session.requireUser(), { contract: contractId });
      return contractPayments(db, clock, contractId);
    },
    'payments.record': async (input, { session }) => {
      const user = session.requireUser();
      await requireContractTeam(db, user, { contract: input.contractId });
      return recordPayment(db, clock, user.id, input);
    },
    'payments.update': async ({ id, payment, version }, { session }) =>
      updatePayment(db, clock, (await paymentWriter(session, id)).id, id, payment, version),
    'payments.delete': async ({ id, version }, { session }) =>
      deletePayment(db, clock, (await paymentWriter(session, id)).id, id, version),
    'payments.receivables': (q, { session }) =>
      listReceivables(db, clock, { ...q, teamOf: teamScope(session.requireUser()) }),
    'payments.collection': (q, { session }) =>
      collectionReport(db, { ...q, teamOf: teamScope(session.requireUser()) }),
  };
}
