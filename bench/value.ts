/**
 * Account value at 100,000 accounts (issue 15; issue 16's "no main-thread block over 50 ms"): the
 * scorecard's first page for a manager, one account's 交易 tab and the replacement forecast,
 * through Keyfleet's path — the dispatch, the read worker's read-only connection, the read —
 * against the same statements on raw better-sqlite3 in this thread, results checked equal, the
 * median of alternating rounds (the first Keyfleet call, which starts the read worker, reported
 * apart), the longest stall of this thread's event loop during the Keyfleet calls.
 *
 * The store is the dashboards' (bench/dashboards-data.ts) with a fleet, money in and the stored
 * facts added (bench/value-data.ts); `BENCH_VALUE_DATA=<folder>` keeps it there for the next run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely, RawBuilder } from 'kysely';
import { createApp } from '../electron/app/create-app';
import { openSqlite } from '../electron/db/connection';
import type { Database } from '../electron/db/schema';
import { forecastQueries, monthOf } from '../electron/value/forecast';
import { getValueSettings } from '../electron/value/settings';
import { placeQuery, recordsQuery, scorecardQuery } from '../electron/value/standing';
import type { Input, MethodName, Output } from '../shared/api';
import { businessClock } from '../shared/clock';
import { chinaDate } from '../shared/dates';
import { measure, same } from './dashboards';
import { generateDashboardData, MANAGER_NAME, SIZES } from './dashboards-data';
import { type BenchResult } from './harness';
import { loadAverage } from './job-start';
import { generateValueData, hasValueData } from './value-data';

const WORKER = path.join(__dirname, '..', 'out', 'main', 'worker.js');

/**
 * A statement Keyfleet builds, prepared once on the raw connection: the same SQL, run without
 * kysely or the worker.
 */
function rawStatement(db: Kysely<Database>, raw: BetterSqlite3.Database) {
  return <R>(query: RawBuilder<R>): (() => R[]) => {
    const { sql, parameters } = query.compile(db);
    const statement = raw.prepare(sql);
    return () => statement.all(...(parameters as unknown[])) as R[];
  };
}

