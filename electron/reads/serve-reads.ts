/**
 * The read worker's loop (inside a worker thread): one read-only connection to the database file,
 * kept open for the worker's life, answering each request with the registered read's result. WAL
 * lets it read beside the app's writer; no write can happen through it.
 */
import { parentPort } from 'node:worker_threads';
import { AppError } from '../../shared/result';
import { connect } from '../db/connection';
import { storageError } from '../db/storage-errors';
import type { ReadReply, ReadRequest, ReadWorkerData } from './protocol';
import { isReadName, loadRead } from './registry';

export function serveReads(data: ReadWorkerData): void {
  const port = parentPort;
  if (!port) throw new Error('the read worker runs in a worker thread');
  const conn = connect(data.dbFile, { readonly: true, nativeBinding: data.nativeBinding });
  const reply = (m: ReadReply) => port.postMessage(m);
  port.on('message', (request: ReadRequest) => {
    void answer(request).then(reply);
  });
  port.on('close', () => void conn.close());

  async function answer({ id, name, input, scope }: ReadRequest): Promise<ReadReply> {
    try {
      if (!isReadName(name))
        return { id, ok: false, code: 'NOT_FOUND', message: `unknown read ${name}`, details: null };
      const read = await loadRead(name);
      // The input was validated against the method's schema on the other side.
      return { id, ok: true, value: await read(conn.db, input as never, scope) };
    } catch (thrown) {
      const error = storageError(thrown) ?? thrown;
      if (error instanceof AppError)
        return { id, ok: false, code: error.code, message: error.message, details: error.details };
      return {
        id,
        ok: false,
        code: 'INTERNAL',
        message: error instanceof Error ? (error.stack ?? error.message) : String(error),
        details: null,
      };
    }
  }
}
