/**
 * The built renderer served as static files: a path that cannot name one of its files (NUL,
 * broken percent-encoding, `..`, characters no file name has) is refused with 400 or 404, never
 * 500, and no answer names a folder of the install.
 */
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpServer, listenLoopback, staticFile } from '../../electron/transport/http';
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

  it('decides from the path alone', () => {
    expect(staticFile(root, '/')).toEqual({ file: path.join(root, 'index.html') });
    expect(staticFile(root, '/%00')).toEqual({ status: 400 });
    expect(staticFile(root, '/%2e%2e/x')).toEqual({ status: 404 });
  });
});
