import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Inspection, ImportSummary } from '../../shared/schemas/imports';
import { AppError } from '../../shared/result';
import type { Deps } from '../app/deps';
import { exportsDir, stamp } from '../exports/handlers';
import type { JobKind } from '../jobs/registry';
import type { Handlers } from '../transport/dispatch';
import type { ImportParams } from './run-import';
import { backupDir } from '../backups/records';
import { isoNow } from '../../shared/clock';
import type { InspectParams } from './inspect';
import type { RejectsParams } from './rejects-export';
import {
  deleteMapping,
  importReport,
  listMappings,
  requireOwnRun,
  saveMapping,
} from './repository';
import { stageCopy, stagedFile } from './staging';

type ImportHandlers = Pick<
  Handlers,
  | 'imports.choose'
  | 'imports.inspect'
  | 'imports.inspection'
  | 'imports.run'
  | 'imports.summary'
  | 'imports.report'
  | 'imports.rejects'
  | 'imports.mappings'
  | 'imports.saveMapping'
  | 'imports.deleteMapping'
>;

const IMPORT_JOBS = {
  accounts: 'accounts.import',
  contacts: 'contacts.import',
  tenders: 'tenders.import',
  prices: 'prices.import',
  payments: 'payments.import',
} as const satisfies Record<string, JobKind>;
const IMPORT_JOB_KINDS: readonly JobKind[] = Object.values(IMPORT_JOBS);

export function importHandlers(deps: Deps): ImportHandlers {
  const { db, dataDir, jobs, chooseFile, exportFiles } = deps;

  /** The result of a finished job of the given kind; a clear CONFLICT while it is not finished. */
  const finished = (jobId: string, kind: JobKind, userId: number | null): unknown => {
    const job = jobs.get(jobId, userId);
    if (job.kind !== kind) throw new AppError('NOT_FOUND', `no ${kind} job ${jobId}`);
    if (job.state !== 'done')
      throw new AppError('CONFLICT', `the job is ${job.state}`, {
        kind: 'job_not_done',
        state: job.state,
      });
    return jobs.result(jobId, userId);
  };

  return {
    'imports.choose': async (_input, { session }) => {
      session.requireUser();
      if (!chooseFile)
        throw new AppError('CONFLICT', 'in browser mode files are uploaded (POST /api/upload)', {
          kind: 'use_upload',
        });
      const picked = await chooseFile();
      return picked === null ? null : await stageCopy(dataDir, picked);
    },
    'imports.inspect': async ({ fileId, target, encoding }, { session }) => {
      const user = session.requireUser();
      const params: InspectParams = { fileId, target, encoding, ...stagedFile(dataDir, fileId) };
      return { jobId: jobs.start('import.inspect', params, user.id).id };
    },
    'imports.inspection': async ({ jobId }, { session }) =>
      finished(jobId, 'import.inspect', session.user?.id ?? null) as Inspection,
    'imports.run': async (input, { session }) => {
      // The price guard rests on the price list: only managers replace it from a file.
      const user = input.target === 'prices' ? session.requireManager() : session.requireUser();
      const params: ImportParams = {
        input,
        ...stagedFile(dataDir, input.fileId),
        backup: {
          dir: backupDir(dataDir),
          at: isoNow(deps.clock),
          rotation: deps.backupRotation,
          nativeBinding: deps.nativeBinding,
        },
      };
      return { jobId: jobs.start(IMPORT_JOBS[input.target], params, user.id).id };
    },
    'imports.summary': async ({ jobId }, { session }) => {
      const userId = session.user?.id ?? null;
      const kind = jobs.get(jobId, userId).kind;
      return finished(
        jobId,
        IMPORT_JOB_KINDS.find((k) => k === kind) ?? 'accounts.import',
        userId,
      ) as ImportSummary;
    },
    'imports.report': async (query, { session }) =>
      importReport(db, session.requireUser().id, query),
    'imports.rejects': async ({ runId, lang }, { session }) => {
      const user = session.requireUser();
      await requireOwnRun(db, runId, user.id);
      fs.mkdirSync(exportsDir(dataDir), { recursive: true });
      const file = path.join(exportsDir(dataDir), `${randomUUID()}.xlsx`);
      const fileName = `${lang === 'en' ? 'rejected-rows' : '被拒绝的行'}-${stamp(deps.clock, 'Asia/Shanghai')}.xlsx`;
      const params: RejectsParams = { runId, lang, file, fileName, actorName: user.name };
      const job = jobs.start('import.rejects', params, user.id);
      exportFiles.set(job.id, { file, fileName });
      return { jobId: job.id };
    },
    'imports.mappings': async ({ target }, { session }) => {
      session.requireUser();
      return listMappings(db, target);
    },
    'imports.saveMapping': async (input, { session }) =>
      saveMapping(db, deps.clock, session.requireUser().id, input),
    'imports.deleteMapping': async ({ id }, { session }) => {
      session.requireUser();
      await deleteMapping(db, id);
      return { done: true as const };
    },
  };
}
