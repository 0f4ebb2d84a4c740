/**
 * The first load in browser mode (issue 16, "First load"): from the address typed to the first
 * screen a person acts on — 你是谁 with its names to pick, the solo sign-in — drawn and
 * clickable, with a cold cache each round (a fresh browser context), and the scripts that load
 * moved over the wire (compressed) and after decoding. The median of the rounds.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../electron/app/create-app';
import { launchChromium, serve, stop } from './browser';
import { type BenchResult, median } from './harness';
import { loadAverage } from './job-start';

const ROUNDS = Number(process.env.BENCH_FIRST_LOAD_ROUNDS ?? 7);
const WORKER = path.join(__dirname, '..', 'out', 'main', 'worker.js');

export async function benchFirstLoad(results: BenchResult[]): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'keyfleet-bench-load-'));
  // A data folder with a person to pick and the demo offer declined: the everyday first screen.
  const app = await createApp({ dataDir, mode: 'browser', worker: { file: WORKER } });
  for (const [method, input] of [
    ['auth.setUp', { name: '王芳', role: 'manager' }],
    ['demo.decline', {}],
  ] as const) {
    const r = await app.dispatch(method, input);
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  }
  await app.close();

  const { url, child } = await serve(dataDir);
  const browser = await launchChromium();
  try {
    const times: number[] = [];
    const wire: number[] = [];
    const decoded: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const context = await browser.newContext({ locale: 'zh-CN' });
      const page = await context.newPage();
      const scripts: Promise<{ wire: number; decoded: number }>[] = [];
      page.on('response', (response) => {
        if (response.request().resourceType() !== 'script') return;
        scripts.push(
          Promise.all([response.request().sizes(), response.body()]).then(([sizes, body]) => ({
            wire: sizes.responseBodySize,
            decoded: body.length,
          })),
        );
      });
      const t = performance.now();
      await page.goto(url);
      const pick = page.locator('[data-testid^="staff-option-"]').first();
      await pick.waitFor();
      // Clickable: the handler is attached and nothing covers it.
      await pick.click({ trial: true });
      times.push(performance.now() - t);
      const sizes = await Promise.all(scripts);
      wire.push(sizes.reduce((n, s) => n + s.wire, 0));
      decoded.push(sizes.reduce((n, s) => n + s.decoded, 0));
      await context.close();
    }
    results.push(
      {
        name: `first load in browser mode (Chromium, cold cache): address → 你是谁 drawn and clickable (${ROUNDS} rounds, range ${Math.min(...times).toFixed(0)}–${Math.max(...times).toFixed(0)} ms)`,
        value: median(times),
        unit: 'ms',
        baseline: null,
        ratio: null,
        target: { max: 1000 },
        loadAverage: loadAverage(),
      },
      {
        name: `first load's scripts over the wire (compressed; ${(median(decoded) / 1024).toFixed(0)} KB once decoded)`,
        value: median(wire) / 1024,
        unit: 'KB',
        baseline: null,
        ratio: null,
        target: { max: 1024 },
        loadAverage: loadAverage(),
      },
    );
  } finally {
    await browser.close();
    await stop(child);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
