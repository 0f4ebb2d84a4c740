/**
 * The accounts-view export job (worker thread): one streaming pass over the same query the grid
 * pages through, written to a `.part` file that becomes the export only when complete.
 */
import type { ExportAccountsInput, ExportResult } from '../../shared/schemas/exports';
import { countView, type RowRecord, sortedRowsQuery, toRow } from '../accounts/repository';
import { createTableWriter } from '../excel/table-writer';
import { writeExportFile } from './export-file';
import { wallClock } from '../excel/wall-clock';
import type { JobFunction } from '../jobs/context';
import { ACCOUNT_CELL_KINDS, accountCells } from './account-cells';
import { describeView } from './describe-view';
import { isoNow } from '../../shared/clock';
import { auditHeadPair } from '../audit/head';

export interface ExportAccountsParams {
  input: ExportAccountsInput;
  file: string;
  fileName: string;
  actorName: string | null;
  version: string;
  /**
   * Whose accounts the facts and value classes cover: a specialist's id, null (or left out, as the
   * bench does) for all. The export handler always sets it from the user.
   */
  valueScope?: number | null;
}

const PROGRESS_EVERY = 1000;

export const exportAccountsJob: JobFunction<ExportAccountsParams> = async (ctx) => {
  const { input, file, fileName } = ctx.params;
  const zh = input.lang === 'zh-CN';
  const view = {
    filters: input.filters,
    sort: input.sort,
    search: input.search,
    valueClass: input.valueClass,
    valueScope: ctx.params.valueScope ?? null,
  };
  const total = await countView(ctx.db, view);
  ctx.progress(0, total);

  const toWallClock = wallClock(input.timeZone);
  const cells = accountCells(input.lang, toWallClock);
  const getters = input.columns.map((c) => cells[c.field]);
  const open = (part: string) =>
    createTableWriter(
      part,
      input.format,
      zh ? '客户列表' : 'Accounts',
      zh ? '导出说明' : 'About this export',
      input.columns.map((c) => ({ header: c.header, kind: ACCOUNT_CELL_KINDS[c.field] })),
      input.lang,
    );

  let rows = 0;
  const { bytes } = await writeExportFile(file, open, async (writer) => {
    // One prepared statement iterated row by row: memory stays flat for a million rows. Raw
    // (array) rows cost half as much to read as objects.
    const compiled = sortedRowsQuery(ctx.db, view).compile();
    const statement = ctx.sqlite.prepare(compiled.sql).raw(true);
    const names = statement.columns().map((c) => c.name) as (keyof RowRecord)[];
    const record = {} as Record<keyof RowRecord, unknown>;
    for (const values of statement.iterate(...compiled.parameters) as Iterable<unknown[]>) {
      for (let i = 0; i < names.length; i++) record[names[i]!] = values[i];
      const row = toRow(record as RowRecord);
      writer.add(getters.map((get) => get(row)));
      if (++rows % PROGRESS_EVERY === 0) {
        ctx.checkCancelled();
        ctx.progress(rows, total);
        await writer.drain();
      }
    }
    ctx.checkCancelled();
    const staff = await ctx.db.selectFrom('staff').select(['id', 'name']).execute();
    const described = describeView(view, input.lang, new Map(staff.map((s) => [s.id, s.name])));
    const now = toWallClock(isoNow(ctx.clock))!.toISOString().slice(0, 16).replace('T', ' ');
    await writer.finish(
      zh
        ? [
            ['导出内容', `客户列表，共 ${rows} 行`],
            ['导出时间', `${now}（${input.timeZone}）`],
            ['导出人', ctx.params.actorName ?? '—'],
            ['筛选条件', described.filters],
            ['快速搜索', described.search],
            ['排序', described.sort],
            ['导出列', input.columns.map((c) => c.header).join('、')],
            ['个人信息', '未导出（联系人的个人信息不随客户列表导出）'],
            auditHeadPair(ctx.sqlite, true),
            ['软件版本', `Keyfleet ${ctx.params.version}`],
          ]
        : [
            ['Contents', `Accounts, ${rows} rows`],
            ['Exported at', `${now} (${input.timeZone})`],
            ['Exported by', ctx.params.actorName ?? '—'],
            ['Filters', described.filters],
            ['Quick search', described.search],
            ['Sort', described.sort],
            ['Columns', input.columns.map((c) => c.header).join(', ')],
            [
              'Personal details',
              'not exported (contacts’ personal details are never part of the accounts list)',
            ],
            auditHeadPair(ctx.sqlite, false),
            ['Software', `Keyfleet ${ctx.params.version}`],
          ],
    );
  });
  ctx.progress(rows, total);
  const result: ExportResult = { fileName, rows, bytes };
  return { result };
};
