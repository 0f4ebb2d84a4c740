/** The Electron shell: lifecycle, the window, the IPC binding. All workflows live in the backend. */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu } from 'electron';
import pkg from '../../package.json';
import { type App, createApp } from '../app/create-app';
import { resolveDataDir } from '../app/data-dir';
import { bindIpc } from '../transport/ipc';
import { hardenSession, hardenWindow } from './security';

app.setName('Keyfleet');
app.enableSandbox();

function cliDataDir(): string | undefined {
  const i = process.argv.indexOf('--data-dir');
  return i >= 0 ? process.argv[i + 1] : undefined;
}

let backend: App | null = null;

async function start(): Promise<void> {
  hardenSession();
  const dataDir = resolveDataDir(cliDataDir(), process.env, () => app.getPath('userData'));
  try {
    backend = await createApp({
      dataDir,
      mode: 'electron',
      version: pkg.version,
      worker: { file: path.join(__dirname, 'worker.js') },
      nativeBinding: process.env.KEYFLEET_SQLITE_BINDING,
      log: (m) => console.error(m),
    });
  } catch (error) {
    dialog.showErrorBox('Keyfleet', error instanceof Error ? error.message : String(error));
    app.exit(1);
    return;
  }

  const indexHtml = path.join(__dirname, '../renderer/index.html');
  const devUrl = process.env.ELECTRON_RENDERER_URL;
  bindIpc(ipcMain, backend.dispatch, [devUrl ?? pathToFileURL(indexHtml).href]);

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
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  hardenWindow(win);
  win.once('ready-to-show', () => win.show());
  if (devUrl) await win.loadURL(devUrl);
  else await win.loadFile(indexHtml);
}

app.on('window-all-closed', () => app.quit());
app.on('will-quit', (event) => {
  if (!backend) return;
  // Let running jobs roll back and the database close cleanly before the process ends.
  event.preventDefault();
  const closing = backend;
  backend = null;
  void closing.close().finally(() => app.quit());
});

void app.whenReady().then(start);
