/**
 * The built renderer served as static files: a path that cannot name one of its files (NUL,
 * broken percent-encoding, `..`, characters no file name has) is refused with 400 or 404, never
 * 500, and no answer names a folder of the install.
 */
import fs from 'node:fs';
import http, { request as httpRequest } from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpServer, listenLoopback } from '../../electron/transport/http';
import { acceptedEncodings, staticFile } from '../../electron/transport/static-files';
import { tempDir } from '../helpers/db';
import { rawRequest } from '../fuzz/http';
import type { Dispatch } from '../../electron/transport/dispatch';

let server: http.Server;
let port: number;
const root = tempDir('keyfleet-static-');

beforeAll(async () => {
  fs.mkdirSync(path.join(root, 'assets'));
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Keyfleet</title>');
  fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  // A script the build precompressed, as electron.vite.config.ts does.
  const script = Buffer.from(`console.log("${'键'.repeat(2000)}")`);
  fs.writeFileSync(path.join(root, 'assets', 'big.js'), script);
  fs.writeFileSync(path.join(root, 'assets', 'big.js.br'), zlib.brotliCompressSync(script));
  fs.writeFileSync(path.join(root, 'assets', 'big.js.gz'), zlib.gzipSync(script));
  // A file beside the app folder that no path may reach.
  fs.writeFileSync(path.join(path.dirname(root), `${path.basename(root)}-secret.txt`), 'secret');
  const dispatch: Dispatch = async () => ({ ok: true, value: null });
  server = createHttpServer({ dispatch, token: 'static-token', staticDir: root });
  port = await listenLoopback(server, 0);
});
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
});

const get = (url: string, method = 'GET') =>
  rawRequest(port, url, { method, headers: { host: `127.0.0.1:${port}` } });

describe('static files', () => {
  it('serves the app and its assets', async () => {
    expect((await get('/')).status).toBe(200);
    expect((await get('/index.html')).text).toContain('Keyfleet');
    expect((await get('/assets/app.js')).status).toBe(200);
    expect((await get('/assets/%61pp.js')).status).toBe(200);
  });

  const refused: [string, 400 | 404][] = [
    ['/%00', 400],
    ['/index.html%00', 400],
    ['/index.html%00.js', 400],
    ['/assets/%00/app.js', 400],
    ['/%01', 400],
    ['/a%0Ab', 400],
    ['/%ZZ', 400],
    ['/%E0%A4%A', 400],
    ['/%C0%AF', 400],
    ['/%', 400],
    ['/..%5C..%5Cwindows%5Cwin.ini', 400],
    ['/assets%5Capp.js', 400],
    ['/a%3Cb%3E', 400],
    ['/c%3A%2Fwindows', 400],
    ['/a%7Cb', 400],
    ['/a%22b', 400],
    ['/a%2Ab', 400],
    ['/a%3Fb', 400],
    ['/%2e%2e/%2e%2e/etc/passwd', 404],
    ['/..%2f..%2fetc%2fpasswd', 404],
    ['/assets/..%2f..%2f' + encodeURIComponent(`${path.basename(root)}-secret.txt`), 404],
    ['/%2e%2e%2f' + encodeURIComponent(`${path.basename(root)}-secret.txt`), 404],
    ['/' + 'a'.repeat(5000), 404],
    ['/assets', 404],
    ['/assets/', 404],
    ['/nothing.js', 404],
    ['/%F0%9F%98%80.js', 404],
    ['/%ED%A0%80', 400],
  ];
  it.each(refused)('%s answers %i, naming no folder', async (url, status) => {
    for (const method of ['GET', 'HEAD']) {
      const answer = await get(url, method);
      expect(answer.status, `${method} ${url}`).toBe(status);
      expect(answer.text).not.toContain(root);
      expect(answer.text).not.toContain(path.dirname(root));
      expect(answer.text).not.toMatch(/secret|Error|ENOENT|null bytes/);
    }
  });

  /** The answer's headers and bytes as sent, undecoded. */
  const fetchRaw = (url: string, acceptEncoding: string | null, method = 'GET') =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>(
      (resolve, reject) => {
        const headers: Record<string, string> = { host: `127.0.0.1:${port}` };
        if (acceptEncoding !== null) headers['accept-encoding'] = acceptEncoding;
        const req = httpRequest({ host: '127.0.0.1', port, path: url, method, headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: Buffer.concat(chunks),
            }),
          );
        });
        req.on('error', reject);
        req.end();
      },
    );

  it('sends a precompressed copy in the best encoding the browser accepts', async () => {
    const original = fs.readFileSync(path.join(root, 'assets', 'big.js'));
    const br = await fetchRaw('/assets/big.js', 'gzip, deflate, br, zstd');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toBe('Accept-Encoding');
    expect(br.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(Number(br.headers['content-length'])).toBe(br.body.length);
    expect(br.body.length).toBeLessThan(original.length / 5);
    expect(zlib.brotliDecompressSync(br.body)).toEqual(original);
    // Hashed asset names never change content: cached for good.
    expect(br.headers['cache-control']).toContain('immutable');

    const gz = await fetchRaw('/assets/big.js', 'gzip;q=1, br;q=0');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.body)).toEqual(original);

    const plain = await fetchRaw('/assets/big.js', null);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toEqual(original);

    // No copy written for it: sent as it is, whatever the browser accepts.
    const small = await fetchRaw('/assets/app.js', 'br, gzip');
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.body.toString()).toBe('console.log(1)');

    const head = await fetchRaw('/assets/big.js', 'br', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-encoding']).toBe('br');
    expect(head.body.length).toBe(0);
  });

  it('reads Accept-Encoding as browsers write it', () => {
    expect([...acceptedEncodings('gzip, deflate, br, zstd')]).toEqual([
      'gzip',
      'deflate',
      'br',
      'zstd',
    ]);
    expect([...acceptedEncodings('br;q=0, gzip;q=0.8')]).toEqual(['gzip']);
    expect([...acceptedEncodings(undefined)]).toEqual([]);
    expect([...acceptedEncodings(' GZIP ;q=0.5')]).toEqual(['gzip']);
  });

  it('decides from the path alone', () => {
    expect(staticFile(root, '/')).toEqual({ file: path.join(root, 'index.html') });
    expect(staticFile(root, '/%00')).toEqual({ status: 400 });
    expect(staticFile(root, '/%2e%2e/x')).toEqual({ status: 404 });
  });
});
