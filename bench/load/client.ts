/**
 * The load test's HTTPS client: one per simulated person, as a browser keeps its own connections.
 * It trusts exactly the certificate whose SHA-256 fingerprint the team server printed (the way a
 * colleague's client pins it), times every request from the first byte sent to the answer read,
 * and retries a write the server answered CONFLICT 'busy' (a job held the write lock) as the app
 * does — the time a person waited includes the retries.
 */
import https from 'node:https';
import tls from 'node:tls';
import type { Recorder } from './stats';

export interface Server {
  host: string;
  port: number;
  /** The certificate (PEM) fetched once and checked against the printed fingerprint. */
  ca: string;
  fingerprint: string;
}

export interface Failure {
  code: string;
  message: string;
  details?: { kind?: string } & Record<string, unknown>;
}
export type Answer<T> = { ok: true; value: T } | { ok: false; error: Failure };

const REQUEST_TIMEOUT_MS = 30_000;
/** Below the server's keep-alive timeout (Node's 5 s), so that idle connections are closed here first. */
const IDLE_SOCKET_MS = 4_000;

class ResetReusedSocket extends Error {}
const BUSY_RETRIES = 5;

/** Reads the server's certificate without trusting it, and keeps it only if the fingerprint matches. */
export function pinnedCertificate(
  host: string,
  port: number,
  fingerprint: string,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = tls.connect({ host, port, rejectUnauthorized: false }, () => {
      const cert = socket.getPeerCertificate(true);
      socket.end();
      if (cert.fingerprint256 !== fingerprint)
        return reject(new Error(`certificate ${cert.fingerprint256} is not the printed one`));
      const body = cert.raw.toString('base64').replace(/(.{64})/g, '$1\n');
      resolve(`-----BEGIN CERTIFICATE-----\n${body}\n-----END CERTIFICATE-----\n`);
    });
    socket.on('error', reject);
  });
}

export class Client {
  token: string | null = null;
  private readonly agent: https.Agent;

  constructor(
    private readonly server: Server,
    private readonly recorder: Recorder | null,
  ) {
    this.agent = new https.Agent({
      keepAlive: true,
      maxSockets: 4,
      timeout: IDLE_SOCKET_MS,
      ca: server.ca,
      // Trusted because it is the pinned certificate, whatever names it carries.
      checkServerIdentity: (_host, cert) =>
        cert.fingerprint256 === server.fingerprint
          ? undefined
          : new Error(`certificate changed: ${cert.fingerprint256}`),
    });
  }

  close(): void {
    this.agent.destroy();
  }

  /** POST /api/<method>; `kind` names the figure it counts towards (null: not timed, e.g. setup). */
  async call<T>(kind: string | null, method: string, input: unknown = {}): Promise<Answer<T>> {
    const body = Buffer.from(JSON.stringify(input));
    return this.timed(kind, async () => {
      const res = await this.request('POST', `/api/${method}`, body, 'application/json');
      return JSON.parse(res.body.toString('utf8')) as Answer<T>;
    });
  }

  /** Like `call`, but a failure is the harness's own problem (setup steps). */
  async value<T>(method: string, input: unknown = {}): Promise<T> {
    const answer = await this.call<T>(null, method, input);
    if (!answer.ok)
      throw new Error(
        `${method}: ${answer.error.code} ${answer.error.details?.kind ?? ''} ${answer.error.message}`,
      );
    return answer.value;
  }

  /** POST /api/upload?name=…: stages a file for an import. */
  upload(kind: string, name: string, bytes: Buffer): Promise<Answer<{ fileId: string }>> {
    return this.timed(kind, async () => {
      const res = await this.request(
        'POST',
        `/api/upload?name=${encodeURIComponent(name)}`,
        bytes,
        'application/octet-stream',
      );
      return JSON.parse(res.body.toString('utf8')) as Answer<{ fileId: string }>;
    });
  }

  /** GET of a download link an export handed out. */
  download(kind: string, url: string): Promise<Answer<Buffer>> {
    return this.timed(kind, async () => {
      const res = await this.request('GET', url, null, null);
      return res.status === 200
        ? { ok: true, value: res.body }
        : { ok: false, error: { code: `HTTP_${res.status}`, message: res.body.toString('utf8') } };
    });
  }

  private async timed<T>(
    kind: string | null,
    attempt: () => Promise<Answer<T>>,
  ): Promise<Answer<T>> {
    const started = performance.now();
    let retries = 0;
    let resent = 0;
    let answer: Answer<T>;
    for (;;) {
      try {
        answer = await attempt();
      } catch (error) {
        // A kept-alive connection the server closed just as it was reused: nothing reached the
        // server, and a browser sends the request again on a new connection without a word.
        if (error instanceof ResetReusedSocket && resent++ < 2) {
          if (this.recorder) this.recorder.resent++;
          continue;
        }
        answer = {
          ok: false,
          error: {
            code: 'TRANSPORT',
            message: error instanceof Error ? error.message : String(error),
          },
        };
      }
      const busy =
        !answer.ok && answer.error.code === 'CONFLICT' && answer.error.details?.kind === 'busy';
      if (!busy || retries >= BUSY_RETRIES) break;
      retries++;
      await new Promise((r) => setTimeout(r, 50 * 2 ** retries));
    }
    if (kind)
      this.recorder?.record(
        kind,
        performance.now() - started,
        answer.ok ? null : answer.error,
        retries,
      );
    return answer;
  }

  private request(
    method: 'GET' | 'POST',
    path: string,
    body: Buffer | null,
    type: string | null,
  ): Promise<{ status: number; body: Buffer }> {
    return new Promise((resolve, reject) => {
      const headers: Record<string, string | number> = {};
      if (this.token) headers.authorization = `Bearer ${this.token}`;
      if (type) headers['content-type'] = type;
      if (body) headers['content-length'] = body.length;
      let gotResponse = false;
      const req = https.request(
        {
          host: this.server.host,
          port: this.server.port,
          path,
          method,
          headers,
          agent: this.agent,
          timeout: REQUEST_TIMEOUT_MS,
        },
        (res) => {
          gotResponse = true;
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }),
          );
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error(`no answer in ${REQUEST_TIMEOUT_MS} ms`)));
      req.on('error', (error: NodeJS.ErrnoException) =>
        reject(
          req.reusedSocket && error.code === 'ECONNRESET' && !gotResponse
            ? new ResetReusedSocket(error.message)
            : error,
        ),
      );
      req.end(body ?? undefined);
    });
  }
}
