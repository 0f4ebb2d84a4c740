// Runs the TypeScript job worker in tests; the app itself runs the bundled out/main/worker.js.
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS bootstrap: tsx's hooks must be installed before the worker loads */
// tsx's require hook for the worker's own imports, its ESM hook for the `import()` that loads the
// module of the job it runs (electron/jobs/registry.ts).
require('tsx/cjs');
void import('tsx/esm/api').then(({ register }) => {
  register();
  require('../../electron/jobs/worker.ts');
});
