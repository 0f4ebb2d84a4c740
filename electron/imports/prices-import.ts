/**
 * The price-list import job (worker thread): one row per model and configuration with its market
 * retail price and policy floor, added or updated through the price-list service (audited per
 * entry). Only managers may run it: the price guard depends on these numbers.
 */
import type { PriceImportField } from '../../shared/import/price-fields';
import { AppError } from '../../shared/result';
import type { ImportChange, ImportOutcome, ImportReason } from '../../shared/schemas/imports';
import { cleanText } from '../../shared/text';
import { moneyUnitOfHeader, parseMoneyToFen } from '../../shared/values/money';
import { joinTransaction } from '../db/tx';
import { cellAsText, type NormalCell } from '../excel/read/cell-value';
import type { JobContext, JobFunction } from '../jobs/context';
import { modelKey, savePrice } from '../prices/price-list';
import { reason } from './account-row';
import type { ReportSpool } from './report-writer';
import {
  eachDataRow,
  emptyTally,
  type ImportParams,
  type PassResult,
  runImportJob,
} from './run-import';
import { mappedColumns } from './sheet-rows';

type Field = PriceImportField;

interface PriceRow {
  row: number;
  cells: string[];
  model?: string;
  configuration?: string;
  retailFen?: number;
  floorFen?: number;
  reasons: ImportReason[];
}

function parseRow(
  row: number,
  cells: readonly NormalCell[],
  columns: readonly (readonly [number, Field])[],
  headers: readonly string[],
): PriceRow {
  const out: PriceRow = { row, cells: cells.map(cellAsText), reasons: [] };
  for (const [index, field] of columns) {
    const cell = cells[index] ?? { kind: 'empty' };
    if (cell.kind === 'empty') continue;
    const text = cleanText(cellAsText(cell));
    if (!text) continue;
    if (field === 'model' || field === 'configuration') {
      const max = field === 'model' ? 80 : 200;
      if (text.length > max)
        out.reasons.push(reason('too_long', field, text.slice(0, 40), String(max)));
      else out[field] = text;
      continue;
    }
    const fen = parseMoneyToFen(
      cell.kind === 'number' ? cell.value : text,
      moneyUnitOfHeader(headers[index] ?? '') ?? 'yuan',
    );
    if (fen === null || fen < 0) out.reasons.push(reason('money.invalid', field, text));
    else if (field === 'retailPrice') out.retailFen = fen;
    else out.floorFen = fen;
  }
  if (out.model === undefined && !out.reasons.some((r) => r.field === 'model'))
    out.reasons.push(reason('required', 'model'));
  for (const [f, v] of [
    ['retailPrice', out.retailFen],
    ['floorPrice', out.floorFen],
  ] as const)
    if (v === undefined && !out.reasons.some((r) => r.field === f))
      out.reasons.push(reason('required', f));
  if (out.retailFen === 0) out.reasons.push(reason('money.invalid', 'retailPrice', '0'));
  if (out.retailFen !== undefined && out.floorFen !== undefined && out.floorFen > out.retailFen)
    out.reasons.push(reason('price.floor_above_retail', 'floorPrice'));
  return out;
}

const yuan = (fen: number | null | undefined) =>
  fen === null || fen === undefined ? null : (fen / 100).toFixed(2);

async function pass(ctx: JobContext<ImportParams>, report: ReportSpool): Promise<PassResult> {
  const columns = mappedColumns<Field>(ctx.params.input);
  const tally = emptyTally();
  const rows: PriceRow[] = [];
  const seen = new Map<string, number>();
  await eachDataRow(ctx, report, tally, (row, cells) => {
    const parsed = parseRow(row, cells, columns, report.headers());
    if (parsed.model !== undefined) {
      const key = modelKey(parsed.model, parsed.configuration ?? null);
      const twin = seen.get(key);
      if (twin !== undefined)
        parsed.reasons.push(reason('price.duplicate_in_file', 'model', parsed.model, String(twin)));
      else seen.set(key, row);
    }
    rows.push(parsed);
  });
  await joinTransaction(ctx.db, async () => {
    for (const r of rows) {
      let outcome: ImportOutcome = 'reject';
      const changes: ImportChange[] = [];
      if (r.reasons.length === 0) {
        const existing = await ctx.db
          .selectFrom('price_list')
          .selectAll()
          .where('model_key', '=', modelKey(r.model!, r.configuration ?? null))
          .executeTakeFirst();
        if (existing && existing.retail_fen === r.retailFen && existing.floor_fen === r.floorFen)
          outcome = 'unchanged';
        else {
          if (existing) {
            if (existing.retail_fen !== r.retailFen)
              changes.push({
                field: 'retailPrice',
                before: yuan(existing.retail_fen),
                after: yuan(r.retailFen),
              });
            if (existing.floor_fen !== r.floorFen)
              changes.push({
                field: 'floorPrice',
                before: yuan(existing.floor_fen),
                after: yuan(r.floorFen),
              });
          }
          try {
            await savePrice(ctx.db, ctx.clock, ctx.actorId!, existing?.id ?? null, {
              model: r.model!,
              configuration: r.configuration ?? existing?.configuration ?? null,
              retailFen: r.retailFen!,
              floorFen: r.floorFen!,
            });
            outcome = existing ? 'update' : 'create';
          } catch (error) {
            if (!(error instanceof AppError)) throw error;
            r.reasons.push(
              reason(
                (error.details as { kind?: string } | undefined)?.kind ?? 'rule',
                'model',
                error.message,
              ),
            );
          }
        }
      }
      tally[outcome]++;
      report.add({
        row: r.row,
        outcome,
        accountId: null,
        name: [r.model, r.configuration].filter(Boolean).join(' ') || null,
        uscc: null,
        reasons: r.reasons,
        warnings: [],
        changes,
        cells: outcome === 'reject' ? r.cells : null,
      });
    }
  });
  ctx.progress(tally.total, tally.total);
  return { tally, audit: {} };
}

export const importPricesJob: JobFunction<ImportParams> = (ctx) =>
  runImportJob(ctx, 'prices', (report) => pass(ctx, report));
