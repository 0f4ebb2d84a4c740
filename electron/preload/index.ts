/**
 * The only bridge between the renderer and the main process: one frozen object with an invoke
 * function limited to the contract's method names. No ipcRenderer, no Node reaches the page.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { METHOD_NAMES } from '../../shared/api';
import { IPC_CHANNEL } from '../transport/ipc';

const methods: readonly string[] = Object.freeze([...METHOD_NAMES]);

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
});

contextBridge.exposeInMainWorld('keyfleet', bridge);
