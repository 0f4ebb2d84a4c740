/**
 * The 20/80 table export job (worker thread): every account of the viewer's scope ranked by the
 * period's revenue, units or margin, with its share, cumulative share and ABC class — the table
 * the 客户价值 page pages through, whole (100,000 accounts do not fit a request body, so it is
 * read here, from the same SQL). Two statements iterated row by row, into a `.part` file that
 * becomes the export only when complete, with an about sheet: period, basis, cut-offs, classes.
 */
import type { RawBuilder } from 'kysely';
import { isoNow } from '../../shared/clock';
import { GRADES, type Grade } from '../../shared/enums';
import type { ExportParetoInput, ExportResult } from '../../shared/schemas/exports';
import type { AbcCutoffsInput, ValueBasis } from '../../shared/schemas/value';
import { auditHeadPair } from '../audit/head';
import { createTableWriter } from '../excel/table-writer';
import { wallClock } from '../excel/wall-clock';
import type { JobContext, JobFunction } from '../jobs/context';
import { paretoExportQueries } from '../value/pareto';
import { writeExportFile } from './export-file';

export interface ExportParetoParams {
  input: ExportParetoInput & { cutoffs: AbcCutoffsInput };
  file: string;
  fileName: string;
  actorName: string;
  /** The viewer's accounts: a specialist's id (their teams'), null for the whole store. */
  teamOf: number | null;
  version: string;
}

const PROGRESS_EVERY = 1000;

const BASIS: Record<ValueBasis, { zh: string; en: string; kind: 'money' | 'integer' }> = {
  revenue: { zh: '成交额', en: 'Revenue', kind: 'money' },
  units: { zh: '成交台数', en: 'Units', kind: 'integer' },
  margin: { zh: '毛利（高于底价）', en: 'Margin over floor', kind: 'money' },
};

/** A query's rows one at a time, on the job's raw connection: memory stays flat. */
function iterate<R>(ctx: JobContext<ExportParetoParams>, query: RawBuilder<R>): Iterable<R> {
  const { sql, parameters } = query.compile(ctx.db);
  return ctx.sqlite.prepare(sql).iterate(...parameters) as Iterable<R>;
}

export const exportParetoJob: JobFunction<ExportParetoParams> = async (ctx) => {
  const { input, file, fileName, actorName, teamOf } = ctx.params;
  const zh = input.lang === 'zh-CN';
  const basis = BASIS[input.basis];
  const toWallClock = wallClock(input.timeZone);
  const queries = paretoExportQueries(input, teamOf);
  const [{ n: total } = { n: 0 }] = [...iterate(ctx, queries.count)];
  ctx.progress(0, total);
  const title = zh ? '客户价值 20-80 分析' : 'Account value 20-80';
  const open = (part: string) =>
    createTableWriter(
      part,
      input.format,
      title,
      zh ? '导出说明' : 'About this export',
      [
        { header: zh ? '排名' : 'Rank', kind: 'integer' },
        { header: zh ? '客户' : 'Account', kind: 'text' },
        { header: zh ? '手工等级' : 'Hand-set grade', kind: 'text' },
        { header: zh ? `按${basis.zh}` : basis.en, kind: basis.kind },
        { header: zh ? '占比' : 'Share', kind: 'percent' },
        { header: zh ? '累计占比' : 'Cumulative share', kind: 'percent' },
        { header: zh ? '分类' : 'Class', kind: 'text' },
      ],
      input.lang,
    );
  const grade = (g: Grade) => GRADES[g][zh ? 'zh' : 'en'];
  const classes = { A: 0, B: 0, C: 0 };
  let rows = 0;
  let sum = 0;
  const { bytes } = await writeExportFile(file, open, async (writer) => {
    const added = async () => {
      if (++rows % PROGRESS_EVERY !== 0) return;
      ctx.checkCancelled();
      ctx.progress(rows, total);
      await writer.drain();
    };
    for (const r of iterate(ctx, queries.buyers)) {
      sum = Number(r.total);
      classes[r.abc] += 1;
      const value = Number(r.value);
      writer.add([
        rows + 1,
        r.name,
        grade(r.grade),
        value,
        value / sum,
        Number(r.cumulative) / sum,
        r.abc,
      ]);
      await added();
    }
    // Those that brought nothing rank after every buyer: no share, class C.
    for (const r of iterate(ctx, queries.rest)) {
      classes.C += 1;
      writer.add([rows + 1, r.name, grade(r.grade), Number(r.value), 0, sum > 0 ? 1 : 0, 'C']);
      await added();
    }
    ctx.checkCancelled();
    const now = toWallClock(isoNow(ctx.clock))!.toISOString().slice(0, 16).replace('T', ' ');
    const { a, b } = input.cutoffs;
    const share = (n: number) => (rows > 0 ? `${((n / rows) * 100).toFixed(1)}%` : '—');
    const scope =
      teamOf === null
        ? zh
          ? '全部客户'
          : 'every account'
        : zh
          ? `${actorName}所在客户团队的客户`
          : `the accounts of ${actorName}’s account teams`;
    await writer.finish(
      zh
        ? [
            ['导出内容', `${title}，共 ${rows} 个客户`],
            ['期间', `${input.from} 至 ${input.to}`],
            ['依据', `按${basis.zh}（已生效合同）`],
            ['分类界线', `累计占比 A ≤ ${a}%，B ≤ ${b}%，其余为 C`],
            [
              '各类客户数',
              `A ${classes.A}（${share(classes.A)}）、B ${classes.B}（${share(classes.B)}）、C ${classes.C}（${share(classes.C)}）`,
            ],
            ['客户范围', scope],
            ['导出时间', `${now}（${input.timeZone}）`],
            ['导出人', actorName],
            auditHeadPair(ctx.sqlite, true),
            ['软件版本', `Keyfleet ${ctx.params.version}`],
          ]
        : [
            ['Contents', `${title}, ${rows} accounts`],
            ['Period', `${input.from} to ${input.to}`],
            ['Basis', `${basis.en} (final contracts)`],
            ['Class cut-offs', `cumulative share A ≤ ${a}%, B ≤ ${b}%, the rest C`],
            [
              'Accounts per class',
              `A ${classes.A} (${share(classes.A)}), B ${classes.B} (${share(classes.B)}), C ${classes.C} (${share(classes.C)})`,
            ],
            ['Accounts', scope],
            ['Exported at', `${now} (${input.timeZone})`],
            ['Exported by', actorName],
            auditHeadPair(ctx.sqlite, false),
            ['Software', `Keyfleet ${ctx.params.version}`],
          ],
    );
  });
  ctx.progress(rows, total);
  const result: ExportResult = { fileName, rows, bytes };
  return { result };
};
