/** The payments.* methods of the API contract (served from electron/payments/): 回款 and receivables. */
import { z } from 'zod';
import {
  collectionQuery,
  collectionReport,
  contractPayments,
  paymentDelete,
  paymentInput,
  paymentListQuery,
  paymentPage,
  paymentUpdate,
  receivablesPage,
  receivablesQuery,
} from '../schemas/payments';
import { refId } from '../schemas/references';
import { method } from './method';

export const paymentsMethods = {
  'payments.list': method(
    paymentListQuery,
    paymentPage,
    'The payments grid: paged, sorted and filtered in the database; your teams’ accounts, or all for managers.',
  ),
  'payments.ofContract': method(
    z.object({ contractId: refId('contracts') }),
    contractPayments,
    'A contract’s payments, invoices with what is paid (FIFO), balances and days outstanding.',
  ),
  'payments.record': method(
    paymentInput,
    contractPayments,
    'Record a payment received against a final contract (optionally one of its invoices).',
  ),
  'payments.update': method(paymentUpdate, contractPayments, 'Edit a payment (row version).'),
  'payments.delete': method(paymentDelete, contractPayments, 'Delete a payment (row version).'),
  'payments.receivables': method(
    receivablesQuery,
    receivablesPage,
    'Receivables by contract or account, past due first: balances, days outstanding, collection rate.',
  ),
  'payments.collection': method(
    collectionQuery,
    collectionReport,
    'Collection rate (received ÷ invoiced) per specialist and month, quarter or year.',
  ),
} as const;
