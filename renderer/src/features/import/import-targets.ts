/**
 * What differs between importing accounts and importing contacts, in one table: the header
 * synonyms, the fields offered, the vocabularies changes are labelled with, what must be mapped,
 * and the words that name what is written.
 */
import {
  ACCOUNT_VOCABULARIES,
  ATTITUDES,
  CONTACT_LEVELS,
  type Label,
  PURCHASE_ROLES,
} from '../../../../shared/enums';
import { ACCOUNT_HEADER_SYNONYMS } from '../../../../shared/import/account-fields';
import { CONTACT_HEADER_SYNONYMS } from '../../../../shared/import/contact-fields';
import { PAYMENT_HEADER_SYNONYMS } from '../../../../shared/import/payment-fields';
import { PRICE_HEADER_SYNONYMS } from '../../../../shared/import/price-fields';
import { PAYMENT_METHODS } from '../../../../shared/schemas/payments';
import { TENDER_HEADER_SYNONYMS } from '../../../../shared/import/tender-fields';
import { LOT_RESULTS, PROCUREMENT_METHODS } from '../../../../shared/sales-enums';
import { matchHeader } from '../../../../shared/import/headers';
import {
  IMPORT_FIELDS,
  type ImportField,
  type ImportTarget,
} from '../../../../shared/schemas/imports';
import type { MessageKey } from '../../i18n/messages-zh';

export interface TargetSpec {
  fields: readonly ImportField[];
  /** The field a header names, by this target's synonyms (shared/import/*-fields). */
  matchHeader: (header: string) => ImportField | null;
  /** Fields whose values a report's changes carry as codes (government, decision …). */
  vocabularies: Partial<Record<ImportField, Record<string, Label>>>;
  /** Each entry is satisfied by any one of its fields; the message says what to map. */
  required: readonly { anyOf: readonly ImportField[]; message: MessageKey }[];
  /** The choice in the first step (客户 / 联系人), the wizard's title and what the choice means. */
  label: MessageKey;
  title: MessageKey;
  hint: MessageKey;
  /** "将新建 {create} 个客户、更新 {update} 个客户" and the like. */
  willWrite: MessageKey;
  wrote: MessageKey;
  /** The report's column for the row's subject (the account, or the contact). */
  subject: MessageKey;
}

export const TARGETS: Record<ImportTarget, TargetSpec> = {
  accounts: {
    fields: IMPORT_FIELDS.accounts,
    matchHeader: (header) => matchHeader(header, ACCOUNT_HEADER_SYNONYMS),
    vocabularies: ACCOUNT_VOCABULARIES,
    required: [{ anyOf: ['name'], message: 'import.needName' }],
    label: 'import.targetAccounts',
    title: 'import.title',
    hint: 'import.targetAccountsHint',
    willWrite: 'import.willWrite',
    wrote: 'import.commitDoneDetail',
    subject: 'import.reportAccount',
  },
  contacts: {
    fields: IMPORT_FIELDS.contacts,
    matchHeader: (header) => matchHeader(header, CONTACT_HEADER_SYNONYMS),
    vocabularies: { level: CONTACT_LEVELS, purchaseRole: PURCHASE_ROLES, attitude: ATTITUDES },
    required: [
      { anyOf: ['contactName'], message: 'import.needContactName' },
      // The account is found by its name or its USCC; either column will do.
      { anyOf: ['account', 'accountUscc'], message: 'import.needAccount' },
    ],
    label: 'import.targetContacts',
    title: 'import.titleContacts',
    hint: 'import.targetContactsHint',
    willWrite: 'import.willWriteContacts',
    wrote: 'import.commitDoneDetailContacts',
    subject: 'import.reportContact',
  },
  tenders: {
    fields: IMPORT_FIELDS.tenders,
    matchHeader: (header) => matchHeader(header, TENDER_HEADER_SYNONYMS),
    vocabularies: { method: PROCUREMENT_METHODS, result: LOT_RESULTS },
    required: [{ anyOf: ['projectNo'], message: 'import.needProjectNo' }],
    label: 'import.targetTenders',
    title: 'import.titleTenders',
    hint: 'import.targetTendersHint',
    willWrite: 'import.willWriteTenders',
    wrote: 'import.commitDoneDetailTenders',
    subject: 'import.reportTender',
  },
  prices: {
    fields: IMPORT_FIELDS.prices,
    matchHeader: (header) => matchHeader(header, PRICE_HEADER_SYNONYMS),
    vocabularies: {},
    required: [
      { anyOf: ['model'], message: 'import.needModel' },
      { anyOf: ['retailPrice'], message: 'import.needRetail' },
      { anyOf: ['floorPrice'], message: 'import.needFloor' },
    ],
    label: 'import.targetPrices',
    title: 'import.titlePrices',
    hint: 'import.targetPricesHint',
    willWrite: 'import.willWritePrices',
    wrote: 'import.commitDoneDetailPrices',
    subject: 'import.reportPrice',
  },
  payments: {
    fields: IMPORT_FIELDS.payments,
    matchHeader: (header) => matchHeader(header, PAYMENT_HEADER_SYNONYMS),
    vocabularies: { paymentMethod: PAYMENT_METHODS },
    required: [
      { anyOf: ['receivedOn'], message: 'import.needReceivedOn' },
      { anyOf: ['paymentAmount'], message: 'import.needPaymentAmount' },
      // A payment is matched by its contract's number or its invoice's.
      { anyOf: ['contractNo', 'invoiceNo'], message: 'import.needContractOrInvoice' },
    ],
    label: 'import.targetPayments',
    title: 'import.titlePayments',
    hint: 'import.targetPaymentsHint',
    willWrite: 'import.willWritePayments',
    wrote: 'import.commitDoneDetailPayments',
    subject: 'import.reportPayment',
  },
};

/** The first thing the mapping still lacks for this target, or null when it can be run. */
export function missingRequired(
  target: ImportTarget,
  mapped: readonly (ImportField | null)[],
): MessageKey | null {
  const fields = new Set(mapped);
  return TARGETS[target].required.find((r) => !r.anyOf.some((f) => fields.has(f)))?.message ?? null;
}
