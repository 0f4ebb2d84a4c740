/**
 * How every table export reaches its file: written as `<file>.part`, which becomes the export only
 * once complete — a failure or a cancel removes the part, so no half-written file is ever offered.
 */
import fs from 'node:fs';
import type { TableWriter } from '../excel/table-writer';

export async function writeExportFile(
  file: string,
  open: (part: string) => TableWriter,
  write: (writer: TableWriter) => Promise<void>,
): Promise<{ bytes: number }> {
  const part = `${file}.part`;
  const writer = open(part);
  try {
    await write(writer);
  } catch (error) {
    await writer.abort().catch(() => fs.rmSync(part, { force: true }));
    throw error;
  }
  fs.renameSync(part, file);
  return { bytes: fs.statSync(file).size };
}
