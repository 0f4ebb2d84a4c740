/**
 * Which page the window loads as the app's own: the development server only in an unpackaged
 * run (electron-vite sets ELECTRON_RENDERER_URL), otherwise the built renderer on app://. A
 * packaged app ignores the variable, so nobody can point an installed Keyfleet — and its IPC
 * bridge — at another page by setting it.
 */
import { APP_INDEX_URL } from '../transport/app-protocol';

type RendererSource = { kind: 'dev'; url: string } | { kind: 'app'; url: string };

export function rendererSource(
  isPackaged: boolean,
  env: Readonly<Record<string, string | undefined>>,
): RendererSource {
  const dev = env.ELECTRON_RENDERER_URL;
  if (!isPackaged && dev) {
    try {
      const url = new URL(dev);
      if (url.protocol === 'http:' || url.protocol === 'https:')
        return { kind: 'dev', url: url.href };
    } catch {
      // Not a URL: the built renderer, as in production.
    }
  }
  return { kind: 'app', url: APP_INDEX_URL };
}
