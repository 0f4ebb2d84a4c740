/**
 * The grid export job (worker thread), for every grid of electron/exports/grids: one streaming
 * pass over the same query the grid pages through — same filters, sort, search and the same
 * record visibility as its list — written to a `.part` file that becomes the export only when
 * complete, with an about sheet describing the view.
 */
import { isoNow } from '../../shared/clock';
import type { ExportResult } from '../../shared/schemas/exports';
import type { ExportGridInput } from '../../shared/schemas/grid-exports';
import { auditHeadPair } from '../audit/head';
import { createTableWriter } from '../excel/table-writer';
import { writeExportFile } from './export-file';
import { wallClock } from '../excel/wall-clock';
import type { JobFunction } from '../jobs/context';
import { describeGridView } from './describe-view';
import { GRID_EXPORTS } from './grids';

export interface ExportGridParams {
  input: ExportGridInput;
  file: string;
  fileName: string;
  actorName: string;
  /** The lists' scope for the person exporting: a specialist's id, null for the whole store. */
  teamOf: number | null;
  version: string;
}

const PROGRESS_EVERY = 1000;

export const exportGridJob: JobFunction<ExportGridParams> = async (ctx) => {
  const { input, file, fileName, actorName, teamOf } = ctx.params;
  const zh = input.lang === 'zh-CN';
  const grid = GRID_EXPORTS[input.grid];
  const toWallClock = wallClock(input.timeZone);
  const staff = await ctx.db.selectFrom('staff').select(['id', 'name']).execute();
  const staffNames = new Map(staff.map((s) => [s.id, s.name]));
  const view = await grid.open(
    ctx.db,
    input,
    { teamOf, now: ctx.clock.now() },
    { lang: input.lang, toWallClock, staffNames },
  );
  const total = await view.count();
  ctx.progress(0, total);

  const title = grid.title[zh ? 'zh' : 'en'];
  const open = (part: string) =>
    createTableWriter(
      part,
      input.format,
      title,
      zh ? '导出说明' : 'About this export',
      view.columns,
      input.lang,
    );
  let rows = 0;
  const { bytes } = await writeExportFile(file, open, async (writer) => {
    // One prepared statement iterated row by row: memory stays flat however long the list.
    const compiled = view.rows.compile();
    const statement = ctx.sqlite.prepare(compiled.sql);
    for (const record of statement.iterate(...compiled.parameters)) {
      writer.add(view.cells(record));
      if (++rows % PROGRESS_EVERY === 0) {
        ctx.checkCancelled();
        ctx.progress(rows, total);
        await writer.drain();
      }
    }
    ctx.checkCancelled();
    const { query } = input;
    const described = describeGridView(
      { filters: query.filters, sort: query.sort, search: query.search },
      input.lang,
      view.vocabulary,
    );
    const now = toWallClock(isoNow(ctx.clock))!.toISOString().slice(0, 16).replace('T', ' ');
    const scope =
      teamOf === null || !grid.teamScoped
        ? zh
          ? '全部记录'
          : 'all records'
        : zh
          ? `仅${actorName}所在客户团队的记录（与列表所见相同）`
          : `only the records of ${actorName}’s account teams (as the list shows them)`;
    const columns = view.columns.map((c) => c.header).join(zh ? '、' : ', ');
    await writer.finish(
      zh
        ? [
            ['导出内容', `${title}，共 ${rows} 行`],
            ['导出时间', `${now}（${input.timeZone}）`],
            ['导出人', actorName],
            ['记录范围', scope],
            ['筛选条件', described.filters],
            ['快速搜索', described.search],
            ['排序', described.sort],
            ['导出列', columns],
            auditHeadPair(ctx.sqlite, true),
            ['软件版本', `Keyfleet ${ctx.params.version}`],
          ]
        : [
            ['Contents', `${title}, ${rows} rows`],
            ['Exported at', `${now} (${input.timeZone})`],
            ['Exported by', actorName],
            ['Records', scope],
            ['Filters', described.filters],
            ['Quick search', described.search],
            ['Sort', described.sort],
            ['Columns', columns],
            auditHeadPair(ctx.sqlite, false),
            ['Software', `Keyfleet ${ctx.params.version}`],
          ],
    );
  });
  ctx.progress(rows, total);
  const result: ExportResult = { fileName, rows, bytes };
  return { result };
};
