/** Conversions between the opportunity form's values, an OpportunityDetail and the API's input. */
import type { Input } from '../../../../shared/api';
import type { PurchaseRole, Source } from '../../../../shared/enums';
import type { OpportunityDetail } from '../../../../shared/schemas/opportunities';

export interface LineValues {
  model: string;
  configuration: string;
  quantity: number | null;
  targetUnitPriceFen: number | null;
}

export interface OpportunityFormValues {
  accountId: number | null;
  title: string;
  ownerId: number | null;
  source: Source | null;
  budgetFen: number | null;
  expectedCloseOn: string | null;
  lines: LineValues[];
  contacts: { contactId: number | null; role: PurchaseRole | null }[];
  competitors: { brand: string; model: string; rep: string; customerView: string }[];
  notes: string;
}

export type OpportunityInputValue = Input<'opportunities.create'>;

export const EMPTY_LINE: LineValues = {
  model: '',
  configuration: '',
  quantity: 1,
  targetUnitPriceFen: null,
};

export function emptyValues(ownerId: number, accountId: number | null): OpportunityFormValues {
  return {
    accountId,
    title: '',
    ownerId,
    source: null,
    budgetFen: null,
    expectedCloseOn: null,
    lines: [],
    contacts: [],
    competitors: [],
    notes: '',
  };
}

export function valuesOf(d: OpportunityDetail): OpportunityFormValues {
  return {
    accountId: d.accountId,
    title: d.title,
    ownerId: d.ownerId,
    source: d.source,
    budgetFen: d.budgetFen,
    expectedCloseOn: d.expectedCloseOn,
    lines: d.lines.map((l) => ({
      model: l.model,
      configuration: l.configuration ?? '',
      quantity: l.quantity,
      targetUnitPriceFen: l.targetUnitPriceFen,
    })),
    contacts: d.contacts.map((c) => ({ contactId: c.contactId, role: c.role })),
    competitors: d.competitors.map((c) => ({
      brand: c.brand,
      model: c.model ?? '',
      rep: c.rep ?? '',
      customerView: c.customerView ?? '',
    })),
    notes: d.notes ?? '',
  };
}

const text = (v: string | null | undefined) => (v?.trim() ? v.trim() : null);

/** A line's amount in fen, or null while its price is unknown. */
export function lineAmountFen(l: Partial<LineValues> | undefined): number | null {
  if (!l || l.targetUnitPriceFen === null || l.targetUnitPriceFen === undefined) return null;
  return (l.quantity ?? 0) * l.targetUnitPriceFen;
}

export function inputOf(v: OpportunityFormValues, accountId: number): OpportunityInputValue {
  return {
    accountId,
    title: v.title.trim(),
    ownerId: v.ownerId,
    source: v.source,
    budgetFen: v.budgetFen,
    expectedCloseOn: v.expectedCloseOn,
    lines: (v.lines ?? []).map((l) => ({
      model: l.model.trim(),
      configuration: text(l.configuration),
      quantity: l.quantity ?? 1,
      targetUnitPriceFen: l.targetUnitPriceFen,
    })),
    contacts: (v.contacts ?? []).flatMap((c) =>
      c.contactId === null ? [] : [{ contactId: c.contactId, role: c.role }],
    ),
    competitors: (v.competitors ?? []).map((c) => ({
      brand: c.brand.trim(),
      model: text(c.model),
      rep: text(c.rep),
      customerView: text(c.customerView),
    })),
    notes: text(v.notes),
  };
}

const FIELDS = ['accountId', 'title', 'ownerId', 'source', 'budgetFen', 'expectedCloseOn', 'notes'];
const LISTS = ['lines', 'contacts', 'competitors'];

/**
 * A server field path (`opportunity.lines.0.model`) as the form's field name, when it names one
 * field; a whole list or row (`contacts`) has no field to show it on.
 */
export function formPathOf(path: string): (string | number)[] | null {
  const parts = path.split('.').filter((p) => p !== '');
  if (parts[0] === 'opportunity') parts.shift();
  const [head, row, field] = parts;
  if (parts.length === 1 && head && FIELDS.includes(head)) return [head];
  if (parts.length === 3 && head && LISTS.includes(head) && /^\d+$/.test(row ?? '') && field)
    return [head, Number(row), field];
  return null;
}
