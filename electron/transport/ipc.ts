/**
 * Electron IPC binding of the dispatch: one channel, every method. Only the app's own top-level
 * frame may call; anything else (an iframe, a navigated page) gets FORBIDDEN. Electron-free, so
 * it is tested in Node with a fake ipcMain.
 */
import { fail, type Result } from '../../shared/result';
import type { Dispatch } from './dispatch';

export const IPC_CHANNEL = 'keyfleet:invoke';

export interface IpcFrameLike {
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

/** Trusted: the main frame, loaded from the app's own index.html (or the dev server in development). */
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
  return allowedUrls.some((allowed) => {
    const a = new URL(allowed);
    return a.protocol === 'file:'
      ? url.protocol === 'file:' && url.pathname === a.pathname
      : url.origin === a.origin;
  });
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
