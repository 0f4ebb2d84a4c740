/**
 * Files the backend made for the user (exports) offered for download in browser mode, under
 * unguessable ids that expire. The HTTP binding serves them at /api/files/<id> to the person they
 * were made for.
 */
import { randomBytes } from 'node:crypto';

export interface ShelvedFile {
  path: string;
  fileName: string;
  /** Who the file was made for: only they may fetch it (null: before anyone signed in). */
  ownerId: number | null;
}

const TTL_MS = 60 * 60 * 1000;

export class FileShelf {
  private readonly files = new Map<string, ShelvedFile & { expires: number }>();

  put(file: ShelvedFile): string {
    const now = Date.now();
    for (const [id, f] of this.files) if (f.expires < now) this.files.delete(id);
    const id = randomBytes(18).toString('base64url');
    this.files.set(id, { ...file, expires: now + TTL_MS });
    return id;
  }

  get(id: string): ShelvedFile | null {
    const f = this.files.get(id);
    return f && f.expires >= Date.now()
      ? { path: f.path, fileName: f.fileName, ownerId: f.ownerId }
      : null;
  }
}
