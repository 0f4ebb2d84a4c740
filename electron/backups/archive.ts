/**
 * "Export all data": one zip archive — an online backup of the database, every document file and
 * manifest.json (app version, schema, audit head, counts, and each file's size and SHA-256) —
 * which a restore accepts on another computer. Reading one checks every file against the
 * manifest and takes only the names an export writes (no paths out of the folder).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import JSZip from 'jszip';
import { AppError } from '../../shared/result';
import type { AuditHead } from '../audit/head';
import { syncDir, syncFile } from './records';

export const ARCHIVE_DB = 'keyfleet.sqlite';
const ARCHIVE_MANIFEST = 'manifest.json';
const DOCUMENT = /^documents\/[0-9a-f]{64}$/;
/** The audit chain's key travels with the data: without it the keyed entries cannot be verified. */
export const ARCHIVE_KEY = 'audit.key';

interface ArchiveFile {
  path: string;
  bytes: number;
  sha256: string;
}

interface ArchiveManifest {
  format: 'keyfleet-export-1';
  app: 'Keyfleet';
  version: string;
  takenAt: string;
  schema: string | null;
  auditHead: AuditHead | null;
  counts: Record<string, number>;
  files: ArchiveFile[];
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(fs.createReadStream(file), hash);
  return hash.digest('hex');
}

/** Whether `file` starts like a zip archive (rather than a SQLite file). */
export function isZip(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(4);
    fs.readSync(fd, head, 0, 4, 0);
    return head.readUInt32LE(0) === 0x04034b50;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Writes the archive to `target` (via a temp name, flushed, renamed). `files` maps names in the
 * archive to files on disk; `step` is called after each file (progress and cancel).
 */
export async function writeArchive(
  target: string,
  manifest: Omit<ArchiveManifest, 'files'>,
  files: { name: string; file: string }[],
  step: (done: number, total: number) => void,
): Promise<ArchiveManifest> {
  const zip = new JSZip();
  const listed: ArchiveFile[] = [];
  for (const [i, { name, file }] of files.entries()) {
    listed.push({ path: name, bytes: fs.statSync(file).size, sha256: await sha256Of(file) });
    zip.file(name, fs.createReadStream(file), { binary: true });
    step(i + 1, files.length + 1);
  }
  const full: ArchiveManifest = { ...manifest, files: listed };
  zip.file(ARCHIVE_MANIFEST, JSON.stringify(full, null, 2));
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.partial`);
  try {
    await pipeline(
      zip.generateNodeStream({ type: 'nodebuffer', streamFiles: true, compression: 'DEFLATE' }),
      fs.createWriteStream(temp),
    );
    syncFile(temp);
    fs.renameSync(temp, target);
    syncDir(path.dirname(target));
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
  step(files.length + 1, files.length + 1);
  return full;
}

const refused = (reason: string, message: string) =>
  new AppError('VALIDATION', message, { kind: 'backup_not_restorable', reason });

/**
 * Unpacks an export archive into `dir` (empty, created): `keyfleet.sqlite` and `documents/…`,
 * each checked against the manifest's size and SHA-256. Returns the manifest.
 */
export async function extractArchive(archive: string, dir: string): Promise<ArchiveManifest> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(await fs.promises.readFile(archive));
  } catch {
    throw refused('unreadable', 'the archive cannot be read');
  }
  const manifestEntry = zip.file(ARCHIVE_MANIFEST);
  if (!manifestEntry) throw refused('no_manifest', 'the archive has no manifest.json');
  let manifest: ArchiveManifest;
  try {
    manifest = JSON.parse(await manifestEntry.async('string')) as ArchiveManifest;
  } catch {
    throw refused('no_manifest', 'the manifest cannot be read');
  }
  if (manifest.format !== 'keyfleet-export-1' || !Array.isArray(manifest.files))
    throw refused('no_manifest', 'not a Keyfleet export archive');
  if (!manifest.files.some((f) => f.path === ARCHIVE_DB))
    throw refused('no_schema', 'the archive holds no database');
  fs.mkdirSync(path.join(dir, 'documents'), { recursive: true });
  for (const entry of manifest.files) {
    if (entry.path !== ARCHIVE_DB && entry.path !== ARCHIVE_KEY && !DOCUMENT.test(entry.path))
      throw refused('changed', `unexpected file ${entry.path} in the archive`);
    const inZip = zip.file(entry.path);
    if (!inZip) throw refused('changed', `${entry.path} is missing from the archive`);
    const out = path.join(dir, entry.path);
    await pipeline(inZip.nodeStream('nodebuffer'), fs.createWriteStream(out));
    if (fs.statSync(out).size !== entry.bytes || (await sha256Of(out)) !== entry.sha256)
      throw refused('changed', `${entry.path} does not match the manifest`);
  }
  return manifest;
}
