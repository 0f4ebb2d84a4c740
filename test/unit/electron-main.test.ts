/**
 * The Electron main process wired to a fake `electron` module (no Electron runtime runs here):
 * the app:// scheme is registered before `ready` and served after it, the window loads app://
 * (the dev server only when unpackaged), the IPC answers that page, and links are confirmed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LinkPrompt } from '../../electron/connection/external-links';

type Listener = (...args: unknown[]) => unknown;
type OpenHandler = (details: { url: string }) => { action: string };

const fake = vi.hoisted(() => {
  const state = {
    isPackaged: true,
    ready: false,
    userData: '',
    events: [] as string[],
    schemes: [] as unknown[],
    protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
    ipcHandlers: new Map<string, (...args: unknown[]) => Promise<unknown>>(),
    windows: [] as FakeWindow[],
    prompts: [] as { options: LinkPrompt }[],
    promptAnswer: 1,
    opened: [] as string[],
  };
  class FakeWebContents {
    listeners = new Map<string, Listener>();
    openHandler: OpenHandler | null = null;
    on(name: string, listener: Listener) {
      this.listeners.set(name, listener);
    }
    setWindowOpenHandler(handler: OpenHandler) {
      this.openHandler = handler;
    }
  }
  class FakeWindow {
    webContents = new FakeWebContents();
    loaded: string[] = [];
    constructor(readonly options: { webPreferences: { additionalArguments: string[] } }) {
      state.windows.push(this);
    }
    loadURL(url: string) {
      state.events.push(`load ${url}`);
      this.loaded.push(url);
      return Promise.resolve();
    }
    loadFile(file: string) {
      this.loaded.push(`loadFile ${file}`);
      return Promise.resolve();
    }
    once() {}
    show() {}
  }
  const noop = () => {};
  const electron = {
    app: {
      get isPackaged() {
        return state.isPackaged;
      },
      setName: noop,
      enableSandbox: noop,
      requestSingleInstanceLock: () => true,
      on: noop,
      whenReady: () => {
        state.events.push('whenReady');
        return Promise.resolve().then(() => {
          state.ready = true;
          state.events.push('ready');
        });
      },
      getPath: () => state.userData,
      relaunch: noop,
      quit: noop,
      exit: noop,
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => {
        if (state.ready) throw new Error('registerSchemesAsPrivileged after ready');
        state.events.push('registerSchemes');
        state.schemes.push(...schemes);
      },
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) => {
        if (!state.ready) throw new Error('protocol.handle before ready');
        state.events.push(`handle ${scheme}`);
        state.protocolHandlers.set(scheme, handler);
      },
    },
    BrowserWindow: FakeWindow,
    dialog: {
      showMessageBox: (_win: unknown, options: LinkPrompt) => {
        state.prompts.push({ options });
        return Promise.resolve({ response: state.promptAnswer, checkboxChecked: false });
      },
      showErrorBox: (title: string, detail: string) =>
        state.events.push(`error ${title} ${detail}`),
      showSaveDialog: () => Promise.resolve({ canceled: true }),
      showOpenDialog: () => Promise.resolve({ canceled: true, filePaths: [] }),
    },
    ipcMain: {
      handle: (channel: string, listener: (...args: unknown[]) => Promise<unknown>) =>
        state.ipcHandlers.set(channel, listener),
      removeHandler: (channel: string) => state.ipcHandlers.delete(channel),
    },
    Menu: { setApplicationMenu: noop, buildFromTemplate: () => ({}) },
    session: {
      defaultSession: {
        setPermissionRequestHandler: noop,
        setPermissionCheckHandler: noop,
        setCertificateVerifyProc: noop,
        webRequest: { onHeadersReceived: noop },
      },
    },
    shell: {
      openExternal: (url: string) => {
        state.opened.push(url);
        return Promise.resolve();
      },
    },
  };
  return { state, electron };
});

vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));

const saved = { ...process.env };

async function startMain(options: { isPackaged: boolean; devUrl?: string }) {
  const { state } = fake;
  state.isPackaged = options.isPackaged;
  if (options.devUrl) process.env.ELECTRON_RENDERER_URL = options.devUrl;
  vi.resetModules();
  // The shell itself is under test here, with Electron faked (so a dynamic import, not a library use).
  await import('../../electron/main/index');
  await vi.waitFor(() => expect(state.windows[0]?.loaded.length).toBeGreaterThan(0));
  return state.windows[0]!;
}

beforeEach(() => {
  const { state } = fake;
  Object.assign(state, {
    ready: false,
    userData: fs.mkdtempSync(path.join(os.tmpdir(), 'keyfleet-main-')),
    events: [],
    schemes: [],
    windows: [],
    prompts: [],
    promptAnswer: 1,
    opened: [],
  });
  state.protocolHandlers.clear();
  state.ipcHandlers.clear();
  delete process.env.ELECTRON_RENDERER_URL;
  delete process.env.KEYFLEET_DATA_DIR;
});

afterEach(() => {
  fs.rmSync(fake.state.userData, { recursive: true, force: true });
  process.env = { ...saved };
});

describe('the Electron main process', () => {
  it('registers app:// before ready, serves it after, and loads the app from it when packaged', async () => {
    const win = await startMain({ isPackaged: true, devUrl: 'http://localhost:5173/' });
    const { state } = fake;
    expect(state.schemes).toEqual([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true }),
      }),
    ]);
    expect(state.events.indexOf('registerSchemes')).toBeLessThan(state.events.indexOf('ready'));
    expect(state.events.indexOf('handle app')).toBeGreaterThan(state.events.indexOf('ready'));
    expect(state.events.indexOf('handle app')).toBeLessThan(
      state.events.indexOf('load app://keyfleet/index.html'),
    );
    // The packaged app ignores the dev server variable and never loads a file:// page.
    expect(win.loaded).toEqual(['app://keyfleet/index.html']);
    expect(win.options.webPreferences.additionalArguments).toEqual([
      '--keyfleet-app-url=app://keyfleet/index.html',
    ]);
    // The handler refuses a way out of the renderer folder.
    const handler = state.protocolHandlers.get('app')!;
    const escape = await handler(new Request('app://keyfleet/..%2f..%2fpackage.json'));
    expect(escape.status).toBe(403);
  });

  it('answers the connection screen from the app:// page only', async () => {
    await startMain({ isPackaged: true });
    const listener = fake.state.ipcHandlers.get('keyfleet:connection')!;
    const from = (url: string, parent: unknown = null) => ({
      senderFrame: { url, parent },
      sender: { id: 1 },
    });
    expect(await listener(from('app://keyfleet/index.html#/'), 'get')).toMatchObject({
      ok: true,
      value: { state: 'choose' },
    });
    for (const frame of [
      from('file:///opt/keyfleet/resources/app.asar/out/renderer/index.html'),
      from('app://other/index.html'),
      from('about:blank'),
      from('app://keyfleet/index.html', { url: 'app://keyfleet/index.html' }),
      from('https://keyfleet.local:8443/'),
    ])
      expect(await listener(frame, 'get'), frame.senderFrame.url).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
  });

  it('uses the dev server only in an unpackaged run', async () => {
    const win = await startMain({ isPackaged: false, devUrl: 'http://localhost:5173/' });
    expect(win.loaded).toEqual(['http://localhost:5173/']);
    expect(win.options.webPreferences.additionalArguments).toEqual([
      '--keyfleet-app-url=http://localhost:5173/',
    ]);
  });

  it('opens a web link in the browser only after the user confirms its host', async () => {
    const win = await startMain({ isPackaged: true });
    const { state } = fake;
    const open = win.webContents.openHandler!;
    for (const url of [
      'file:///C:/Windows/System32/calc.exe',
      'smb://server/share',
      'javascript:1',
    ])
      expect(open({ url })).toEqual({ action: 'deny' });
    expect(state.prompts).toEqual([]);

    state.promptAnswer = 1; // Cancel
    expect(open({ url: 'https://www.ccgp.gov.cn/t1.htm' })).toEqual({ action: 'deny' });
    await vi.waitFor(() => expect(state.prompts).toHaveLength(1));
    expect(state.prompts[0]!.options.message).toContain('www.ccgp.gov.cn');

    state.promptAnswer = 0; // Open
    // Asked again once the first question is answered (while it is up, a click is dropped).
    await vi.waitFor(() => {
      open({ url: 'https://www.ccgp.gov.cn/t2.htm' });
      expect(state.prompts).toHaveLength(2);
    });
    await vi.waitFor(() => expect(state.opened).toEqual(['https://www.ccgp.gov.cn/t2.htm']));
    // Navigation away from the app is refused.
    let prevented = false;
    win.webContents.listeners.get('will-navigate')!({
      url: 'https://evil.example/',
      preventDefault: () => (prevented = true),
    });
    expect(prevented).toBe(true);
  });
});
