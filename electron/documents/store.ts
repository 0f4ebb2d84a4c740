/**
 * Evidence files live in <data>/documents under their SHA-256, copied in when attached: the user's
 * later moves, renames or edits of the original never touch them, one content is stored once, and
 * a stored copy edited behind the app's back no longer matches its name (checked on read).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../shared/result';

/** Scans, photos and PDFs of contracts are a few MB; a manufacturer's template well under that. */
const MAX_DOCUMENT_BYTES = 100 * 1024 ** 2;
const SHA = /^[0-9a-f]{64}$/;

export function documentsDir(dataDir: string): string {
  return path.join(dataDir, 'documents');
}

export function blobPath(dataDir: string, sha256: string): string {
  if (!SHA.test(sha256)) throw new AppError('INTERNAL', `not a SHA-256: ${sha256}`);
  return path.join(documentsDir(dataDir), sha256);
}

async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(fs.createReadStream(file), hash);
  return hash.digest('hex');
}

/** Copies a file into the store (once per content) and returns its hash and size. */
export async function keepFile(
  dataDir: string,
  source: string,
): Promise<{ sha256: string; size: number }> {
  const size = fs.statSync(source).size;
  if (size > MAX_DOCUMENT_BYTES)
    throw new AppError('VALIDATION', 'a document may be at most 100 MB', {
      kind: 'document.too_large',
    });
  if (size === 0) throw new AppError('VALIDATION', 'the file is empty', { kind: 'document.empty' });
  const sha256 = await hashFile(source);
  const target = blobPath(dataDir, sha256);
  if (!fs.existsSync(target) || (await stateOf(target, sha256)) !== 'intact') {
    fs.mkdirSync(documentsDir(dataDir), { recursive: true });
    const part = `${target}.${process.pid}.part`;
    fs.copyFileSync(source, part);
    fs.chmodSync(part, 0o444);
    fs.rmSync(target, { force: true });
    fs.renameSync(part, target);
    checked.delete(target);
  }
  return { sha256, size };
}

type BlobState = 'intact' | 'altered' | 'missing';

// Rehashing on every read would cost; a stored copy whose size and mtime are unchanged is as checked.
const checked = new Map<string, { mtimeMs: number; size: number; state: BlobState }>();

async function stateOf(file: string, sha256: string): Promise<BlobState> {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return 'missing';
  }
  const known = checked.get(file);
  if (known && known.mtimeMs === stat.mtimeMs && known.size === stat.size) return known.state;
  const state: BlobState = (await hashFile(file)) === sha256 ? 'intact' : 'altered';
  checked.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, state });
  return state;
}

export function blobState(dataDir: string, sha256: string): Promise<BlobState> {
  return stateOf(blobPath(dataDir, sha256), sha256);
}
