/**
 * Reads one entry of a zip by itself, counting what it really inflates to: a bomb can lie in its
 * directory, so the declared size is a promise the bytes must keep, checked while inflating.
 */
import fs from 'node:fs';
import zlib from 'node:zlib';
import { AppError } from '../../../shared/result';
import type { ZipEntry } from './zip-guard';

const LOCAL = 0x04034b50;

/** Entries are parts of a workbook: nothing real needs more slack than this over its declaration. */
const SLACK = 1024;

interface EntryStream {
  raw: fs.ReadStream;
  out: NodeJS.ReadableStream;
}

function entryStream(file: string, entry: ZipEntry): EntryStream {
  const fd = fs.openSync(file, 'r');
  try {
    const header = Buffer.alloc(30);
    fs.readSync(fd, header, 0, 30, entry.offset);
    if (header.readUInt32LE(0) !== LOCAL)
      throw new AppError('VALIDATION', `the part ${entry.name} is damaged`, { kind: 'truncated' });
    const start = entry.offset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
    if (entry.method !== 0 && entry.method !== 8)
      throw new AppError('VALIDATION', `the part ${entry.name} uses an unknown compression`, {
        kind: 'not_xlsx',
      });
    const raw = fs.createReadStream('', {
      fd,
      start,
      end: start + Math.max(0, entry.compressedSize - 1),
      autoClose: true,
    });
    return { raw, out: entry.method === 0 ? raw : raw.pipe(zlib.createInflateRaw()) };
  } catch (error) {
    fs.closeSync(fd);
    throw error;
  }
}

/**
 * Inflates the entry chunk by chunk; refuses the file as soon as it unpacks to more than it
 * declared (or than `maxBytes`), before the bytes can pile up anywhere.
 */
export async function* entryChunks(
  file: string,
  entry: ZipEntry,
  maxBytes = entry.size + SLACK,
): AsyncGenerator<Buffer> {
  const { raw, out } = entryStream(file, entry);
  let total = 0;
  try {
    for await (const chunk of out as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > maxBytes)
        throw new AppError(
          'VALIDATION',
          `a part of the file (${entry.name}) unpacks to more than it declares, which only a zip bomb does`,
          { kind: 'zip_bomb', entry: entry.name },
        );
      yield chunk;
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('VALIDATION', `the part ${entry.name} is damaged: ${String(error)}`, {
      kind: 'truncated',
      entry: entry.name,
    });
  } finally {
    raw.destroy();
    if (out !== raw) (out as unknown as { destroy(): void }).destroy();
  }
}

/** Inflates the whole entry through `onChunk`, with the same checks; returns the inflated size. */
export async function readEntry(
  file: string,
  entry: ZipEntry,
  onChunk: (chunk: Buffer) => void,
  maxBytes = entry.size + SLACK,
): Promise<number> {
  let total = 0;
  for await (const chunk of entryChunks(file, entry, maxBytes)) {
    total += chunk.length;
    onChunk(chunk);
  }
  return total;
}

/** A small entry (workbook.xml, rels) as text. */
export async function readEntryText(
  file: string,
  entry: ZipEntry,
  maxBytes: number,
): Promise<string> {
  const chunks: Buffer[] = [];
  await readEntry(file, entry, (c) => chunks.push(c), Math.min(maxBytes, entry.size + SLACK));
  return Buffer.concat(chunks).toString('utf8');
}
