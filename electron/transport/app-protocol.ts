/**
 * The packaged app's own origin, app://keyfleet: the built renderer is served from it instead of
 * file://, so the page is an ordinary secure origin ('self' in the CSP means exactly the app's
 * files, not the whole disk) and nothing outside the renderer folder can be read through it.
 * Electron-free, so the URL → file resolution and the answers are tested in Node.
 */
import fs from 'node:fs';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from './http';

export const APP_SCHEME = 'app';
const APP_HOST = 'keyfleet';
const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/** Electron's CustomScheme, spelt out: nothing outside electron/main imports electron. */
interface AppSchemeRegistration {
  scheme: string;
  privileges: {
    standard: boolean;
    secure: boolean;
    supportFetchAPI: boolean;
    codeCache: boolean;
    bypassCSP: boolean;
    allowServiceWorkers: boolean;
    corsEnabled: boolean;
    stream: boolean;
  };
}

/**
 * Registered before `ready`: standard (real origin, relative URLs resolve), secure (a secure
 * context like https), fetch for the bundler's module preloads, V8 code cache for start-up.
 * No CSP bypass, no service workers, and no cross-origin reads (corsEnabled off).
 */
export const APP_SCHEME_PRIVILEGES: AppSchemeRegistration = {
  scheme: APP_SCHEME,
  privileges: {
    standard: true,
    secure: true,
    supportFetchAPI: true,
    codeCache: true,
    bypassCSP: false,
    allowServiceWorkers: false,
    corsEnabled: false,
    stream: false,
  },
};

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** The Content-Type of a served file; unknown kinds are bytes, never sniffed into HTML. */
export function mimeType(file: string): string {
  return MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

type AppFileResolution =
  { ok: true; file: string } | { ok: false; status: 400 | 403 | 404; reason: string };

type PathApi = Pick<typeof path, 'resolve' | 'relative' | 'isAbsolute' | 'sep'>;

/**
 * The file an app:// URL names inside `rootDir`, or why it is refused. Decoding happens once,
 * here, and every decoded segment is checked, so `..%2f`, `..%5c`, drive letters, NUL and other
 * control characters never reach the file system. `pathApi` lets tests check Windows rules.
 */
export function resolveAppFile(
  url: string,
  rootDir: string,
  pathApi: PathApi = path,
): AppFileResolution {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, status: 400, reason: 'malformed URL' };
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host.toLowerCase() !== APP_HOST)
    return { ok: false, status: 404, reason: 'not the app origin' };
  let decoded: string;
  try {
    decoded = decodeURIComponent(parsed.pathname);
  } catch {
    return { ok: false, status: 400, reason: 'malformed URL' };
  }
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u001f\u007f]/.test(decoded))
    return { ok: false, status: 400, reason: 'control character in path' };
  const segments = decoded.split(/[/\\]/).filter((s) => s !== '' && s !== '.');
  if (segments.some((s) => s === '..' || s.includes(':')))
    return { ok: false, status: 403, reason: 'outside the app folder' };
  if (segments.length === 0) segments.push('index.html');
  const root = pathApi.resolve(rootDir);
  const file = pathApi.resolve(root, ...segments);
  const rel = pathApi.relative(root, file);
  if (rel === '' || rel.startsWith('..') || pathApi.isAbsolute(rel))
    return { ok: false, status: 403, reason: 'outside the app folder' };
  return { ok: true, file };
}

/** Headers of every app:// answer; the CSP is the one the browser-mode server sends. */
function appResponseHeaders(file: string): Record<string, string> {
  return {
    'Content-Type': mimeType(file),
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': file.endsWith('.html') ? 'no-store' : 'max-age=3600',
  };
}

function refusal(status: number, reason: string): Response {
  return new Response(reason, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' },
  });
}

type ReadAppFile = (file: string) => Promise<Uint8Array>;

const readFromDisk: ReadAppFile = (file) => fs.promises.readFile(file);

/**
 * The handler given to `protocol.handle('app', …)`: GET/HEAD of the renderer's own files, with
 * the CSP. A missing file is 404 and no answer names the install folder.
 */
export function createAppProtocolHandler(
  rendererDir: string,
  read: ReadAppFile = readFromDisk,
): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refusal(405, 'read only');
    const resolved = resolveAppFile(request.url, rendererDir);
    if (!resolved.ok) return refusal(resolved.status, resolved.reason);
    let body: Uint8Array;
    try {
      body = await read(resolved.file);
    } catch {
      return refusal(404, 'not found');
    }
    const headers = appResponseHeaders(resolved.file);
    return new Response(request.method === 'HEAD' ? null : body, {
      status: 200,
      headers: { ...headers, 'Content-Length': String(body.byteLength) },
    });
  };
}
