/**
 * `npm run loadtest -- --users 50 --minutes 2 [--accounts 2000] [--speed 10] [--job-every 30]`:
 * starts the built team server (out/main/serve.js) on a temporary data folder with demo data,
 * gives the team logins, and lets `users` signed-in staff work over HTTPS at `speed` times a
 * person's pace (one import and one export by the team every `job-every` seconds). Then it stops
 * the server and looks in the database for every write that was acknowledged.
 *
 * Prints p50/p99/max per kind of request, errors, retries and lost writes, with the load average
 * beside them, and each target met or MISSED; adds its lines to bench/out/latest.json. It is a
 * benchmark: a missed target does not fail the command, only a failure of the harness does.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Output } from '../shared/api';
import { type BenchResult, writeResults } from './harness';
import { Client, pinnedCertificate, type Server } from './load/client';
import { ms, Recorder, type RequestClass, summarize, table } from './load/stats';
import { setUpTeam } from './load/team';
import { emptyLedger, KINDS, SimulatedUser, sleep } from './load/user';
import { verifyLedger } from './load/verify';
import { Random } from '../electron/demo/random';

const root = path.resolve(__dirname, '..');
const TARGETS = { readP99: 200, writeP99: 300 };

function options() {
  const { values } = parseArgs({
    options: {
      users: { type: 'string', default: '50' },
      minutes: { type: 'string', default: '2' },
      accounts: { type: 'string', default: '2000' },
      speed: { type: 'string', default: '10' },
      'job-every': { type: 'string', default: '30' },
      keep: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const number = (name: keyof typeof values, min: number) => {
    const n = Number(values[name]);
    if (!Number.isFinite(n) || n < min) throw new Error(`--${name} must be a number ≥ ${min}`);
    return n;
  };
  return {
    users: Math.floor(number('users', 2)),
    minutes: number('minutes', 0.1),
    accounts: Math.floor(number('accounts', 100)),
    speed: number('speed', 1),
    jobEvery: number('job-every', 1),
    keep: values.keep,
  };
}

const t0 = performance.now();
const log = (m: string) =>
  process.stderr.write(`[${((performance.now() - t0) / 1000).toFixed(0)} s] ${m}\n`);
const loadAverage = () => os.loadavg().map((n) => Math.round(n * 100) / 100);
const showLoad = (l: number[]) =>
  `load average ${l.map((n) => n.toFixed(2)).join(' ')} (${os.cpus().length} cores)`;

/** Builds the app when out/ is missing or stale, as `npm run serve` does. */
function ensureBuilt(): void {
  const built = spawnSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      "import('./scripts/build-if-needed.mjs').then((m) => m.ensureBuilt())",
    ],
    { cwd: root, stdio: 'inherit' },
  );
  if (built.status !== 0)
    throw new Error('the build failed: run `npm run build` and look at its errors');
}

interface Started {
  child: ChildProcess;
  host: string;
  port: number;
  fingerprint: string;
  stderr: () => string;
}

function startServer(dataDir: string, accounts: number, adminPassword: string): Promise<Started> {
  const child = spawn(
    process.execPath,
    [
      path.join(root, 'out/main/serve.js'),
      '--team',
      '--host',
      '127.0.0.1',
      '--port',
      '0',
      '--data-dir',
      dataDir,
      '--demo',
      '--demo-accounts',
      String(accounts),
    ],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, KEYFLEET_ADMIN_PASSWORD: adminPassword },
    },
  );
  let out = '';
  let err = '';
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const url = /Keyfleet team server: https:\/\/([\d.]+):(\d+)\//.exec(out);
      const fp = /Keyfleet certificate SHA-256: ([0-9A-F:]+)/.exec(out);
      if (url && fp)
        resolve({
          child,
          host: url[1]!,
          port: Number(url[2]),
          fingerprint: fp[1]!,
          stderr: () => err,
        });
    });
    child.on('exit', (code) => reject(new Error(`the team server exited (${code}): ${err}`)));
  });
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

