/**
 * Hardening of every window: no navigation (in team mode: only within the pinned server's
 * origin), no new windows (web links go to the browser once the user confirms the host, see
 * external-links.ts), a strict CSP, and no permissions but
 * one — desktop notifications, so that deadline reminders reach a user working in another window.
 */
import { type BrowserWindow, session } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../transport/http';

export function hardenSession(): void {
  session.defaultSession.setPermissionRequestHandler((_wc, permission, callback) =>
    callback(permission === 'notifications'),
  );
  session.defaultSession.setPermissionCheckHandler(
    (_wc, permission) => permission === 'notifications',
  );
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
      },
    });
  });
}

export function hardenWindow(
  win: BrowserWindow,
  mayNavigate: (url: string) => boolean,
  openLink: (url: string) => Promise<unknown>,
  log: (message: string) => void,
): void {
  win.webContents.on('will-navigate', (event) => {
    if (!mayNavigate(event.url)) event.preventDefault();
  });
  win.webContents.on('will-redirect', (event) => {
    if (!mayNavigate(event.url)) event.preventDefault();
  });
  win.webContents.setWindowOpenHandler(({ url }) => {
    // Links to web pages (a tender announcement) open in the user's browser, never inside the app.
    openLink(url).catch((error: unknown) =>
      log(`could not open a link: ${error instanceof Error ? error.message : String(error)}`),
    );
    return { action: 'deny' };
  });
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());
}
