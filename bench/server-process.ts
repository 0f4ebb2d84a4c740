/**
 * The app as a user runs it, for the import and export benches: the built browser-mode server
 * (out/main/serve.js, `npm run build` first) in a process of its own, driven over its HTTP API as
 * the renderer drives it — files go up to POST /api/upload and come back from GET /api/files.
 *
 * `timed()` runs one piece of work on a server of its own. Its measured stretch starts at `mark()`
 * (after the server's start-up backup) and `measured()` reads, for the server process alone: its peak RSS since the mark (Linux resets the high-water
 * mark through /proc/<pid>/clear_refs), its CPU time, and its main thread's longest event-loop
 * block (bench/loop-monitor.mjs, preloaded, answers SIGUSR2).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { Input, MethodName, Output } from '../shared/api';

export const BUILT_SERVER = path.join(__dirname, '..', 'out', 'main', 'serve.js');
const MONITOR = path.join(__dirname, 'loop-monitor.mjs');
/** Clock ticks a second in /proc/<pid>/stat (USER_HZ, 100 on Linux). */
const TICKS = 100;

export interface Measured {
  peakRssMb: number;
  cpuSeconds: number;
  mainThreadBlockMs: number;
}

/** Lines a stream writes, each handed to `onLine`. */
function readLines(stream: NodeJS.ReadableStream, onLine: (line: string) => void): void {
  let rest = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop()!;
    lines.forEach(onLine);
  });
}

export class ServerProcess {
  private readonly waiting: ((line: string) => void)[] = [];
  private readonly log: string[] = [];
  private cpuAtMark = 0;

  private constructor(
    private readonly child: ChildProcess,
    private readonly base: string,
    private readonly token: string,
  ) {
    readLines(child.stderr!, (line) => {
      if (line.startsWith('loop-max ')) this.waiting.shift()?.(line);
      else this.log.push(line);
    });
  }

  /**
   * Starts the server on `dataDir`, signs in with `signIn`, and waits until its start-up backup
   * (which only a manager may list) is done.
   */
  private static async start(
    dataDir: string,
    signIn: (server: ServerProcess) => Promise<unknown>,
  ): Promise<ServerProcess> {
    const child = spawn(
      process.execPath,
      ['--import', MONITOR, BUILT_SERVER, '--port', '0', '--data-dir', dataDir],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const url = await new Promise<URL>((resolve, reject) => {
      readLines(child.stdout!, (line) => {
        const m = /^Keyfleet: (\S+)/.exec(line);
        if (m) resolve(new URL(m[1]!));
      });
      child.once('exit', (code) =>
        reject(new Error(`the server exited (${code}) before it answered`)),
      );
    });
    const server = new ServerProcess(child, url.origin, url.searchParams.get('token')!);
    try {
      await signIn(server);
      await server.startupBackup();
    } catch (error) {
      await server.stop();
      throw error;
    }
    return server;
  }

  private get auth() {
    return { authorization: `Bearer ${this.token}` };
  }

  async call<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> {
    const res = await fetch(`${this.base}/api/${method}`, {
      method: 'POST',
      headers: { ...this.auth, 'content-type': 'application/json' },
      body: JSON.stringify(input),
    });
    const r = (await res.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
    if (!r.ok) throw new Error(`${method}: ${r.error?.message}`);
    return r.value as Output<M>;
  }

  /** Uploads a file as the browser does; its file id. */
  async upload(file: string): Promise<string> {
    const name = encodeURIComponent(path.basename(file));
    const res = await fetch(`${this.base}/api/upload?name=${name}`, {
      method: 'POST',
      headers: this.auth,
      body: await fs.promises.readFile(file),
    });
    const r = (await res.json()) as { ok: boolean; value?: { fileId: string } };
    if (!r.ok || !r.value) throw new Error(`the upload of ${file} failed: ${JSON.stringify(r)}`);
    return r.value.fileId;
  }

  /** Saves a download (an export's `/api/files/…` address) to `to`. */
  async download(url: string, to: string): Promise<void> {
    const res = await fetch(`${this.base}${url}`, { headers: this.auth });
    if (!res.ok || !res.body) throw new Error(`the download of ${url} failed: ${res.status}`);
    await pipeline(
      Readable.fromWeb(res.body as WebReadableStream<Uint8Array>),
      fs.createWriteStream(to),
    );
  }

  /** Waits for a job (polling, as the renderer's progress bar does); throws unless it finished well. */
  async finished(jobId: string): Promise<void> {
    for (;;) {
      const job = await this.call('jobs.get', { id: jobId });
      if (job.state === 'done') return;
      if (job.state !== 'running')
        throw new Error(`the ${job.kind} job ended ${job.state}: ${JSON.stringify(job.error)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** The daily backup the server takes as it starts (none when the data has a recent one). */
  private async startupBackup(): Promise<void> {
    for (;;) {
      const { backups } = await this.call('backups.list', {});
      if (backups.some((b) => b.kind === 'scheduled' && b.verified === 'ok')) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  private stat(): string {
    return fs.readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
  }

  private cpuTicks(): number {
    // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
    const fields = fs
      .readFileSync(`/proc/${this.child.pid}/stat`, 'utf8')
      .split(') ')[1]!
      .split(' ');
    return Number(fields[11]) + Number(fields[12]);
  }

  private longestBlock(): Promise<number> {
    if (this.child.exitCode !== null)
      throw new Error(`the server exited (${this.child.exitCode}):\n${this.logged()}`);
    return new Promise((resolve) => {
      this.waiting.push((line) => resolve(Number(line.slice('loop-max '.length))));
      this.child.kill('SIGUSR2');
    });
  }

  /** Starts a measured stretch. */
  private async mark(): Promise<void> {
    fs.writeFileSync(`/proc/${this.child.pid}/clear_refs`, '5');
    await this.longestBlock();
    this.cpuAtMark = this.cpuTicks();
  }

  /** What the server used since `mark()`. */
  private async measured(): Promise<Measured> {
    const mainThreadBlockMs = await this.longestBlock();
    const peak = /^VmHWM:\s+(\d+) kB/m.exec(this.stat());
    return {
      peakRssMb: Number(peak?.[1] ?? NaN) / 1024,
      cpuSeconds: (this.cpuTicks() - this.cpuAtMark) / TICKS,
      mainThreadBlockMs,
    };
  }

  /**
   * One measured piece of work on a server of its own: started on `dataDir` and signed in with
   * `signIn`, then `work` timed from the mark, then stopped. Its result with the wall time and
   * what the server used; a failure carries what the server logged.
   */
  static async timed<T>(
    dataDir: string,
    signIn: (server: ServerProcess) => Promise<unknown>,
    work: (server: ServerProcess) => Promise<T>,
  ): Promise<T & Measured & { seconds: number }> {
    const server = await ServerProcess.start(dataDir, signIn);
    try {
      await server.mark();
      const started = performance.now();
      const result = await work(server);
      const seconds = (performance.now() - started) / 1000;
      return { ...result, seconds, ...(await server.measured()) };
    } catch (error) {
      throw new Error(`${String(error)}\n${server.logged()}`);
    } finally {
      await server.stop();
    }
  }

  /** Stops the server (it takes its backup at quit) and waits for it to exit. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGTERM');
    await exited;
  }

  /** What the server logged (for an error message). */
  logged(): string {
    return this.log.join('\n');
  }
}
