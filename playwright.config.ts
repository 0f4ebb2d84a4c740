import fs from 'node:fs';
import { defineConfig } from '@playwright/test';

// Debian's Chromium: Playwright's own browser download is not possible on every machine. Its
// headless shell (the package chromium-headless-shell, what Playwright itself runs headless) is
// lighter than the full browser; the full one is the fallback.
const executablePath =
  process.env.CHROMIUM_PATH ??
  ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'].find((p) => fs.existsSync(p)) ??
  '/usr/bin/chromium';

export default defineConfig({
  testDir: 'test/e2e',
  globalSetup: './test/e2e/global-setup.ts',
  outputDir: 'test-results',
  // Each test is a whole workflow of up to a hundred steps. What catches a hang is the wait for
  // each state (10 s; 30 s after a job); this only bounds a whole scenario on a loaded 2-core
  // machine (measured: the longest 22 s when quiet, 54 s with another process on one core).
  timeout: 120_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  // One at a time: each test runs a browser and its own server, and on a 2-core machine two of
  // them at once took 6.9 min against 5.4 min for one (every step 2-3x slower, timeouts hit).
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    // As a user who turned animations off: every drawer and dialog is there at once, and a waiting
    // test does not keep a software-rendering browser painting transition frames.
    reducedMotion: 'reduce',
    viewport: { width: 1440, height: 900 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [
    { name: 'browser', testIgnore: /electron\.spec\.ts/ },
    { name: 'electron', testMatch: /electron\.spec\.ts/ },
  ],
});
