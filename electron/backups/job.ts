/**
 * The backup jobs, in a worker thread with progress and cancel: `backups.create` (one online
 * backup) and `backups.exportAll` (the export-all archive: database, documents, manifest).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BackupEntry, BackupKind, BackupRotation } from '../../shared/schemas/backups';
import { documentsDir } from '../documents/store';
import type { JobFunction } from '../jobs/context';
import { auditKeyPath } from '../audit/key';
import { ARCHIVE_DB, ARCHIVE_KEY, writeArchive } from './archive';
import { copyDatabase } from './take';
import { takeBackup } from './take';

export interface BackupJobParams {
  dir: string;
  kind: Extract<BackupKind, 'scheduled' | 'manual'>;
  /** ISO time it is taken at, from the business clock of the thread that asked. */
  at: string;
  rotation?: BackupRotation;
  nativeBinding?: string | undefined;
}

export const backupJob: JobFunction<BackupJobParams> = async (ctx) => {
  const entry: BackupEntry = await takeBackup(ctx.sqlite, {
    dir: ctx.params.dir,
    kind: ctx.params.kind,
    at: new Date(ctx.params.at),
    nativeBinding: ctx.params.nativeBinding,
    ...(ctx.params.rotation ? { rotation: ctx.params.rotation } : {}),
    progress: (done, total) => {
      ctx.checkCancelled();
      ctx.progress(done, total);
    },
  });
  return { result: entry, message: entry.fileName };
};

export interface ExportAllParams {
  dataDir: string;
  /** The archive to write (in the exports folder, delivered with `exports.deliver`). */
  file: string;
  fileName: string;
  at: string;
  version: string;
  nativeBinding?: string | undefined;
}

const DOCUMENT = /^[0-9a-f]{64}$/;

/** Progress counts the database copy as its pages and each document as one step. */
export const exportAllJob: JobFunction<ExportAllParams> = async (ctx) => {
  const { dataDir, file, at, version } = ctx.params;
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.sqlite.partial`);
  const docsDir = documentsDir(dataDir);
  const docs = fs.existsSync(docsDir)
    ? fs.readdirSync(docsDir).filter((n) => DOCUMENT.test(n))
    : [];
  try {
    let pages = 0;
    const check = await copyDatabase(ctx.sqlite, temp, {
      nativeBinding: ctx.params.nativeBinding,
      progress: (done, total) => {
        ctx.checkCancelled();
        pages = total;
        ctx.progress(done, total + docs.length + 1);
      },
    });
    if (check.verified !== 'ok')
      throw new Error(`the database copy failed its check (${check.reason})`);
    const manifest = await writeArchive(
      file,
      {
        format: 'keyfleet-export-1',
        app: 'Keyfleet',
        version,
        takenAt: at,
        schema: check.schema,
        auditHead: check.auditHead,
        counts: check.counts,
      },
      [
        { name: ARCHIVE_DB, file: temp },
        ...(fs.existsSync(auditKeyPath(dataDir))
          ? [{ name: ARCHIVE_KEY, file: auditKeyPath(dataDir) }]
          : []),
        ...docs.map((n) => ({ name: `documents/${n}`, file: path.join(docsDir, n) })),
      ],
      (done, total) => {
        ctx.checkCancelled();
        ctx.progress(pages + done, pages + total);
      },
    );
    return {
      result: {
        fileName: ctx.params.fileName,
        bytes: fs.statSync(file).size,
        documents: docs.length,
        auditHead: manifest.auditHead,
        counts: manifest.counts,
      },
      message: ctx.params.fileName,
    };
  } finally {
    fs.rmSync(temp, { force: true });
  }
};