/** CPU seconds a process has used so far (user + system), from /proc; null elsewhere. */
function cpuSeconds(pid: number): number | null {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

function peakRssMbOf(pid: number): number | null {
  try {
    const kb = /VmHWM:\s*(\d+)\s*kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : null;
  } catch {
    return null;
  }
}

async function main(): Promise<void> {
  const o = options();
  ensureBuilt();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'keyfleet-load-'));
  const adminPassword = `Kf-root-${randomBytes(9).toString('base64url')}`;
  log(`starting a team server with ${o.accounts} demo accounts in ${dataDir}…`);
  const server = await startServer(dataDir, o.accounts, adminPassword);
  let serverGone = false;
  server.child.on('exit', () => (serverGone = true));
  const target: Server = {
    host: server.host,
    port: server.port,
    fingerprint: server.fingerprint,
    ca: await pinnedCertificate(server.host, server.port, server.fingerprint),
  };
  try {
    const admin = new Client(target, null);
    admin.token = (
      await admin.value<Output<'auth.signIn'>>('auth.signIn', {
        login: 'admin',
        password: adminPassword,
      })
    ).token;
    const setupStarted = performance.now();
    const people = await setUpTeam({
      admin,
      newClient: () => new Client(target, null),
      users: o.users,
      accountsEach: Math.min(25, Math.floor(o.accounts / o.users / 2)),
      log,
    });
    log(
      `team ready in ${((performance.now() - setupStarted) / 1000).toFixed(0)} s: ${people.length} people`,
    );

    const recorder = new Recorder((kind) => KINDS[kind] ?? 'read');
    const ledger = emptyLedger();
    const runTag = randomBytes(3).toString('hex');
    const clients = people.map(() => new Client(target, recorder));
    const users = people.map(
      (p, i) =>
        new SimulatedUser(p, clients[i]!, recorder, ledger, {
          speed: o.speed,
          seed: 1000 + i,
          runTag,
        }),
    );

    // The floor this machine gives right now: one person alone, one request after another.
    const alone: number[] = [];
    for (let i = 0; i < 40; i++) {
      const t = performance.now();
      await admin.value('accounts.list', {
        offset: (i % 3) * 100,
        limit: 100,
        sort: [{ field: i % 2 ? 'name' : 'updatedAt', desc: i % 2 === 0 }],
      });
      alone.push(performance.now() - t);
    }
    const floor = summarize(alone);

    const durationMs = o.minutes * 60_000;
    const loadBefore = loadAverage();
    const serverCpuBefore = cpuSeconds(server.child.pid!);
    const clientCpuBefore = process.cpuUsage();
    const started = Date.now();
    recorder.startedAt = performance.now();
    const deadline = started + durationMs;
    log(`${o.users} users for ${o.minutes} min at ${o.speed}× speed; ${showLoad(loadBefore)}`);

    // People arrive over the first tenth of the run (at most 10 s), not all in the same instant.
    const ramp = Math.min(10_000, durationMs / 10);
    const running = users.map(async (u, i) => {
      await sleep((ramp * i) / users.length);
      await u.run(deadline);
    });
    // The team's imports and exports: one of each every `job-every` seconds, by someone.
    const random = new Random(7);
    const specialists = users.filter((_, i) => people[i]!.role === 'specialist');
    const jobTimers: NodeJS.Timeout[] = [];
    const everyMs = o.jobEvery * 1000;
    for (let t = everyMs / 2; t < durationMs - 5000; t += everyMs) {
      jobTimers.push(setTimeout(() => random.pick(specialists).jobs.push({ kind: 'import' }), t));
      const e = t + everyMs / 2;
      if (e < durationMs - 5000)
        jobTimers.push(setTimeout(() => random.pick(users).jobs.push({ kind: 'export' }), e));
    }
    const loadSamples: number[][] = [];
    const sampler = setInterval(() => loadSamples.push(loadAverage()), 10_000);
    await Promise.all(running);
    clearInterval(sampler);
    jobTimers.forEach(clearTimeout);
    const elapsed = (Date.now() - started) / 1000;
    const loadAfter = loadAverage();
    const clientCpu = process.cpuUsage(clientCpuBefore);
    const serverCpuAfter = cpuSeconds(server.child.pid!);
    const serverRss = peakRssMbOf(server.child.pid!);
    for (const c of clients) c.close();

    const audit = serverGone
      ? null
      : await admin.call<Output<'audit.verify'>>(null, 'audit.verify', {});
    const crashed = serverGone;
    admin.close();
    await stopServer(server.child);
    const verification = verifyLedger(path.join(dataDir, 'keyfleet.sqlite'), ledger);

    // The report.
    const classes: RequestClass[] = ['read', 'write', 'auth', 'job'];
    const kinds = recorder
      .kinds()
      .sort(
        (a, b) =>
          classes.indexOf(recorder.classOfKind(a)) - classes.indexOf(recorder.classOfKind(b)),
      );
    const rows = kinds.map((k) => {
      const s = summarize(recorder.latencies(k));
      return [
        k,
        recorder.classOfKind(k),
        s.count,
        ms(s.p50),
        ms(s.p99),
        ms(s.max),
        recorder.errorsOf(k),
        recorder.retriedOf(k),
      ];
    });
    const byClass = classes.map((c) => {
      const s = summarize(recorder.classLatencies(c));
      return { cls: c, ...s };
    });
    const total = byClass.filter((c) => c.cls !== 'job').reduce((n, c) => n + c.count, 0);
    console.log(
      `\nKeyfleet load test: ${o.users} users (${people.filter((p) => p.role === 'manager').length} managers), ${o.minutes} min at ${o.speed}× a person's pace, ${o.accounts} demo accounts, HTTPS on 127.0.0.1`,
    );
    console.log(
      table(
        ['kind', 'class', 'n', 'p50 ms', 'p99 ms', 'max ms', 'errors', 'retried'],
        [
          ...rows,
          ...byClass
            .filter((c) => c.count > 0)
            .map((c) => [`all ${c.cls}s`, c.cls, c.count, ms(c.p50), ms(c.p99), ms(c.max), '', '']),
        ],
      ),
    );
    console.log(
      `requests: ${total} in ${elapsed.toFixed(0)} s (${(total / elapsed).toFixed(1)}/s); retried after 'busy': ${recorder.retried} (${recorder.retriedInVain} still busy)`,
    );
    // Where the time went: the same figures alone, by stretch of the run, and the slowest answers.
    console.log(
      `one user alone before the run (accounts.list page, 40 in a row): p50 ${ms(floor.p50)} ms, p99 ${ms(floor.p99)} ms`,
    );
    const signedInBy = recorder.lastAt('auth.signIn');
    const afterRamp = summarize(recorder.classLatencies('read', signedInBy));
    const afterRampW = summarize(recorder.classLatencies('write', signedInBy));
    console.log(
      `after the last sign-in (${(signedInBy / 1000).toFixed(0)} s in): reads p50 ${ms(afterRamp.p50)} / p99 ${ms(afterRamp.p99)} ms (n ${afterRamp.count}), writes p50 ${ms(afterRampW.p50)} / p99 ${ms(afterRampW.p99)} ms (n ${afterRampW.count})`,
    );
    const windowMs = 20_000;
    const windows: (string | number)[][] = [];
    for (let from = 0; from < elapsed * 1000; from += windowMs) {
      const r = summarize(recorder.classLatencies('read', from, from + windowMs));
      const w = summarize(recorder.classLatencies('write', from, from + windowMs));
      const a = recorder.classLatencies('auth', from, from + windowMs).length;
      if (r.count + w.count + a === 0) continue;
      windows.push([
        `${from / 1000}–${(from + windowMs) / 1000} s`,
        a,
        r.count,
        ms(r.p50),
        ms(r.p99),
        w.count,
        ms(w.p50),
        ms(w.p99),
      ]);
    }
    console.log(
      table(['stretch', 'sign-ins', 'reads', 'p50', 'p99', 'writes', 'p50', 'p99'], windows),
    );
    const spans = (kind: string) =>
      recorder
        .spans(kind)
        .map(([a, b]) => `${(a / 1000).toFixed(0)}–${(b / 1000).toFixed(0)} s`)
        .join(', ') || 'none';
    console.log(
      `imports ran ${spans('import: upload → committed')}; exports ran ${spans('export: request → file')}`,
    );
    const slow = [...recorder.slowest('read', 5), ...recorder.slowest('write', 5)]
      .sort((a, b) => b.ms - a.ms)
      .map((x) => `${x.kind} ${ms(x.ms)} ms at ${(x.at / 1000).toFixed(0)} s`);
    console.log(`slowest: ${slow.join('; ')}`);
    if (recorder.resent > 0)
      console.log(
        `sent again after a kept-alive connection closed under them (as a browser does): ${recorder.resent}`,
      );
    const errors = recorder.errorCount();
    console.log(`errors: ${errors}`);
    for (const e of recorder.errorList())
      console.log(
        `  ${e.count} × ${e.kind}: ${e.code}${e.detail ? ` ${e.detail}` : ''} — ${e.message}`,
      );
    console.log(
      `writes acknowledged: ${verification.acknowledged} (activities ${ledger.activities.size}, opportunities ${ledger.opportunities.size}, claims ${ledger.claims.size}, imported accounts ${ledger.importedAccounts.length}); unacknowledged: ${ledger.unacknowledged}; lost: ${verification.lost.length}`,
    );
    for (const l of verification.lost.slice(0, 10)) console.log(`  lost: ${l.table} ${l.id}`);
    if (audit)
      console.log(`audit chain: ${audit.ok ? JSON.stringify(audit.value) : audit.error.message}`);
    if (crashed) console.log('THE SERVER EXITED DURING THE RUN:\n' + server.stderr().slice(-2000));
    const peakLoad = Math.max(...[loadBefore, ...loadSamples, loadAfter].map((l) => l[0]!));
    console.log(
      `${showLoad(loadBefore)} at the start, ${loadAfter.map((n) => n.toFixed(2)).join(' ')} at the end, 1-min peak ${peakLoad.toFixed(2)}`,
    );
    if (serverCpuBefore !== null && serverCpuAfter !== null)
      console.log(
        `CPU: server ${(serverCpuAfter - serverCpuBefore).toFixed(1)} s (${(((serverCpuAfter - serverCpuBefore) / elapsed) * 100).toFixed(0)}% of a core), load client ${((clientCpu.user + clientCpu.system) / 1e6).toFixed(1)} s${serverRss ? `; server peak RSS ${serverRss.toFixed(0)} MB` : ''}`,
      );

    const read = byClass.find((c) => c.cls === 'read')!;
    const write = byClass.find((c) => c.cls === 'write')!;
    const label = `load test (${o.users} users, ${o.minutes} min at ${o.speed}× speed, ${o.accounts} accounts, HTTPS)`;
    const results: BenchResult[] = [
      line(
        `${label}: reads p99 (n ${read.count}, p50 ${ms(read.p50)} ms)`,
        read.p99,
        'ms',
        TARGETS.readP99,
      ),
      line(
        `${label}: writes p99 (n ${write.count}, p50 ${ms(write.p50)} ms)`,
        write.p99,
        'ms',
        TARGETS.writeP99,
      ),
      line(`${label}: errors (${recorder.retried} retried after busy)`, errors, 'requests', 0),
      line(
        `${label}: lost writes (of ${verification.acknowledged} acknowledged)`,
        verification.lost.length,
        'writes',
        0,
      ),
    ].map((r) => ({ ...r, loadAverage: loadAfter }));
    for (const r of results) {
      const met = r.value <= r.target!.max!;
      console.log(
        `${r.name}: ${r.unit === 'ms' ? ms(r.value) : r.value} ${r.unit} — target ≤ ${r.target!.max} ${met ? 'met' : 'MISSED'}`,
      );
    }
    writeResults(results, 'loadtest');
    log('results added to bench/out/latest.json');
  } finally {
    await stopServer(server.child);
    if (o.keep) log(`data folder kept: ${dataDir}`);
    else fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

function line(name: string, value: number, unit: string, max: number): BenchResult {
  return { name, value, unit, baseline: null, ratio: null, target: { max } };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
