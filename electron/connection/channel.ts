/**
 * The connection screen's IPC: one channel, five operations, accepted only from the app's own
 * page (never from a team server's page, which talks HTTP). Electron-free, tested with a fake
 * ipcMain; the preload uses the same names.
 */
import { fail } from '../../shared/result';
import { CONNECTION_OPERATIONS, type ConnectionOperation } from '../../shared/schemas/connection';
import { type IpcMainLike, isTrustedFrame } from '../transport/ipc';
import type { ConnectionController } from './controller';

export const CONNECTION_CHANNEL = 'keyfleet:connection';

/** Tells the preload which page is the app's own (additionalArguments reach its process.argv). */
const APP_URL_ARG = '--keyfleet-app-url=';

export function appUrlArgument(appUrl: string): string {
  return `${APP_URL_ARG}${appUrl}`;
}

export function appUrlsFromArgv(argv: readonly string[]): string[] {
  return argv.filter((a) => a.startsWith(APP_URL_ARG)).map((a) => a.slice(APP_URL_ARG.length));
}

/** Whether a page is the app's own (app://keyfleet, or the dev server in development). */
export function isAppPage(href: string, appUrls: readonly string[]): boolean {
  return appUrls.length > 0 && isTrustedFrame({ url: href, parent: null }, appUrls);
}

function isOperation(value: unknown): value is ConnectionOperation {
  return (CONNECTION_OPERATIONS as readonly unknown[]).includes(value);
}

export function bindConnectionIpc(
  ipc: IpcMainLike,
  controller: Pick<ConnectionController, 'handle'>,
  appUrls: readonly string[],
): () => void {
  ipc.handle(CONNECTION_CHANNEL, async (event, operation, input) => {
    if (!isTrustedFrame(event.senderFrame, appUrls))
      return fail('FORBIDDEN', 'the connection is changed only from the Keyfleet window');
    if (!isOperation(operation)) return fail('VALIDATION', 'unknown connection operation');
    return controller.handle(operation, input);
  });
  return () => ipc.removeHandler(CONNECTION_CHANNEL);
}
