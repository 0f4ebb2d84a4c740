/**
 * The same dispatch served over HTTP, with a body size limit, a Host check against DNS rebinding
 * and the built renderer served as static files with the same CSP as the Electron window.
 * - Solo browser mode: 127.0.0.1 only and a per-launch bearer token on every /api request; each
 *   tab names its own session.
 * - Team server: HTTPS on the LAN; who calls is the session of a sign-in, carried by a bearer
 *   token (API clients) or an HttpOnly cookie (browsers), and a cookie only counts on a request
 *   that also carries the CSRF header, which no other site's page can send.
 */
import { timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import { isMethodName } from '../../shared/api';
import type { Result } from '../../shared/result';
import { describeApi } from './describe';
import type { FileShelf, ShelvedFile } from './file-shelf';
import type { Caller } from '../session/session';
import type { Dispatch } from './dispatch';
import { serveStatic, streamFile } from './static-files';

const MAX_BODY_BYTES = 1024 * 1024;

export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

interface HttpServerOptions {
  dispatch: Dispatch;
  /** Solo browser mode: the per-launch token every /api request must carry. */
  token?: string;
  /** Team server: HTTPS, sign-in sessions, and the names and addresses it is reached by. */
  team?: TeamAccess;
  /** Built renderer (out/renderer); omitted: API only. */
  staticDir?: string;
  maxBodyBytes?: number;
  /** Files offered for download at GET /api/files/<id>. */
  files?: FileShelf;
  /** Takes an upload to POST /api/upload?name=<file name> (the body is the file's bytes). */
  upload?: Upload;
  /** Serves the live event stream at GET /api/events (electron/events/sse.ts). */
  events?: EventsEndpoint;
  /** Told once per /api request when its answer is sent (or the client went away): the request log. */
  onRequest?: (entry: ApiRequestEntry) => void;
}

/** One API request as the request log sees it: no input, no query string, no ids from the path. */
export interface ApiRequestEntry {
  /** The method name, `/api`, `/api/upload`, `/api/files`, `/api/events`, or `unknown`. */
  method: string;
  /** Who called: the tab's id and, on a team server, the session token (never logged itself). */
  caller: Caller;
  status: number;
  /** `OK`, the answer's error code, or `ABORTED` when the client left before the answer. */
  result: string;
  ms: number;
}

interface TeamAccess {
  tls: { key: string; cert: string };
  /** Host names and addresses clients use (the Host header must name one of them and the port). */
  hosts: readonly string[];
  /** Who holds a session token (for downloads and the request log); null: nobody signed in. */
  userOf(token: string): number | null;
}

export type EventsEndpoint = (
  req: http.IncomingMessage,
  res: http.ServerResponse,
  caller: Caller,
) => void;

export type Upload = (
  body: http.IncomingMessage,
  fileName: string,
  caller: Caller,
) => Promise<Result<unknown>>;

/** The session cookie of a team server, and the header that must come with it. */
export const SESSION_COOKIE = 'keyfleet_session';
export const CSRF_HEADER = 'x-keyfleet-csrf';
const COOKIE_MAX_AGE_S = 7 * 86_400;

/** The result code of each JSON answer, for onRequest. */
const answered = new WeakMap<http.ServerResponse, string>();

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const error = (body as { ok?: boolean; error?: { code?: unknown } }).error;
  answered.set(res, typeof error?.code === 'string' ? error.code : 'OK');
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(text);
}

function failure(status: number, res: http.ServerResponse, code: string, message: string): void {
  sendJson(res, status, { ok: false, error: { code, message } } satisfies {
    ok: false;
    error: { code: string; message: string };
  });
}

export const SESSION_HEADER = 'x-keyfleet-session';

/** Each browser tab names its own session; scripts that send none share one. */
function clientId(req: http.IncomingMessage): string {
  const id = req.headers[SESSION_HEADER];
  return typeof id === 'string' && /^[\w-]{8,64}$/.test(id) ? `tab-${id}` : 'api';
}

function tokenMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(header?.startsWith('Bearer ') ? header.slice(7) : '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function cookieToken(req: http.IncomingMessage): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE) return value.join('=') || undefined;
  }
  return undefined;
}

function bearer(req: http.IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice(7).trim() || undefined : undefined;
}

