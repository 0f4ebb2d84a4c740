/** The team server's certificate: made once for its names and addresses, kept, pinned by fingerprint. */
import { X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import tls from 'node:tls';
import { describe, expect, it } from 'vitest';
import { CERT_FILE, KEY_FILE, tlsMaterial } from '../../electron/server/tls';
import { tempDir } from '../helpers/db';

const FINGERPRINT = /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/;

describe('TLS material', () => {
  it('makes a certificate for every name and address, keeps the key owner-only, and reuses it', async () => {
    const dir = tempDir('keyfleet-tls-');
    const hosts = ['keyfleet.local', '192.168.1.20', '127.0.0.1'];
    const made = await tlsMaterial(dir, hosts);
    expect(made.origin).toBe('created');
    expect(made.fingerprint).toMatch(FINGERPRINT);
    const x509 = new X509Certificate(made.cert);
    expect(x509.checkHost('keyfleet.local')).toBe('keyfleet.local');
    expect(x509.checkIP('192.168.1.20')).toBe('192.168.1.20');
    expect(x509.checkHost('other.example')).toBeUndefined();
    expect(fs.statSync(path.join(dir, KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(dir).sort()).toEqual([CERT_FILE, KEY_FILE].sort());

    const again = await tlsMaterial(dir, hosts);
    expect(again).toMatchObject({ origin: 'kept', fingerprint: made.fingerprint });
    // A new address the kept certificate does not cover: a new certificate, a new fingerprint.
    const moved = await tlsMaterial(dir, [...hosts, '10.0.0.8']);
    expect(moved.origin).toBe('created');
    expect(moved.fingerprint).not.toBe(made.fingerprint);
  });

  it('serves HTTPS whose peer certificate has the printed fingerprint', async () => {
    const material = await tlsMaterial(tempDir('keyfleet-tls-'), ['127.0.0.1', 'localhost']);
    const server = https.createServer({ cert: material.cert, key: material.key }, (_, res) =>
      res.end('ok'),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const seen = await new Promise<string>((resolve, reject) => {
        // Self-signed: trust comes from comparing the fingerprint, which is what a client pins.
        const socket = tls.connect({ host: '127.0.0.1', port, rejectUnauthorized: false }, () => {
          resolve(socket.getPeerX509Certificate()!.fingerprint256);
          socket.end();
        });
        socket.on('error', reject);
      });
      expect(seen).toBe(material.fingerprint);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('uses given certificate files as they are', async () => {
    const source = await tlsMaterial(tempDir('keyfleet-tls-'), ['keyfleet.example']);
    const dir = tempDir('keyfleet-tls-');
    fs.writeFileSync(path.join(dir, 'store.crt'), source.cert);
    fs.writeFileSync(path.join(dir, 'store.key'), source.key);
    const given = await tlsMaterial(tempDir('keyfleet-tls-'), ['keyfleet.example'], {
      certFile: path.join(dir, 'store.crt'),
      keyFile: path.join(dir, 'store.key'),
    });
    expect(given).toMatchObject({ origin: 'given', fingerprint: source.fingerprint });
  });
});
