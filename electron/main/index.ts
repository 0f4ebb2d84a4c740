/**
 * The Electron shell: lifecycle, the window, the IPC binding. All workflows live in the backend;
 * what the window opens (this computer's database, the chooser, a pinned team server) is decided
 * by electron/connection, which this file only gives the few Electron actions it needs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell } from 'electron';
import pkg from '../../package.json';
import type { Delivery } from '../../shared/schemas/exports';
import { type App, createApp, loadDemoIfEmpty } from '../app/create-app';
import { resolveDataDir } from '../app/data-dir';
import { appUrlArgument, bindConnectionIpc } from '../connection/channel';
import { ConnectionController } from '../connection/controller';
import { certificateFingerprint } from '../connection/fingerprint';
import { navigationAllowed } from '../connection/pinning';
import { bindIpc } from '../transport/ipc';
import {
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  createAppProtocolHandler,
} from '../transport/app-protocol';
import { createExternalOpener } from '../connection/external-links';
import { rendererSource } from '../connection/renderer-source';
import { hardenSession, hardenWindow } from './security';

app.setName('Keyfleet');
app.enableSandbox();
// Only possible before `ready`: app:// becomes a standard, secure origin for the built renderer.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

let backend: App | null = null;

/** A finished export: the user picks where it goes (Downloads by default); nothing is written unasked. */
async function saveWithDialog(file: string, fileName: string): Promise<Delivery> {
  const options = {
    defaultPath: path.join(app.getPath('downloads'), fileName),
    filters: [
      {
        name: path.extname(fileName).slice(1).toUpperCase(),
        extensions: [path.extname(fileName).slice(1)],
      },
    ],
  };
  const choice = mainWindow
    ? await dialog.showSaveDialog(mainWindow, options)
    : await dialog.showSaveDialog(options);
  if (choice.canceled || !choice.filePath) return { kind: 'cancelled' };
  await fs.promises.copyFile(file, choice.filePath);
  return { kind: 'saved', path: choice.filePath };
}
let mainWindow: BrowserWindow | null = null;

/** A file to import: Excel workbooks and CSV (legacy .xls/.et are listed so they get a clear message). */
async function openWithDialog(): Promise<string | null> {
  const options = {
    properties: ['openFile' as const],
    filters: [
      { name: 'Excel / CSV', extensions: ['xlsx', 'xlsm', 'csv', 'txt', 'xls', 'et'] },
      { name: '*', extensions: ['*'] },
    ],
  };
  const choice = mainWindow
    ? await dialog.showOpenDialog(mainWindow, options)
    : await dialog.showOpenDialog(options);
  return choice.canceled ? null : (choice.filePaths[0] ?? null);
}

function fatal(error: unknown): void {
  const detail = error instanceof Error ? error.message : String(error);
  dialog.showErrorBox('Keyfleet 无法启动 / Keyfleet cannot start', detail);
  app.exit(1);
}

/** The local database and its IPC binding, open only while working on this computer. */
let unbindData: (() => void) | null = null;

async function openBackend(appUrl: string): Promise<void> {
  if (!backend) {
    backend = await createApp({
      dataDir: resolveDataDir(argValue('--data-dir'), process.env, () => app.getPath('userData')),
      mode: 'electron',
      version: pkg.version,
      worker: { file: path.join(__dirname, 'worker.js') },
      nativeBinding: process.env.KEYFLEET_SQLITE_BINDING,
      log: (m) => console.error(m),
      deliverFile: saveWithDialog,
      chooseFile: openWithDialog,
      // A verified backup every day and when the app quits (7 days and 4 weeks kept).
      backups: { daily: true },
      // A restore chosen in settings: close the data, open it again (the swap), show it afresh.
      reopen: () =>
        void closeBackend()
          .then(() => openBackend(appUrl))
          .then(() => mainWindow?.reload())
          .catch(fatal),
    });
    if (process.argv.includes('--demo'))
      await loadDemoIfEmpty(backend, Number(argValue('--demo-accounts') ?? 2000));
  }
  unbindData ??= bindIpc(ipcMain, backend.dispatch, [appUrl]);
}

async function closeBackend(): Promise<void> {
  unbindData?.();
  unbindData = null;
  const closing = backend;
  backend = null;
  await closing?.close();
}

/** Team mode's only menu: the way back to the chooser (the server's page has no bridge). */
function teamMenu(connection: ConnectionController): Menu {
  return Menu.buildFromTemplate([
    {
      label: '连接 Connection',
      submenu: [
        {
          label: '更换服务器 / 切换到本机… (Change server / work on this computer…)',
          click: () => connection.reset(),
        },
      ],
    },
  ]);
}

async function start(): Promise<void> {
  hardenSession();
  protocol.handle(APP_SCHEME, createAppProtocolHandler(path.join(__dirname, '../renderer')));
  // The dev server only in an unpackaged run; an installed app always loads its own files.
  const appUrl = rendererSource(app.isPackaged, process.env).url;
  const loadAppPage = () => win.loadURL(appUrl);

  Menu.setApplicationMenu(null);
  const win = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    title: 'Keyfleet 大客户管理',
    show: false,
    webPreferences: {
      preload: path.join(__dirname, '../preload/index.js'),
      // The preload exposes its bridge on this page only, never on a team server's.
      additionalArguments: [appUrlArgument(appUrl)],
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  mainWindow = win;

  const connection = new ConnectionController({
    userDataDir: app.getPath('userData'),
    // A named data folder is a database on this computer: no chooser, no team server.
    fixedDataDir: argValue('--data-dir') !== undefined || !!process.env.KEYFLEET_DATA_DIR,
    onFatal: fatal,
    log: (m) => console.error(m),
    shell: {
      openSolo: async () => {
        await openBackend(appUrl);
        Menu.setApplicationMenu(null);
        await loadAppPage();
      },
      closeSolo: closeBackend,
      openTeam: async (choice) => {
        Menu.setApplicationMenu(teamMenu(connection));
        await win.loadURL(`${choice.url}/`);
      },
      showConnectionScreen: async () => {
        Menu.setApplicationMenu(null);
        await loadAppPage();
      },
      relaunch: () => {
        app.relaunch();
        app.quit();
      },
    },
  });
  // Installed before any request, so every certificate Chromium sees passes the pin check.
  session.defaultSession.setCertificateVerifyProc((request, callback) => {
    let fingerprint = '';
    try {
      fingerprint = certificateFingerprint(request.certificate.data);
    } catch {
      // Unreadable: never equal to a pin, so a pinned host is refused.
    }
    callback(connection.verifyCertificate(request.hostname, fingerprint));
  });
  bindConnectionIpc(ipcMain, connection, [appUrl]);
  const log = (m: string) => console.error(m);
  const openLink = createExternalOpener({
    confirm: async (prompt) => (await dialog.showMessageBox(win, prompt)).response === 0,
    openExternal: (url) => shell.openExternal(url),
    log,
  });
  hardenWindow(win, (url) => navigationAllowed(url, connection.teamOrigin()), openLink, log);
  win.once('ready-to-show', () => win.show());
  await connection.start();
}

// One running copy per user: two would open, back up and migrate the same database at once.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    if (!backend) return;
    // Let running jobs roll back and the database close cleanly before the process ends.
    event.preventDefault();
    const closing = backend;
    backend = null;
    void closing.close().finally(() => app.quit());
  });
  app.whenReady().then(start).catch(fatal);
}
