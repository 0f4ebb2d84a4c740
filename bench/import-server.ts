/**
 * Keyfleet's side of the import benches: the wizard's steps on the built server, as a user takes
 * them in browser mode — the file goes up to POST /api/upload, `imports.inspect` runs, then
 * `imports.run` commits with the mapping the inspection suggested (after the backup a commit
 * takes first). The server is started on `<data folder>/keyfleet.sqlite` for this one import, so
 * it starts cold and its peak RSS is its own.
 */
import path from 'node:path';
import { type ImportChildResult, accountsHash } from './import-child';
import { ServerProcess } from './server-process';

export async function importOnServer(dbFile: string, file: string): Promise<ImportChildResult> {
  if (path.basename(dbFile) !== 'keyfleet.sqlite')
    throw new Error('the server needs <data folder>/keyfleet.sqlite');
  const result = await ServerProcess.timed(
    path.dirname(dbFile),
    (server) => server.call('auth.setUp', { name: '基准测试', role: 'manager' }),
    async (server) => {
      const fileId = await server.upload(file);
      const { jobId: inspectJob } = await server.call('imports.inspect', {
        fileId,
        target: 'accounts',
      });
      await server.finished(inspectJob);
      const inspection = await server.call('imports.inspection', { jobId: inspectJob });
      const sheet = inspection.sheets[0]!;
      const { jobId } = await server.call('imports.run', {
        target: 'accounts',
        fileId,
        sheet: sheet.name,
        headerRow: sheet.headerRow!,
        columns: sheet.columns.map((c) => ({ index: c.index, field: c.field })),
        mode: 'commit',
        policy: 'allOrNothing',
      });
      await server.finished(jobId);
      const summary = await server.call('imports.summary', { jobId });
      if (summary.reject > 0) throw new Error(`the import rejected ${summary.reject} rows`);
      return { format: inspection.format };
    },
  );
  const { count, hash } = accountsHash(dbFile);
  return { ...result, created: count, hash };
}
