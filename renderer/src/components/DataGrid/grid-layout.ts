/**
 * What a grid remembers per user: column order, visibility, widths, sort and page size. Stored as
 * the preference `grid.<gridId>`; a stored layout is sanitised against the current columns so a
 * renamed or new column never breaks the grid.
 */
import { z } from 'zod';
import type { ColumnSpec } from '../../../../shared/list';
import type { GridColumnDef, GridSort } from './types';

export const PAGE_SIZES = [50, 100, 200, 500] as const;
export const DEFAULT_PAGE_SIZE = 100;
export const DEFAULT_WIDTH = 140;
export const MIN_WIDTH = 60;
export const MAX_WIDTH = 1000;

export interface GridLayout<F extends string> {
  order: F[];
  visible: Record<F, boolean>;
  /** Widths the user changed, by column id. */
  widths: Record<string, number>;
  sort: GridSort<F>[];
  pageSize: number;
}

export const prefKeyOf = (gridId: string) => `grid.${gridId}`;

const stored = z
  .object({
    v: z.literal(1),
    order: z.array(z.string()),
    visible: z.record(z.string(), z.boolean()),
    widths: z.record(z.string(), z.number()),
    sort: z.array(z.object({ field: z.string(), desc: z.boolean() })),
    pageSize: z.number(),
  })
  .partial();

export function canSort<F extends string>(specs: Record<F, ColumnSpec>, id: F): boolean {
  return specs[id].sortable !== false;
}

export function canFilter<F extends string>(specs: Record<F, ColumnSpec>, id: F): boolean {
  return specs[id].filterable !== false;
}

export function defaultLayout<Row, F extends string>(
  columns: readonly GridColumnDef<Row, F>[],
  defaultSort: readonly GridSort<F>[],
): GridLayout<F> {
  const visible = {} as Record<F, boolean>;
  for (const c of columns) visible[c.id] = c.defaultVisible !== false;
  return {
    order: columns.map((c) => c.id),
    visible,
    widths: {},
    sort: [...defaultSort],
    pageSize: DEFAULT_PAGE_SIZE,
  };
}

/** Merges a stored value into the default layout, dropping anything that no longer fits. */
export function restoreLayout<Row, F extends string>(
  value: unknown,
  columns: readonly GridColumnDef<Row, F>[],
  specs: Record<F, ColumnSpec>,
  defaultSort: readonly GridSort<F>[],
): GridLayout<F> {
  const base = defaultLayout(columns, defaultSort);
  const parsed = stored.safeParse(value);
  if (!parsed.success) return base;
  const saved = parsed.data;
  const known = new Set<string>(base.order);
  const isKnown = (id: string): id is F => known.has(id);

  const order = (saved.order ?? []).filter(isKnown).filter((id, i, all) => all.indexOf(id) === i);
  // Columns added since the layout was saved keep their default position.
  base.order.forEach((id, i) => {
    if (!order.includes(id)) order.splice(Math.min(i, order.length), 0, id);
  });

  const visible = { ...base.visible };
  for (const [id, v] of Object.entries(saved.visible ?? {})) if (isKnown(id)) visible[id] = v;
  if (!order.some((id) => visible[id])) Object.assign(visible, base.visible);

  const widths: Record<string, number> = {};
  for (const [id, w] of Object.entries(saved.widths ?? {}))
    if (isKnown(id) && Number.isFinite(w))
      widths[id] = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Math.round(w)));

  const sort = saved.sort
    ? saved.sort
        .filter((s): s is GridSort<F> => isKnown(s.field) && canSort(specs, s.field as F))
        .slice(0, 5)
    : base.sort;

  const pageSize = (PAGE_SIZES as readonly number[]).includes(saved.pageSize ?? 0)
    ? (saved.pageSize ?? DEFAULT_PAGE_SIZE)
    : DEFAULT_PAGE_SIZE;

  return { order, visible, widths, sort, pageSize };
}

export function serializeLayout<F extends string>(layout: GridLayout<F>) {
  return { v: 1 as const, ...layout };
}