export async function benchValue(results: BenchResult[]): Promise<void> {
  if (!fs.existsSync(WORKER))
    throw new Error(`no built worker at ${WORKER}: run \`npm run build\` first`);
  const keep = process.env.BENCH_VALUE_DATA;
  const reuse = keep !== undefined && fs.existsSync(path.join(keep, 'keyfleet.sqlite'));
  const dataDir = keep ?? fs.mkdtempSync(path.join(os.tmpdir(), 'keyfleet-bench-value-'));
  const today = chinaDate(businessClock.now());
  const app = await createApp({ dataDir, mode: 'browser', worker: { file: WORKER } });
  const { db, sqlite } = app.database;
  if (!reuse) {
    process.stderr.write(`value: generating the dashboards' store (${SIZES.accounts} accounts)…\n`);
    generateDashboardData(sqlite, today);
  }
  if (!hasValueData(sqlite)) {
    const t0 = performance.now();
    process.stderr.write('value: adding fleets, money in and the stored facts…\n');
    await generateValueData(sqlite, db, today);
    sqlite.pragma('optimize');
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    process.stderr.write(`value: added in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
  }
  const managerId = sqlite
    .prepare('select id from staff where name = ?')
    .pluck()
    .get(MANAGER_NAME) as number;
  const pick = await app.dispatch('auth.pick', { staffId: managerId });
  if (!pick.ok) throw new Error(pick.error.message);
  const api = async <M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> => {
    const r = await app.dispatch(method, input);
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    return r.value as Output<M>;
  };
  const raw = openSqlite(app.dbFile, { readonly: true });
  const prepare = rawStatement(db, raw);
  const settings = await getValueSettings(db);
  const count = (table: string) =>
    sqlite.prepare(`select count(*) from ${table}`).pluck().get() as number;
  const scale = `${count('accounts')} accounts, ${count('contracts')} contracts, ${count('payments')} payments, ${count('account_fleet')} fleet lines`;
  const line = (name: string, m: Awaited<ReturnType<typeof measure>>): BenchResult => ({
    name: `${name} (${scale}) via dispatch + read worker vs the same statements on raw better-sqlite3 — first call ${m.cold.toFixed(0)} ms, longest event-loop delay on the main thread during the calls ${m.maxBlock.toFixed(0)} ms (target < 50 ms)`,
    value: m.keyfleet,
    unit: 'ms',
    baseline: m.raw,
    ratio: m.keyfleet / m.raw,
    target: { ratio: 1.5, max: 300 },
    loadAverage: loadAverage(),
    cpu: m.cpu,
  });

  try {
    // 1. The scorecard's first page for the manager: every account scored, 50 built.
    const first = { kaOnly: false, offset: 0, limit: 50 };
    const scorecardPage = prepare(scorecardQuery(first, settings, today, null));
    const rawScorecard = () => {
      const page = scorecardPage();
      // The page's records: a statement of its ids, built for each page as Keyfleet does.
      const ids = page.flatMap((r) => (r.id === null ? [] : [r.id]));
      return { page, records: prepare(recordsQuery(ids, settings, today))() };
    };
    const mine = await api('value.scorecard', first);
    const theirs = rawScorecard();
    same(
      'scorecard page',
      mine.rows.map((v) => [v.id, v.abc, v.rank]),
      theirs.page.map((r) => [r.id, r.abc, r.rank]),
    );
    same('scorecard total', mine.total, theirs.page[0]?.total);
    same(
      'scorecard records',
      mine.rows.map((v) => v.id).sort(),
      theirs.records.map((r) => r.id).sort(),
    );
    const card = await measure(() => api('value.scorecard', first), rawScorecard);
    results.push(
      line(
        `value.scorecard first page (50 of ${mine.total}, manager; segments ${JSON.stringify(mine.segments)})`,
        card,
      ),
    );

    // 2. One account's 交易 tab: its class and rank among every account, its records, its contracts.
    const accountId = mine.rows[0]!.id;
    const contracts = raw.prepare(
      `select id, number, status, signed_on, quantity, total_fen from contracts
        where account_id = ? order by signed_on desc, id desc limit 200`,
    );
    const place = prepare(placeQuery(accountId, settings, today, null));
    const records = prepare(recordsQuery([accountId], settings, today));
    const rawAccount = () => ({
      place: place()[0],
      records: records(),
      contracts: contracts.all(accountId),
    });
    const tab = await api('value.account', { id: accountId });
    const rawTab = rawAccount();
    same('account place', [tab.abc, tab.rank], [rawTab.place?.abc, rawTab.place?.rank]);
    same('account contracts', tab.contracts.length, rawTab.contracts.length);
    const acc = await measure(() => api('value.account', { id: accountId }), rawAccount);
    results.push(
      line(`value.account (one account's 交易 tab, class ${tab.abc}, rank ${tab.rank})`, acc),
    );

    // 3. The replacement forecast over 24 months: every due line counted by month, a page of 50.
    const forecastInput = { months: 24, offset: 0, limit: 50 };
    const q = forecastQueries(forecastInput, settings.serviceLifeYears, today, null);
    const [months, page] = [prepare(q.months), prepare(q.page)];
    const rawForecast = () => ({ months: months(), page: page() });
    const forecast = await api('value.forecast', forecastInput);
    const rawF = rawForecast();
    same(
      'forecast months',
      forecast.months,
      rawF.months.map((m) => ({ month: monthOf(m.due), lines: m.lines, units: m.units })),
    );
    same(
      'forecast page',
      forecast.rows.map((r) => [r.month, r.accountId, r.year, r.count]),
      rawF.page.map((r) => [monthOf(r.due), r.account_id, r.year, r.count]),
    );
    const fc = await measure(() => api('value.forecast', forecastInput), rawForecast);
    results.push(
      line(
        `value.forecast (24 months: ${forecast.lines} fleet lines, ${forecast.units} vehicles due, first page of 50)`,
        fc,
      ),
    );
  } finally {
    raw.close();
    await app.close();
  }
  if (!keep) fs.rmSync(dataDir, { recursive: true, force: true });
}
