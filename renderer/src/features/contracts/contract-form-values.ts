/** Between the contract form's values, the API's ContractInput, and server field paths. */
import type { Input } from '../../../../shared/api';
import type { ContractKind } from '../../../../shared/sales-enums';
import type { ContractDraft } from '../../../../shared/schemas/contract-numbering';
import type { ContractDetail } from '../../../../shared/schemas/contracts';

export interface LineValues {
  /** Kept when editing, so the line's deliveries and allocations stay with it. */
  id?: number;
  priceId: number | null;
  quantity: number | null;
  unitPriceFen: number | null;
}

export interface ContractFormValues {
  number: string;
  kind: ContractKind;
  accountId: number | null;
  partyName: string;
  opportunityId: number | null;
  tenderId: number | null;
  signedOn: string | null;
  deliveryDueOn: string | null;
  lines: LineValues[];
  notes: string;
}

export const emptyLine = (): LineValues => ({ priceId: null, quantity: 1, unitPriceFen: null });

export function emptyValues(): ContractFormValues {
  return {
    number: '',
    kind: 'standard',
    accountId: null,
    partyName: '',
    opportunityId: null,
    tenderId: null,
    signedOn: null,
    deliveryDueOn: null,
    lines: [emptyLine()],
    notes: '',
  };
}

export function valuesOf(d: ContractDetail): ContractFormValues {
  return {
    number: d.number,
    kind: d.kind,
    accountId: d.accountId,
    partyName: d.partyName,
    opportunityId: d.opportunity?.id ?? null,
    tenderId: d.tender?.id ?? null,
    signedOn: d.signedOn,
    deliveryDueOn: d.deliveryDueOn,
    lines: d.lines.map((l) => ({
      id: l.id,
      priceId: l.priceId,
      quantity: l.quantity,
      unitPriceFen: l.unitPriceFen,
    })),
    notes: d.notes ?? '',
  };
}

/** A contract prefilled from a won tender: one line per won lot at its awarded unit price. */
export function draftValues(d: ContractDraft): ContractFormValues {
  return {
    ...emptyValues(),
    number: d.number,
    accountId: d.accountId,
    partyName: d.partyName,
    opportunityId: d.opportunity?.id ?? null,
    tenderId: d.tender.id,
    lines: d.lines.map((l) => ({
      priceId: l.priceId,
      quantity: l.quantity,
      unitPriceFen: l.unitPriceFen,
    })),
  };
}

/** The total of the lines as they stand in the form (blank quantities and prices count 0). */
export function linesTotal(lines: readonly (LineValues | undefined)[]): number {
  return lines.reduce((n, l) => n + (l?.quantity ?? 0) * (l?.unitPriceFen ?? 0), 0);
}

/** Validated values as the API takes them (the form's rules have ruled the nulls out). */
export function inputOf(v: ContractFormValues, accountId: number): Input<'contracts.create'> {
  return {
    number: v.number.trim(),
    kind: v.kind,
    accountId,
    partyName: v.partyName.trim(),
    opportunityId: v.opportunityId ?? null,
    tenderId: v.tenderId ?? null,
    signedOn: v.signedOn ?? null,
    deliveryDueOn: v.deliveryDueOn ?? null,
    lines: v.lines.map((l) => ({
      ...(l.id !== undefined ? { id: l.id } : {}),
      priceId: l.priceId ?? 0,
      quantity: l.quantity ?? 0,
      unitPriceFen: l.unitPriceFen ?? 0,
    })),
    notes: v.notes,
  };
}

const TOP_FIELDS = new Set([
  'number',
  'kind',
  'accountId',
  'partyName',
  'opportunityId',
  'tenderId',
  'signedOn',
  'deliveryDueOn',
  'notes',
]);
const LINE_FIELDS = new Set(['priceId', 'quantity', 'unitPriceFen']);

/** `contract.lines.0.unitPriceFen` (update) or `lines.0.unitPriceFen` (create) → a form field. */
export function formPathOf(path: string): (string | number)[] | null {
  const parts = path.replace(/^contract\./, '').split('.');
  const [head, index, field] = parts;
  if (parts.length === 1 && head && TOP_FIELDS.has(head)) return [head];
  if (head === 'lines' && index && /^\d+$/.test(index) && field && LINE_FIELDS.has(field))
    return ['lines', Number(index), field];
  return null;
}
