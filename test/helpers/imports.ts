/** Driving an import through the API as the wizard does: stage, inspect, dry run or commit. */
import path from 'node:path';
import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import type { Input, Output } from '../../shared/api';
import type { ImportTarget } from '../../shared/schemas/imports';
import { stageCopy } from '../../electron/imports/staging';
import type { TestApp } from './app';
import { tempDir } from './db';

export type Columns = Input<'imports.run'>['columns'];

export async function workbook(
  rows: unknown[][],
  build?: (ws: ExcelJS.Worksheet) => void,
  sheetName = '客户名单',
): Promise<string> {
  const file = path.join(tempDir(), 'import.xlsx');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  for (const r of rows) ws.addRow(r);
  build?.(ws);
  await wb.xlsx.writeFile(file);
  return file;
}

export function stage(app: TestApp, file: string) {
  return stageCopy(app.dataDir, file);
}

export async function inspect(
  app: TestApp,
  file: string,
  target: ImportTarget = 'accounts',
): Promise<Output<'imports.inspection'>> {
  const staged = await stage(app, file);
  const { jobId } = await app.value('imports.inspect', { fileId: staged.fileId, target });
  const job = await app.deps.jobs.wait(jobId);
  expect(job.error).toBeNull();
  return app.value('imports.inspection', { jobId });
}

export async function runImport(
  app: TestApp,
  fileId: string,
  sheet: Output<'imports.inspection'>['sheets'][number],
  mode: 'dryRun' | 'commit',
  options: {
    policy?: 'allOrNothing' | 'validOnly';
    columns?: Columns;
    target?: ImportTarget;
  } = {},
) {
  const { jobId } = await app.value('imports.run', {
    target: options.target ?? 'accounts',
    fileId,
    sheet: sheet.name,
    headerRow: sheet.headerRow!,
    columns: options.columns ?? sheet.columns.map((c) => ({ index: c.index, field: c.field })),
    mode,
    policy: options.policy ?? 'allOrNothing',
  });
  const job = await app.deps.jobs.wait(jobId);
  expect(job.error).toBeNull();
  const summary = await app.value('imports.summary', { jobId });
  const report = await app.value('imports.report', { runId: summary.runId, limit: 200 });
  return { summary, report, jobId };
}
