/**
 * The rejected rows of a run as a workbook to fix and re-import: the file's own columns under its
 * own headers, plus a reason column. Runs as an export job, so delivery is the exports' own.
 */
import { describeReasons } from '../../shared/import/reasons';
import type { ImportReason } from '../../shared/schemas/imports';
import type { ExportResult } from '../../shared/schemas/exports';
import { AppError } from '../../shared/result';
import { createTableWriter } from '../excel/table-writer';
import { writeExportFile } from '../exports/export-file';
import type { JobFunction } from '../jobs/context';
import { auditHeadPair } from '../audit/head';

export interface RejectsParams {
  runId: number;
  lang: 'zh-CN' | 'en';
  file: string;
  fileName: string;
  actorName: string | null;
}

export const rejectsExportJob: JobFunction<RejectsParams> = async (ctx) => {
  const { runId, lang, file, fileName } = ctx.params;
  const zh = lang === 'zh-CN';
  const run = ctx.sqlite
    .prepare('select file_name, sheet, headers from import_runs where id = ?')
    .get(runId) as { file_name: string; sheet: string; headers: string } | undefined;
  if (!run) throw new AppError('NOT_FOUND', `no import run ${runId}`, { kind: 'run_gone' });
  const total = ctx.sqlite
    .prepare(`select count(*) from import_rows where run_id = ? and outcome = 'reject'`)
    .pluck()
    .get(runId) as number;
  const headers = JSON.parse(run.headers) as string[];
  const rows = ctx.sqlite
    .prepare(
      `select row, cells, reasons from import_rows where run_id = ? and outcome = 'reject' order by row`,
    )
    .raw(true);
  // Rejected rows may be longer than the header row: every cell is kept.
  let width = headers.length;
  for (const [, cells] of rows.iterate(runId) as Iterable<[number, string]>)
    width = Math.max(width, (JSON.parse(cells) as string[]).length);
  const columns = [
    ...Array.from({ length: width }, (_, i) => ({
      header: headers[i] || (zh ? `第${i + 1}列` : `Column ${i + 1}`),
      kind: 'text' as const,
    })),
    { header: zh ? '原行号' : 'Row in file', kind: 'integer' as const },
    { header: zh ? '原因' : 'Reason', kind: 'text' as const },
  ];
  const open = (part: string) =>
    createTableWriter(
      part,
      'xlsx',
      zh ? '被拒绝的行' : 'Rejected rows',
      zh ? '说明' : 'About',
      columns,
      lang,
    );
  let written = 0;
  const { bytes } = await writeExportFile(file, open, async (writer) => {
    for (const [row, cells, reasons] of rows.iterate(runId) as Iterable<[number, string, string]>) {
      const values = JSON.parse(cells) as string[];
      writer.add([
        ...Array.from({ length: width }, (_, i) => values[i] || null),
        row,
        describeReasons(JSON.parse(reasons) as ImportReason[], lang),
      ]);
      if (++written % 1000 === 0) {
        ctx.checkCancelled();
        ctx.progress(written, total);
        await writer.drain();
      }
    }
    await writer.finish(
      zh
        ? [
            ['来源文件', `${run.file_name}（工作表“${run.sheet}”）`],
            ['内容', `未能导入的 ${written} 行，最后一列说明原因`],
            ['如何处理', '按原因修改后，可直接再次导入本文件（“原行号”与“原因”两列会被忽略）'],
            ['导出人', ctx.params.actorName ?? '—'],
            auditHeadPair(ctx.sqlite, true),
          ]
        : [
            ['Source file', `${run.file_name} (sheet “${run.sheet}”)`],
            ['Contents', `${written} rows that could not be imported; the last column says why`],
            [
              'What to do',
              'Fix them as the reasons say and import this file again (the row and reason columns are ignored)',
            ],
            ['Exported by', ctx.params.actorName ?? '—'],
            auditHeadPair(ctx.sqlite, false),
          ],
    );
  });
  ctx.progress(written, total);
  const result: ExportResult = { fileName, rows: written, bytes };
  return { result };
};
