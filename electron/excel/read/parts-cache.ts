/**
 * The import wizard reads one staged workbook up to three times (inspect, dry run, commit), and
 * each read began with the structure pre-pass: every part inflated to count its real size, each
 * sheet scanned for its dimension and merged ranges (readWorkbookParts). The first read keeps
 * what it found in a file beside the staged one; the later reads take it from there and inflate
 * the sheet only for its rows. The record names the file's size and modification time, so a
 * different file never passes for the one checked.
 */
import fs from 'node:fs';
import { readWorkbookParts, type WorkbookParts } from './workbook-parts';

/** Bumped whenever WorkbookParts or what the pre-pass checks changes: older records are ignored. */
const VERSION = 1;

interface Record {
  version: number;
  size: number;
  mtimeMs: number;
  parts: WorkbookParts;
}

function stamp(file: string): { size: number; mtimeMs: number } {
  const { size, mtimeMs } = fs.statSync(file);
  return { size, mtimeMs };
}

function recorded(file: string, cache: string): WorkbookParts | null {
  try {
    const record = JSON.parse(fs.readFileSync(cache, 'utf8')) as Record;
    const now = stamp(file);
    return record.version === VERSION && record.size === now.size && record.mtimeMs === now.mtimeMs
      ? record.parts
      : null;
  } catch {
    return null; // none yet, or unreadable: the pre-pass runs
  }
}

/** The workbook's checked structure: from `cache` when it describes this very file, else read and kept there. */
export async function cachedWorkbookParts(
  file: string,
  cache: string | undefined,
): Promise<WorkbookParts> {
  const known = cache ? recorded(file, cache) : null;
  if (known) return known;
  const parts = await readWorkbookParts(file);
  if (cache) {
    const record: Record = { version: VERSION, ...stamp(file), parts };
    try {
      fs.writeFileSync(cache, JSON.stringify(record));
    } catch {
      // a read-only folder: the next read runs the pre-pass again
    }
  }
  return parts;
}