function sessionCookie(token: string | null): string {
  return token
    ? `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; Secure; SameSite=Strict; Max-Age=${COOKIE_MAX_AGE_S}`
    : `${SESSION_COOKIE}=; Path=/; HttpOnly; Secure; SameSite=Strict; Max-Age=0`;
}

/** `host:port` as a Host header says it, for the team server's configured names and addresses. */
function hostHeaders(hosts: readonly string[], port: number | undefined): string[] {
  return hosts.map((h) => `${h.includes(':') && !h.startsWith('[') ? `[${h}]` : h}:${port}`);
}

function isLoopback(address: string | undefined): boolean {
  return address === '127.0.0.1' || address === '::ffff:127.0.0.1' || address === '::1';
}

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer | 'too_large'> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      resolve('too_large');
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) over = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(over ? 'too_large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** An attachment download; the name is given in ASCII and, for 客户列表.xlsx, in UTF-8 (RFC 6266). */
function serveDownload(file: ShelvedFile | null, res: http.ServerResponse): void {
  if (!file || !fs.existsSync(file.path))
    return failure(404, res, 'NOT_FOUND', 'no such file (downloads expire after an hour)');
  const ascii = file.fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  res.writeHead(200, {
    'Content-Type': DOWNLOAD_TYPES[path.extname(file.path)] ?? 'application/octet-stream',
    'Content-Length': fs.statSync(file.path).size,
    'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  streamFile(file.path, res);
}

const DOWNLOAD_TYPES: Record<string, string> = {
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.csv': 'text/csv; charset=utf-8',
};

/** What a request to `pathname` is called in the request log: never a file id or a free-form path. */
function requestLabel(pathname: string): string | null {
  if (pathname === '/api' || pathname === '/api/') return '/api';
  if (!pathname.startsWith('/api/')) return null;
  if (pathname.startsWith('/api/files/')) return '/api/files';
  if (pathname === '/api/events') return '/api/events';
  const name = pathname.slice('/api/'.length);
  return name === 'upload' ? '/api/upload' : isMethodName(name) ? name : 'unknown';
}

function observe(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  onRequest: (entry: ApiRequestEntry) => void,
): void {
  const method = requestLabel((req.url ?? '/').split('?')[0]!);
  if (!method) return;
  const started = performance.now();
  res.once('close', () => {
    try {
      onRequest({
        method,
        caller: { clientId: clientId(req), token: bearer(req) ?? cookieToken(req) },
        status: res.statusCode,
        result: res.writableFinished
          ? (answered.get(res) ?? (res.statusCode < 400 ? 'OK' : 'UNKNOWN'))
          : 'ABORTED',
        ms: performance.now() - started,
      });
    } catch {
      // A log that cannot be written never fails a request.
    }
  });
}

export function createHttpServer(options: HttpServerOptions): http.Server {
  const limit = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const team = options.team;
  if (!team === !options.token)
    throw new Error('an HTTP server is either solo (a token) or a team server (TLS and hosts)');
  const listener = (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (options.onRequest) observe(req, res, options.onRequest);
    // An error's own words may name files of the install or the data folder: not in the answer.
    void handle(req, res).catch(() => {
      if (!res.headersSent) failure(500, res, 'INTERNAL', 'the server could not answer');
      else res.destroy();
    });
  };
  const server = team
    ? https.createServer({ key: team.tls.key, cert: team.tls.cert }, listener)
    : http.createServer(listener);

  /** Who is calling, or a refusal: the transport's half of signing in. */
  function callerOf(
    req: http.IncomingMessage,
  ): { caller: Caller; web: boolean } | { refused: [number, string, string] } {
    const address = req.socket.remoteAddress;
    if (!team) {
      if (!tokenMatches(req.headers.authorization, options.token!))
        return {
          refused: [401, 'FORBIDDEN', 'missing or wrong token (Authorization: Bearer <token>)'],
        };
      return { caller: { clientId: clientId(req), address }, web: true };
    }
    const web = req.headers[CSRF_HEADER] === '1';
    const fromHeader = bearer(req);
    if (fromHeader)
      return { caller: { clientId: clientId(req), address, token: fromHeader }, web: false };
    const fromCookie = cookieToken(req);
    // A cookie is sent by the browser whoever made the page: on a write it only counts with the
    // header no other site can add.
    if (fromCookie && !web && req.method !== 'GET')
      return {
        refused: [403, 'FORBIDDEN', `a signed-in browser request must carry ${CSRF_HEADER}: 1`],
      };
    return { caller: { clientId: clientId(req), address, token: fromCookie }, web };
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    // A request refused before its body is read: drain it and close the connection, so a client
    // that keeps sockets alive does not send its next request into a socket being torn down.
    const refuse = (status: number, code: string, message: string) => {
      req.resume();
      res.setHeader('Connection', 'close');
      failure(status, res, code, message);
    };
    const port = (server.address() as { port: number } | null)?.port;
    if (team) {
      if (!hostHeaders(team.hosts, port).includes(req.headers.host ?? ''))
        return refuse(403, 'FORBIDDEN', 'this server is not reached by that name');
    } else {
      const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
      if (!isLoopback(req.socket.remoteAddress) || !allowedHosts.includes(req.headers.host ?? ''))
        return refuse(403, 'FORBIDDEN', 'only local requests to 127.0.0.1 are served');
    }

    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    if (url.pathname === '/api' || url.pathname.startsWith('/api/')) {
      const who = callerOf(req);
      if ('refused' in who) return refuse(...who.refused);
      const { caller, web } = who;
      if (url.pathname.startsWith('/api/files/')) {
        if (req.method !== 'GET') return refuse(405, 'VALIDATION', 'files are fetched with GET');
        req.resume();
        const file = options.files?.get(url.pathname.slice('/api/files/'.length)) ?? null;
        // A download is for the person it was made for (the id alone is not enough on a team).
        if (team && file && (caller.token ? team.userOf(caller.token) : null) !== file.ownerId)
          return serveDownload(null, res);
        return serveDownload(file, res);
      }
      if (url.pathname === '/api/events' && options.events) return options.events(req, res, caller);
      if (url.pathname === '/api/upload') {
        if (req.method !== 'POST' || !options.upload)
          return refuse(405, 'VALIDATION', 'files are uploaded with POST /api/upload?name=…');
        const name = url.searchParams.get('name');
        if (!name) return refuse(400, 'VALIDATION', 'say the file name: /api/upload?name=…');
        const result = await options.upload(req, name, caller);
        if (!result.ok) req.resume();
        return sendJson(res, 200, result);
      }
      if (url.pathname === '/api' || url.pathname === '/api/') {
        if (req.method !== 'GET') return refuse(405, 'VALIDATION', 'use GET /api');
        req.resume();
        return sendJson(res, 200, { ok: true, value: describeApi() });
      }
      if (req.method !== 'POST')
        return refuse(405, 'VALIDATION', 'API methods are called with POST');
      const body = await readBody(req, limit);
      if (body === 'too_large')
        return refuse(413, 'VALIDATION', `request body larger than ${limit} bytes`);
      let input: unknown = {};
      if (body.length > 0) {
        try {
          input = JSON.parse(body.toString('utf8')) as unknown;
        } catch {
          return failure(400, res, 'VALIDATION', 'request body is not valid JSON');
        }
      }
      let method: string;
      try {
        method = decodeURIComponent(url.pathname.slice('/api/'.length));
      } catch {
        return failure(400, res, 'VALIDATION', 'malformed method name');
      }
      const result: Result<unknown> = await options.dispatch(method, input, caller);
      if (team && result.ok && web && (method === 'auth.signIn' || method === 'auth.signOut')) {
        // A browser keeps its session in an HttpOnly cookie: the page's scripts never see it.
        const token = method === 'auth.signIn' ? (result.value as { token: string }).token : null;
        res.setHeader('Set-Cookie', sessionCookie(token));
        if (token) (result.value as { token: string | null }).token = null;
      }
      return sendJson(res, isMethodName(method) ? 200 : 404, result);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return refuse(405, 'VALIDATION', 'method not allowed');
    if (!options.staticDir) return refuse(404, 'NOT_FOUND', 'no user interface is served here');
    req.resume();
    serveStatic(options.staticDir, req, url.pathname, res, {
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'no-referrer',
    });
  }

  return server;
}

/** A team server listens where it is told (a LAN address or 0.0.0.0); port 0 picks a free one. */
export function listenOn(server: http.Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as { port: number }).port);
    });
  });
}

/** Listens on 127.0.0.1 only; port 0 picks a free one. */
export function listenLoopback(server: http.Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as { port: number }).port);
    });
  });
}
