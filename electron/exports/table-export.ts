/**
 * The table-export job (worker thread): a table the page already shows — an analysis table, a
 * chart's data — written as it is to .xlsx or .csv, with an about sheet saying what it shows, when
 * and by whom. Written to a `.part` file that becomes the export only when complete.
 */
import { isoNow } from '../../shared/clock';
import type { ExportResult, ExportTableInput } from '../../shared/schemas/exports';
import { auditHeadPair } from '../audit/head';
import { type CellValue, createTableWriter } from '../excel/table-writer';
import { writeExportFile } from './export-file';
import { wallClock } from '../excel/wall-clock';
import type { JobFunction } from '../jobs/context';

export interface ExportTableParams {
  input: ExportTableInput;
  file: string;
  fileName: string;
  actorName: string | null;
  version: string;
}

/** Sheet names: at most 31 characters, none of : \ / ? * [ ]. */
function sheetName(title: string): string {
  return title.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31) || 'Sheet1';
}

export const exportTableJob: JobFunction<ExportTableParams> = async (ctx) => {
  const { input, file, fileName } = ctx.params;
  const zh = input.lang === 'zh-CN';
  const toWallClock = wallClock(input.timeZone);
  const kinds = input.columns.map((c) => c.kind);
  const cell = (value: string | number | null, i: number): CellValue => {
    if (value === null) return null;
    if (kinds[i] === 'date' && typeof value === 'string')
      return new Date(`${value.slice(0, 10)}T00:00:00Z`);
    if (kinds[i] === 'datetime' && typeof value === 'string') return toWallClock(value);
    return value;
  };
  ctx.progress(0, input.rows.length);
  const open = (part: string) =>
    createTableWriter(
      part,
      input.format,
      sheetName(input.title),
      zh ? '导出说明' : 'About this export',
      input.columns,
      input.lang,
    );
  const { bytes } = await writeExportFile(file, open, async (writer) => {
    for (const row of input.rows) writer.add(row.map(cell));
    ctx.checkCancelled();
    const now = toWallClock(isoNow(ctx.clock))!.toISOString().slice(0, 16).replace('T', ' ');
    const rows = input.rows.length;
    await writer.finish(
      zh
        ? [
            ['导出内容', `${input.title}，共 ${rows} 行`],
            ...input.about,
            ['导出时间', `${now}（${input.timeZone}）`],
            ['导出人', ctx.params.actorName ?? '—'],
            auditHeadPair(ctx.sqlite, true),
            ['软件版本', `Keyfleet ${ctx.params.version}`],
          ]
        : [
            ['Contents', `${input.title}, ${rows} rows`],
            ...input.about,
            ['Exported at', `${now} (${input.timeZone})`],
            ['Exported by', ctx.params.actorName ?? '—'],
            auditHeadPair(ctx.sqlite, false),
            ['Software', `Keyfleet ${ctx.params.version}`],
          ],
    );
  });
  ctx.progress(input.rows.length, input.rows.length);
  const result: ExportResult = { fileName, rows: input.rows.length, bytes };
  return { result };
};
