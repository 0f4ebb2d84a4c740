/**
 * The only bridge between the renderer and the main process: one frozen object with an invoke
 * function limited to the contract's method names, and the connection screen's five calls. No
 * ipcRenderer, no Node reaches the page. Only the app's own page gets it: a team server's page
 * (team mode) sees no bridge, so its API client talks HTTPS and nothing goes over IPC.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { METHOD_NAMES } from '../../shared/api';
import type { ChoiceInput } from '../../shared/schemas/connection';
import { appUrlsFromArgv, CONNECTION_CHANNEL, isAppPage } from '../connection/channel';
import { IPC_CHANNEL } from '../transport/ipc';

const methods: readonly string[] = Object.freeze([...METHOD_NAMES]);

const connection = Object.freeze({
  get: () => ipcRenderer.invoke(CONNECTION_CHANNEL, 'get'),
  probe: (url: string) => ipcRenderer.invoke(CONNECTION_CHANNEL, 'probe', { url }),
  choose: (choice: ChoiceInput) => ipcRenderer.invoke(CONNECTION_CHANNEL, 'choose', choice),
  reset: () => ipcRenderer.invoke(CONNECTION_CHANNEL, 'reset'),
  resume: () => ipcRenderer.invoke(CONNECTION_CHANNEL, 'resume'),
});

const bridge = Object.freeze({
  methods,
  invoke(method: string, input: unknown): Promise<unknown> {
    if (!methods.includes(method))
      return Promise.resolve({
        ok: false,
        error: { code: 'NOT_FOUND', message: `unknown method: ${method}` },
      });
    return ipcRenderer.invoke(IPC_CHANNEL, method, input);
  },
  connection,
});

const href = (globalThis as { location?: { href?: string } }).location?.href ?? '';
if (isAppPage(href, appUrlsFromArgv(process.argv)))
  contextBridge.exposeInMainWorld('keyfleet', bridge);
