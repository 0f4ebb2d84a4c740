/**
 * What a grid brings to the grid export (electron/exports/grid-export.ts): the query its list
 * pages through (from the list's own repository, never a copy of its SQL), how each column becomes
 * a cell and which kind of cell, and the words that describe its filters. One entry per grid in
 * electron/exports/grids/; adding a grid is one file there plus its line in the union of
 * shared/schemas/grid-exports.ts and in grids/index.ts.
 */
import type { Compilable, Kysely } from 'kysely';
import type { z } from 'zod';
import type { Label } from '../../shared/enums';
import type { ExportGridInput, GridName } from '../../shared/schemas/grid-exports';
import type { Database } from '../db/schema';
import type { CellKind, CellValue } from '../excel/table-writer';
import type { GridQuery } from '../grid/page';
import { labelOf, type Lang } from './account-cells';
import type { ViewVocabulary } from './describe-view';

/** Whose rows and as of when: the same scope the list method gives the grid. */
export interface GridScope {
  /** A specialist's id (their teams' accounts' records only); null for the whole store. */
  teamOf: number | null;
  /** The business clock's now (tender phases, claim statuses as of today). */
  now: Date;
}

/** How cells are written: in the export's language, timestamps at the user's wall clock. */
export interface CellContext {
  lang: Lang;
  toWallClock: (iso: string) => Date | null;
  /** Staff names by id, for describing an owner filter. */
  staffNames: ReadonlyMap<number, string>;
}

/** One grid: its list input `Q`, its column names `F` and its list's row `R`. */
export interface GridExportEntry<Q, F extends string, R> {
  grid: GridName;
  /** The list method's input schema: the export takes the grid's own list input. */
  listQuery: z.ZodType<Q>;
  /** The sheet's name and the about sheet's "contents". */
  title: Label;
  /** The file name's stem (“合同列表-20261203-0915.xlsx”). */
  fileStem: Label;
  /** The grid's column names, for describing filters and sort. */
  labels: Record<F, Label>;
  /** Whether its list shows a specialist only their teams' accounts' records (else everyone's). */
  teamScoped: boolean;
  kinds: Record<F, CellKind>;
  cells(ctx: CellContext): Record<F, (row: R) => CellValue>;
  /** How a filter value reads (enum labels, staff names); money columns read in yuan. */
  vocabulary(ctx: CellContext): Omit<ViewVocabulary, 'labels'>;
  /** The list's own query: its sorted rows, count and row mapper. */
  query(
    db: Kysely<Database>,
    input: Q,
    scope: GridScope,
  ): GridQuery<unknown, R> | Promise<GridQuery<unknown, R>>;
}

/** An entry with its grid's types closed over: what the export job works with. */
export interface GridExport {
  title: Label;
  fileStem: Label;
  teamScoped: boolean;
  /** The view asked for: its query, its columns in order, and one database row as cells. */
  open(
    db: Kysely<Database>,
    input: ExportGridInput,
    scope: GridScope,
    ctx: CellContext,
  ): Promise<OpenedGrid>;
}

export interface OpenedGrid {
  /** The list's sorted rows query, all of it (compiled and streamed by the job). */
  rows: Compilable<unknown>;
  count(): Promise<number>;
  columns: { header: string; kind: CellKind }[];
  /** One row as the statement read it → the cells of the visible columns. */
  cells(record: unknown): CellValue[];
  vocabulary: ViewVocabulary;
}

export function defineGridExport<Q, F extends string, R>(
  entry: GridExportEntry<Q, F, R>,
): GridExport {
  const isField = (field: string): field is F => Object.hasOwn(entry.kinds, field);
  return {
    title: entry.title,
    fileStem: entry.fileStem,
    teamScoped: entry.teamScoped,
    async open(db, input, scope, ctx) {
      if (input.grid !== entry.grid)
        throw new Error(`the ${entry.grid} export got a ${input.grid} view`);
      const query = await entry.query(db, entry.listQuery.parse(input.query), scope);
      const cells = entry.cells(ctx);
      const fields = input.columns.map(({ field }) => {
        if (!isField(field)) throw new Error(`${entry.grid} has no column ${field}`);
        return field;
      });
      const getters = fields.map((f) => cells[f]);
      return {
        rows: query.rows,
        count: () => query.count(),
        columns: fields.map((f, i) => ({ header: input.columns[i]!.header, kind: entry.kinds[f] })),
        cells: (record) => {
          const row = query.toRow(record);
          return getters.map((get) => get(row));
        },
        vocabulary: { labels: entry.labels, ...entry.vocabulary(ctx) },
      };
    },
  };
}

/** A stored ISO date (2026-03-05) as a spreadsheet date. */
export function dateCell(iso: string | null): Date | null {
  return iso ? new Date(`${iso.slice(0, 10)}T00:00:00Z`) : null;
}

/** A code of a vocabulary as its label in the export's language. */
export function labelCell(table: Record<string, Label>, lang: Lang) {
  return (value: string | null) => labelOf(table, value, lang);
}

/** A stored UTC timestamp as the wall-clock time of the export's zone. */
export function timeCell(ctx: CellContext) {
  return (iso: string | null) => (iso ? ctx.toWallClock(iso) : null);
}

/** The yes/no filters of the grids (“next step done”, “eligible”). */
export const YES_NO: Record<'yes' | 'no', Label> = {
  yes: { zh: '是', en: 'Yes' },
  no: { zh: '否', en: 'No' },
};

/** Enum filter values by their labels; people (`staffFields`, ids) by name. */
export function enumValues(
  tables: Partial<Record<string, Record<string, Label>>>,
  ctx: CellContext,
  staffFields: readonly string[] = ['ownerId'],
): (field: string, value: string) => string {
  return (field, value) => {
    if (staffFields.includes(field)) return ctx.staffNames.get(Number(value)) ?? value;
    const table = tables[field];
    return table ? (labelOf(table, value, ctx.lang) ?? value) : value;
  };
}
