/**
 * The grid query every list method takes: a page, a multi-column sort, typed filters and a quick
 * search. Columns are whitelisted per list so the renderer can never name an arbitrary column.
 */
import { z } from 'zod';
import { isoDateOrDateTime } from './schemas/common';

export type ColumnKind = 'text' | 'enum' | 'number' | 'date';

export interface ColumnSpec {
  kind: ColumnKind;
  sortable?: boolean;
  filterable?: boolean;
  /** Allowed values of an enum filter; omitted when they are dynamic (staff ids). */
  values?: readonly string[];
  /**
   * An enum column that may hold nothing (no owner, no source, no competitor named): its `in`
   * filter may ask for `NONE`, the rows without a value.
   */
  nullable?: boolean;
}

/**
 * The value of an `in` filter that stands for "none" (负责人：无): rows whose column holds no value.
 * No real value is ever empty, so it can sit beside real ones ("Zhang or nobody").
 */
export const NONE = '';

export const MAX_PAGE_SIZE = 500;

export const filterSchema = z.discriminatedUnion('op', [
  z.object({ field: z.string(), op: z.literal('contains'), value: z.string().min(1).max(200) }),
  z.object({
    field: z.string(),
    op: z.literal('in'),
    values: z.array(z.string().max(100)).min(1).max(200),
  }),
  z.object({
    field: z.string(),
    op: z.literal('range'),
    min: z.number().finite().optional(),
    max: z.number().finite().optional(),
  }),
  z.object({
    field: z.string(),
    op: z.literal('dateRange'),
    from: isoDateOrDateTime.optional(),
    to: isoDateOrDateTime.optional(),
  }),
]);
export type Filter = z.infer<typeof filterSchema>;

const OP_FOR_KIND: Record<ColumnKind, Filter['op']> = {
  text: 'contains',
  enum: 'in',
  number: 'range',
  date: 'dateRange',
};

export interface ListQuery<F extends string = string> {
  offset: number;
  limit: number;
  sort: { field: F; desc: boolean }[];
  filters: Filter[];
  search?: string | undefined;
  columns?: F[] | undefined;
}

/** Builds the zod schema of a list query over the given columns. */
export function listQuerySchema<F extends string>(columns: Record<F, ColumnSpec>) {
  const names = Object.keys(columns) as [F, ...F[]];
  const field = z.enum(names);
  return z
    .object({
      offset: z.number().int().min(0).max(10_000_000).default(0),
      limit: z.number().int().min(1).max(MAX_PAGE_SIZE).default(100),
      sort: z
        .array(z.object({ field, desc: z.boolean() }))
        .max(5)
        .default([]),
      filters: z.array(filterSchema).max(30).default([]),
      search: z.string().max(200).optional(),
      columns: z.array(field).max(names.length).optional(),
    })
    .superRefine((q, ctx) => {
      q.sort.forEach((s, i) => {
        if (columns[s.field].sortable === false)
          ctx.addIssue({ code: 'custom', path: ['sort', i, 'field'], message: 'not sortable' });
      });
      refineFilters(columns, q.filters, ctx);
    });
}

/** Checks each filter against the list's whitelisted columns (field, operator, enum values). */
export function refineFilters(
  columns: Record<string, ColumnSpec>,
  filters: Filter[],
  ctx: z.RefinementCtx,
): void {
  filters.forEach((f, i) => {
    const spec = columns[f.field] as ColumnSpec | undefined;
    if (!spec || spec.filterable === false) {
      ctx.addIssue({
        code: 'custom',
        path: ['filters', i, 'field'],
        message: 'not filterable',
      });
    } else if (OP_FOR_KIND[spec.kind] !== f.op) {
      ctx.addIssue({
        code: 'custom',
        path: ['filters', i, 'op'],
        message: `a ${spec.kind} column takes '${OP_FOR_KIND[spec.kind]}'`,
      });
    } else if (f.op === 'in' && f.values.includes(NONE) && !spec.nullable) {
      ctx.addIssue({
        code: 'custom',
        path: ['filters', i, 'values'],
        message: 'this column always holds a value',
      });
    } else if (f.op === 'in' && spec.values) {
      const bad = f.values.find((v) => v !== NONE && !spec.values?.includes(v));
      if (bad !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['filters', i, 'values'],
          message: `unknown value ${bad}`,
        });
    }
  });
}

export function pageSchema<T extends z.ZodType>(row: T) {
  return z.object({
    rows: z.array(row),
    total: z.number().int(),
    /** The count stopped at `total` and more rows match (a quick search's bounded count). */
    capped: z.boolean().optional(),
  });
}
