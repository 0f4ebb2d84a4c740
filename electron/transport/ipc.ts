/**
 * Electron IPC binding of the dispatch: one channel, every method. Only the app's own top-level
 * frame may call; anything else (an iframe, a navigated page) gets FORBIDDEN. Electron-free, so
 * it is tested in Node with a fake ipcMain.
 */
import { fail, type Result } from '../../shared/result';
import type { Dispatch } from './dispatch';

export const IPC_CHANNEL = 'keyfleet:invoke';

interface IpcFrameLike {
  url: string;
  parent: unknown;
}

export interface IpcEventLike {
  senderFrame: IpcFrameLike | null;
  /** The window's web contents: each window is its own client (session). */
  sender: { id: number };
}

export interface IpcMainLike {
  handle(
    channel: string,
    listener: (event: IpcEventLike, ...args: unknown[]) => Promise<unknown>,
  ): void;
  removeHandler(channel: string): void;
}

/**
 * Whether `url` is on the origin `allowed` names: the dev server's http(s) origin, or the built
 * renderer's app://keyfleet. WHATWG gives every non-http(s) URL (app:, data:, about:blank) the
 * same opaque origin "null", so app: is compared by scheme and host; file: is never the app.
 */
function sameOrigin(url: URL, allowed: URL): boolean {
  if (allowed.protocol === 'http:' || allowed.protocol === 'https:')
    return url.origin === allowed.origin;
  if (allowed.protocol === 'file:' || allowed.host === '') return false;
  return url.protocol === allowed.protocol && url.host.toLowerCase() === allowed.host.toLowerCase();
}

/** Trusted: the main frame, loaded from the app's own origin (or the dev server in development). */
export function isTrustedFrame(
  frame: IpcFrameLike | null,
  allowedUrls: readonly string[],
): boolean {
  if (!frame || frame.parent !== null) return false;
  let url: URL;
  try {
    url = new URL(frame.url);
  } catch {
    return false;
  }
  return allowedUrls.some((allowed) => sameOrigin(url, new URL(allowed)));
}

export function bindIpc(
  ipc: IpcMainLike,
  dispatch: Dispatch,
  allowedUrls: readonly string[],
): () => void {
  ipc.handle(IPC_CHANNEL, async (event, method, input): Promise<Result<unknown>> => {
    if (!isTrustedFrame(event.senderFrame, allowedUrls))
      return fail('FORBIDDEN', 'calls are accepted only from the Keyfleet window');
    if (typeof method !== 'string') return fail('VALIDATION', 'the method name must be a string');
    return dispatch(method, input, { clientId: `window-${event.sender.id}` });
  });
  return () => ipc.removeHandler(IPC_CHANNEL);
}
