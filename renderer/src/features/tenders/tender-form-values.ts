/** Conversions between the tender form's values, a TenderDetail and the API's tender input. */
import type { Input } from '../../../../shared/api';
import type { ProcurementMethod } from '../../../../shared/sales-enums';
import type { TenderDetail } from '../../../../shared/schemas/tenders';

export interface LotValues {
  /** Kept for an existing lot, so its bid and result stay with it. */
  id?: number;
  lotNo: string;
  name: string;
  requirements: string;
  quantity: number | null;
  budgetFen: number | null;
  bidAmountFen: number | null;
  bidModel: string;
}

export interface TenderFormValues {
  projectNo: string;
  name: string;
  method: ProcurementMethod | undefined;
  purchaserId: number | null;
  agency: string;
  budgetFen: number | null;
  announcementUrl: string;
  opportunityId: number | null;
  ownerId: number | null;
  intentionOn: string | null;
  announcedOn: string | null;
  docSaleStartOn: string | null;
  docSaleEndOn: string | null;
  bidDeadlineAt: string | null;
  openingAt: string | null;
  openingPlace: string;
  bondFen: number | null;
  bondPaidOn: string | null;
  bondRefundDueOn: string | null;
  bondRefundedOn: string | null;
  lots: LotValues[];
  notes: string;
}

export type TenderInputValue = Input<'tenders.create'>;

export const emptyLot = (lotNo: string): LotValues => ({
  lotNo,
  name: '',
  requirements: '',
  quantity: null,
  budgetFen: null,
  bidAmountFen: null,
  bidModel: '',
});

export function emptyValues(ownerId: number): TenderFormValues {
  return {
    projectNo: '',
    name: '',
    method: 'open_tender',
    purchaserId: null,
    agency: '',
    budgetFen: null,
    announcementUrl: '',
    opportunityId: null,
    ownerId,
    intentionOn: null,
    announcedOn: null,
    docSaleStartOn: null,
    docSaleEndOn: null,
    bidDeadlineAt: null,
    openingAt: null,
    openingPlace: '',
    bondFen: null,
    bondPaidOn: null,
    bondRefundDueOn: null,
    bondRefundedOn: null,
    lots: [emptyLot('1')],
    notes: '',
  };
}

export function valuesOf(d: TenderDetail): TenderFormValues {
  return {
    projectNo: d.projectNo,
    name: d.name,
    method: d.method,
    purchaserId: d.purchaserId,
    agency: d.agency ?? '',
    budgetFen: d.budgetFen,
    announcementUrl: d.announcementUrl ?? '',
    opportunityId: d.opportunityId,
    ownerId: d.ownerId,
    intentionOn: d.intentionOn,
    announcedOn: d.announcedOn,
    docSaleStartOn: d.docSaleStartOn,
    docSaleEndOn: d.docSaleEndOn,
    bidDeadlineAt: d.bidDeadlineAt,
    openingAt: d.openingAt,
    openingPlace: d.openingPlace ?? '',
    bondFen: d.bondFen,
    bondPaidOn: d.bondPaidOn,
    bondRefundDueOn: d.bondRefundDueOn,
    bondRefundedOn: d.bondRefundedOn,
    lots: d.lots.map((l) => ({
      id: l.id,
      lotNo: l.lotNo,
      name: l.name ?? '',
      requirements: l.requirements ?? '',
      quantity: l.quantity,
      budgetFen: l.budgetFen,
      bidAmountFen: l.bidAmountFen,
      bidModel: l.bidModel ?? '',
    })),
    notes: d.notes ?? '',
  };
}

const blankToNull = (s: string | undefined | null) => (s && s.trim() ? s.trim() : null);

/** Validated form values (method and purchaser present) to the API's tender input. */
export function inputOf(
  v: TenderFormValues,
  method: ProcurementMethod,
  purchaserId: number,
): TenderInputValue {
  return {
    projectNo: v.projectNo.trim(),
    name: v.name.trim(),
    method,
    purchaserId,
    agency: blankToNull(v.agency),
    budgetFen: v.budgetFen ?? null,
    announcementUrl: blankToNull(v.announcementUrl),
    opportunityId: v.opportunityId ?? null,
    ownerId: v.ownerId ?? null,
    intentionOn: v.intentionOn ?? null,
    announcedOn: v.announcedOn ?? null,
    docSaleStartOn: v.docSaleStartOn ?? null,
    docSaleEndOn: v.docSaleEndOn ?? null,
    bidDeadlineAt: v.bidDeadlineAt ?? null,
    openingAt: v.openingAt ?? null,
    openingPlace: blankToNull(v.openingPlace),
    bondFen: v.bondFen ?? null,
    bondPaidOn: v.bondPaidOn ?? null,
    bondRefundDueOn: v.bondRefundDueOn ?? null,
    bondRefundedOn: v.bondRefundedOn ?? null,
    lots: (v.lots ?? []).map((l) => ({
      ...(l.id !== undefined ? { id: l.id } : {}),
      lotNo: l.lotNo.trim(),
      name: blankToNull(l.name),
      requirements: blankToNull(l.requirements),
      quantity: l.quantity ?? 0,
      budgetFen: l.budgetFen ?? null,
      bidAmountFen: l.bidAmountFen ?? null,
      bidModel: blankToNull(l.bidModel),
    })),
    notes: blankToNull(v.notes),
  };
}

const FORM_FIELDS = new Set<string>(Object.keys(emptyValues(0)));

/**
 * A server issue path (`projectNo`, `tender.lots.1.quantity`) as a form field name, or null
 * when no single field of the form shows it.
 */
export function formPathOf(serverPath: string): (string | number)[] | null {
  const parts = serverPath.split('.');
  if (parts[0] === 'tender') parts.shift();
  const [head] = parts;
  if (!head || !FORM_FIELDS.has(head)) return null;
  // "lots" alone (two lots with one number) is about the list, not one field.
  if (head === 'lots' && parts.length < 3) return null;
  return parts.map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}
