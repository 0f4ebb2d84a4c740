// Runs the TypeScript job worker in tests; the app itself runs the bundled out/main/worker.js.
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS bootstrap: tsx's require hook must be installed before the worker loads */
require('tsx/cjs');
require('../../electron/jobs/worker.ts');
