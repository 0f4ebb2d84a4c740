/**
 * The team server's TLS certificate. Given files are used as they are; without them a self-signed
 * certificate for the server's names and addresses is made once (the maintained `selfsigned`
 * package, on Node's own WebCrypto) and kept in the data folder, the key readable by its owner
 * only. Colleagues compare the SHA-256 fingerprint the server prints with what their browser or
 * the Electron client shows, and the client pins it.
 */
import { X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import { isIP } from 'node:net';
import path from 'node:path';
import { generate } from 'selfsigned';
import { now } from '../../shared/clock';

interface TlsMaterial {
  cert: string;
  key: string;
  /** SHA-256 of the certificate, as `AA:BB:…` (what browsers show). */
  fingerprint: string;
  /** Where the certificate came from: made here now, made here earlier, or given. */
  origin: 'created' | 'kept' | 'given';
}

export const CERT_FILE = 'tls-cert.pem';
export const KEY_FILE = 'tls-key.pem';
/** A self-signed certificate is remade this long before it expires. */
const RENEW_BEFORE_MS = 30 * 86_400_000;
const VALID_DAYS = 825;

export function fingerprintOf(cert: string): string {
  return new X509Certificate(cert).fingerprint256;
}

/** Whether a kept certificate still covers these hosts and is not about to expire. */
function stillGood(cert: string, hosts: readonly string[]): boolean {
  const x509 = new X509Certificate(cert);
  if (Date.parse(x509.validTo) - now().getTime() < RENEW_BEFORE_MS) return false;
  return hosts.every((h) => (isIP(h) ? x509.checkIP(h) : x509.checkHost(h)) !== undefined);
}

async function selfSigned(hosts: readonly string[]): Promise<{ cert: string; key: string }> {
  const notBeforeDate = new Date(now().getTime() - 60_000);
  const pems = await generate([{ name: 'commonName', value: hosts[0] ?? 'keyfleet' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate: new Date(notBeforeDate.getTime() + VALID_DAYS * 86_400_000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: hosts.map((h) => (isIP(h) ? { type: 7, ip: h } : { type: 2, value: h })),
      },
    ],
  });
  return { cert: pems.cert, key: pems.private };
}

/**
 * The certificate and key to serve: the given files, or the data folder's self-signed pair, made
 * (or remade, when it no longer covers the hosts or nears its end) for `hosts`.
 */
export async function tlsMaterial(
  dataDir: string,
  hosts: readonly string[],
  given?: { certFile: string; keyFile: string },
): Promise<TlsMaterial> {
  if (given) {
    const cert = fs.readFileSync(given.certFile, 'utf8');
    const key = fs.readFileSync(given.keyFile, 'utf8');
    return { cert, key, fingerprint: fingerprintOf(cert), origin: 'given' };
  }
  const certFile = path.join(dataDir, CERT_FILE);
  const keyFile = path.join(dataDir, KEY_FILE);
  if (fs.existsSync(certFile) && fs.existsSync(keyFile)) {
    const cert = fs.readFileSync(certFile, 'utf8');
    if (stillGood(cert, hosts))
      return {
        cert,
        key: fs.readFileSync(keyFile, 'utf8'),
        fingerprint: fingerprintOf(cert),
        origin: 'kept',
      };
  }
  const { cert, key } = await selfSigned(hosts);
  fs.mkdirSync(dataDir, { recursive: true });
  // The key first, created with owner-only permissions (never world-readable, not even briefly).
  fs.writeFileSync(`${keyFile}.part`, key, { mode: 0o600 });
  fs.chmodSync(`${keyFile}.part`, 0o600);
  fs.renameSync(`${keyFile}.part`, keyFile);
  fs.writeFileSync(`${certFile}.part`, cert);
  fs.renameSync(`${certFile}.part`, certFile);
  return { cert, key, fingerprint: fingerprintOf(cert), origin: 'created' };
}
