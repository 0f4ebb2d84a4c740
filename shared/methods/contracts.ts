/** The contracts.* methods of the API contract (served from electron/contracts/). */
import { z } from 'zod';
import { empty, id } from '../schemas/common';
import { contractDraft, nextContractNumber } from '../schemas/contract-numbering';
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
  invoiceInput,
  registrationInput,
} from '../schemas/contracts';
import {
  bulkDeliveryInput,
  bulkDeliveryResult,
  bulkInvoiceInput,
  bulkInvoiceResult,
} from '../schemas/bulk-deliveries';
import {
  deliveryListQuery,
  deliveryPage,
  invoiceListQuery,
  invoicePage,
} from '../schemas/contract-records';
import { method, byId } from './method';

export const contractsMethods = {
  'contracts.list': method(contractListQuery, contractPage, 'One page of contracts.'),
  'contracts.listDeliveries': method(
    deliveryListQuery,
    deliveryPage,
    'One page of the delivered vehicles of all contracts (交车).',
  ),
  'contracts.listInvoices': method(
    invoiceListQuery,
    invoicePage,
    'One page of the invoices of all contracts (发票).',
  ),
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
} as const;
