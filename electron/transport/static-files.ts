/**
 * The built renderer served as static files in browser mode: a path that cannot name one of its
 * files is refused (400/404, never 500), and a script or style sheet goes out precompressed — the
 * build writes `.br` and `.gz` beside each (electron.vite.config.ts) — in the best encoding the
 * browser accepts, so the first load moves a third of the bytes and spends no time compressing.
 */
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** The encodings the build writes, best first, with their file suffixes. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

/**
 * Characters no file of the built renderer has in its path: control characters (NUL among them),
 * a backslash (a separator on Windows) and what Windows refuses in a file name.
 */
const WINDOWS_FORBIDDEN = new Set(['\\', '<', '>', ':', '"', '|', '?', '*']);

function unservable(rel: string): boolean {
  for (const ch of rel) {
    const code = ch.charCodeAt(0);
    if (code < 0x20 || code === 0x7f || WINDOWS_FORBIDDEN.has(ch)) return true;
  }
  return false;
}

/** The file a static path names inside `root`, or the status that refuses it. */
export function staticFile(
  root: string,
  urlPath: string,
): { file: string } | { status: 400 | 404 } {
  let rel: string;
  try {
    rel = decodeURIComponent(urlPath);
  } catch {
    return { status: 400 };
  }
  if (unservable(rel)) return { status: 400 };
  if (rel === '/' || rel === '') rel = '/index.html';
  const file = path.resolve(root, '.' + rel);
  // Outside the app folder: as absent as any other file that is not there.
  if (!file.startsWith(root + path.sep)) return { status: 404 };
  return { file };
}

/** The encodings an Accept-Encoding header allows (a q of 0 refuses one). */
export function acceptedEncodings(header: string | undefined): Set<string> {
  const accepted = new Set<string>();
  for (const part of (header ?? '').split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (name && !(q && Number(q.slice(2)) === 0)) accepted.add(name.trim());
  }
  return accepted;
}

function notServed(res: http.ServerResponse, status: 400 | 404): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(status === 400 ? 'bad request' : 'not found');
}

/**
 * Streams a file; if reading fails after the headers (the file vanished), the connection is cut:
 * never an unhandled stream error, which would end the process.
 */
export function streamFile(file: string, res: http.ServerResponse): void {
  const stream = fs.createReadStream(file);
  stream.on('error', () => {
    if (!res.headersSent) notServed(res, 404);
    else res.destroy();
  });
  stream.pipe(res);
}

/** The precompressed copy to send, if the build wrote one the browser accepts. */
function encodedCopy(
  file: string,
  accepted: Set<string>,
): { file: string; size: number; encoding: string } | null {
  for (const { name, suffix } of ENCODINGS) {
    if (!accepted.has(name)) continue;
    try {
      const stat = fs.statSync(file + suffix);
      if (stat.isFile()) return { file: file + suffix, size: stat.size, encoding: name };
    } catch {
      // Not written for this file (small files and images are sent as they are).
    }
  }
  return null;
}

export function serveStatic(
  staticDir: string,
  req: http.IncomingMessage,
  urlPath: string,
  res: http.ServerResponse,
  securityHeaders: Record<string, string>,
): void {
  const found = staticFile(path.resolve(staticDir), urlPath);
  if ('status' in found) return notServed(res, found.status);
  const { file } = found;
  fs.stat(file, (err, stat) => {
    if (err || !stat.isFile()) return notServed(res, 404);
    const encoded = encodedCopy(file, acceptedEncodings(req.headers['accept-encoding']));
    res.writeHead(200, {
      'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream',
      'Content-Length': encoded?.size ?? stat.size,
      ...(encoded ? { 'Content-Encoding': encoded.encoding } : {}),
      Vary: 'Accept-Encoding',
      ...securityHeaders,
      // The page itself is never cached; its scripts are named by their content's hash.
      'Cache-Control': file.endsWith('.html')
        ? 'no-store'
        : urlPath.startsWith('/assets/')
          ? 'max-age=31536000, immutable'
          : 'max-age=3600',
    });
    if (req.method === 'HEAD') return res.end();
    streamFile(encoded?.file ?? file, res);
  });
}
