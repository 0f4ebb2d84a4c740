/**
 * Files picked for import are copied into <data>/imports first: the wizard reads the file several
 * times (inspect, dry run, commit) and the user may move, edit or delete the original meanwhile.
 * Staged files older than a day are swept at start.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import type { StagedFile } from '../../shared/schemas/imports';
import { AppError } from '../../shared/result';

/** Far above a full-sheet workbook (≈100 MB) or CSV (≈300 MB). */
const MAX_IMPORT_BYTES = 1024 ** 3;
const KEEP_MS = 24 * 60 * 60 * 1000;
const ID = /^[0-9a-f-]{36}$/;

function importsDir(dataDir: string): string {
  return path.join(dataDir, 'imports');
}

function paths(dataDir: string, fileId: string) {
  if (!ID.test(fileId)) throw new AppError('VALIDATION', 'not a staged file id');
  const base = path.join(importsDir(dataDir), fileId);
  return { data: `${base}.bin`, meta: `${base}.json`, structure: `${base}.parts.json` };
}

function cleanName(name: string): string {
  const base = path
    .basename(name.replace(/\\/g, '/'))
    // Control characters have no place in a file name shown back to the user.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f]/g, '')
    .trim();
  return base.slice(0, 200) || 'file';
}

function record(dataDir: string, fileId: string, fileName: string): StagedFile {
  const { data, meta } = paths(dataDir, fileId);
  const staged: StagedFile = { fileId, fileName, size: fs.statSync(data).size };
  fs.writeFileSync(meta, JSON.stringify(staged));
  return staged;
}

/** Copies a picked file into staging (asynchronously: a 100 MB file must not freeze the window). */
export async function stageCopy(dataDir: string, source: string): Promise<StagedFile> {
  const size = fs.statSync(source).size;
  if (size > MAX_IMPORT_BYTES)
    throw new AppError('VALIDATION', 'the file is larger than 1 GB', { kind: 'file_too_large' });
  fs.mkdirSync(importsDir(dataDir), { recursive: true });
  const fileId = randomUUID();
  await fs.promises.copyFile(source, paths(dataDir, fileId).data);
  return record(dataDir, fileId, cleanName(source));
}

/** Writes an upload to the staging folder, refusing it past the size limit without keeping a byte. */
export async function stageStream(
  dataDir: string,
  body: NodeJS.ReadableStream,
  fileName: string,
  maxBytes = MAX_IMPORT_BYTES,
): Promise<StagedFile> {
  fs.mkdirSync(importsDir(dataDir), { recursive: true });
  const fileId = randomUUID();
  const { data } = paths(dataDir, fileId);
  const part = `${data}.part`;
  let total = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      total += chunk.length;
      if (total > maxBytes)
        done(
          new AppError('VALIDATION', 'the file is larger than 1 GB', { kind: 'file_too_large' }),
        );
      else done(null, chunk);
    },
  });
  try {
    await pipeline(body, limit, fs.createWriteStream(part));
  } catch (error) {
    fs.rmSync(part, { force: true });
    throw error instanceof AppError
      ? error
      : new AppError('IO', `the upload did not complete: ${String(error)}`, {
          kind: 'upload_failed',
        });
  }
  fs.renameSync(part, data);
  return record(dataDir, fileId, cleanName(fileName));
}

/** A staged file, its name as the user knew it, and where its workbook structure is kept between reads. */
export function stagedFile(
  dataDir: string,
  fileId: string,
): { file: string; fileName: string; structureCache: string } {
  const { data, meta, structure } = paths(dataDir, fileId);
  if (!fs.existsSync(data) || !fs.existsSync(meta))
    throw new AppError('NOT_FOUND', 'the file is no longer staged; choose it again', {
      kind: 'file_gone',
    });
  const staged = JSON.parse(fs.readFileSync(meta, 'utf8')) as StagedFile;
  return { file: data, fileName: staged.fileName, structureCache: structure };
}

export function sweepImports(dataDir: string, now = Date.now()): void {
  const dir = importsDir(dataDir);
  if (!fs.existsSync(dir)) return;
  for (const name of fs.readdirSync(dir)) {
    const file = path.join(dir, name);
    if (now - fs.statSync(file).mtimeMs > KEEP_MS) fs.rmSync(file, { force: true });
  }
}
