/**
 * The remembered choice, one JSON file in the app's user-data folder. Written atomically (a
 * temporary file, flushed, then renamed over the old one) so a crash never leaves half a file;
 * read and validated, a file that cannot be trusted is reported as such (never guessed at) and
 * stays as it is until the user chooses again.
 */
import fs from 'node:fs';
import path from 'node:path';
import { type StoredChoice, storedChoice } from '../../shared/schemas/connection';
import { parseServerUrl } from './server-address';

export const CHOICE_FILE = 'connection.json';

export type ChoiceRead =
  | { kind: 'none' }
  | { kind: 'corrupt'; problem: string }
  | { kind: 'chosen'; choice: StoredChoice };

function choicePath(dir: string): string {
  return path.join(dir, CHOICE_FILE);
}

export function readChoice(dir: string): ChoiceRead {
  let text: string;
  try {
    text = fs.readFileSync(choicePath(dir), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'none' };
    return { kind: 'corrupt', problem: error instanceof Error ? error.message : String(error) };
  }
  let json: unknown;
  try {
    json = JSON.parse(text) as unknown;
  } catch {
    return { kind: 'corrupt', problem: 'not JSON' };
  }
  const parsed = storedChoice.safeParse(json);
  if (!parsed.success)
    return { kind: 'corrupt', problem: parsed.error.issues.map((i) => i.message).join('; ') };
  const choice = parsed.data;
  if (choice.mode === 'team') {
    // Only an address the chooser itself would have stored: https, normalised, no path.
    try {
      if (parseServerUrl(choice.url).origin !== choice.url)
        return { kind: 'corrupt', problem: 'the server address is not normalised' };
    } catch {
      return { kind: 'corrupt', problem: 'the server address is not a team server address' };
    }
  }
  return { kind: 'chosen', choice };
}

export function writeChoice(dir: string, choice: StoredChoice): void {
  const valid = storedChoice.parse(choice);
  fs.mkdirSync(dir, { recursive: true });
  const file = choicePath(dir);
  const part = `${file}.${process.pid}.part`;
  const fd = fs.openSync(part, 'w', 0o600);
  try {
    fs.writeSync(fd, `${JSON.stringify(valid, null, 2)}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(part, file);
}
