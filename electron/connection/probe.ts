/**
 * Looks at a team server before the user trusts it: one HTTPS request for `GET /api` that reads
 * the certificate the server presents (not checked against any authority — the self-signed
 * certificate is trusted only by the user comparing this fingerprint) and checks that the answer
 * is Keyfleet's result envelope. Nothing is sent but that request; nothing is trusted yet.
 */
import https from 'node:https';
import { isIP } from 'node:net';
import type { TLSSocket } from 'node:tls';
import type { ProbedServer } from '../../shared/schemas/connection';
import { AppError, ERROR_CODES } from '../../shared/result';
import { parseServerUrl } from './server-address';

interface ProbeOptions {
  /** How long the whole look may take. */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 8_000;
/** `GET /api` lists every method with its JSON Schema (about 0.5 MB today). */
const MAX_BODY_BYTES = 8 * 1024 * 1024;

/** Connection failures that mean "nothing answered there". */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EHOSTDOWN',
  'ETIMEDOUT',
  'EADDRNOTAVAIL',
]);

function problem(kind: 'unreachable' | 'no_tls' | 'not_keyfleet', url: string, why: string) {
  return new AppError(kind === 'unreachable' ? 'IO' : 'VALIDATION', `${url}: ${why}`, { kind });
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/** Keyfleet's answer: the method list, or (signed-out, on a team server) a refusal envelope. */
export function looksLikeKeyfleet(body: unknown): boolean {
  if (!isRecord(body)) return false;
  if (body.ok === true)
    return (
      Array.isArray(body.value) && body.value.some((m) => isRecord(m) && m.name === 'app.info')
    );
  if (body.ok !== false || !isRecord(body.error)) return false;
  const { code, message } = body.error;
  return typeof message === 'string' && (ERROR_CODES as readonly unknown[]).includes(code);
}

export async function probeServer(
  input: string,
  options: ProbeOptions = {},
): Promise<ProbedServer> {
  const address = parseServerUrl(input);
  const url = address.origin;
  return new Promise<ProbedServer>((resolve, reject) => {
    let settled = false;
    const finish = (error: AppError | null, value?: ProbedServer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request.destroy();
      if (error) reject(error);
      else resolve(value!);
    };
    const request = https.request({
      host: address.host,
      port: address.port,
      // SNI carries names only, never addresses.
      servername: isIP(address.host) ? '' : address.host,
      path: '/api',
      method: 'GET',
      headers: { Host: address.hostHeader, Accept: 'application/json', Connection: 'close' },
      agent: false,
      // Read-only look at a self-signed certificate: trust comes from the user's comparison.
      rejectUnauthorized: false,
    });
    const timer = setTimeout(
      () => finish(problem('unreachable', url, 'no answer in time')),
      options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    );
    request.on('error', (error: NodeJS.ErrnoException) => {
      const code = error.code ?? '';
      if (UNREACHABLE_CODES.has(code)) finish(problem('unreachable', url, code));
      else if (code === 'ECONNRESET' || code === 'EPROTO' || code.startsWith('ERR_SSL'))
        finish(problem('no_tls', url, `${code}: ${error.message}`));
      else finish(problem('unreachable', url, `${code || 'error'}: ${error.message}`));
    });
    request.on('response', (response) => {
      const certificate = (response.socket as TLSSocket).getPeerX509Certificate?.();
      if (!certificate) return finish(problem('no_tls', url, 'no certificate presented'));
      const fingerprint = certificate.fingerprint256;
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_BODY_BYTES) finish(problem('not_keyfleet', url, 'answer too large'));
        else chunks.push(chunk);
      });
      response.on('error', (error) => finish(problem('unreachable', url, error.message)));
      response.on('end', () => {
        let body: unknown;
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
        } catch {
          return finish(
            problem('not_keyfleet', url, `HTTP ${response.statusCode}: the answer is not JSON`),
          );
        }
        if (!looksLikeKeyfleet(body))
          return finish(
            problem('not_keyfleet', url, `HTTP ${response.statusCode}: not a Keyfleet answer`),
          );
        finish(null, { url, fingerprint });
      });
    });
    request.end();
  });
}
