import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APP_INDEX_URL,
  APP_SCHEME_PRIVILEGES,
  createAppProtocolHandler,
  mimeType,
  resolveAppFile,
} from '../../electron/transport/app-protocol';
import { rendererSource } from '../../electron/connection/renderer-source';
import { CONTENT_SECURITY_POLICY } from '../../electron/transport/http';

describe('the app:// origin', () => {
  it('is a standard, secure scheme that does not bypass the CSP', () => {
    expect(APP_INDEX_URL).toBe('app://keyfleet/index.html');
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({
      scheme: 'app',
      privileges: { standard: true, secure: true, bypassCSP: false, allowServiceWorkers: false },
    });
  });

  it('maps its URLs to files inside the renderer folder', () => {
    const root = '/opt/keyfleet/resources/app.asar/out/renderer';
    expect(resolveAppFile('app://keyfleet/index.html', root)).toEqual({
      ok: true,
      file: `${root}/index.html`,
    });
    expect(resolveAppFile('app://keyfleet/', root)).toEqual({
      ok: true,
      file: `${root}/index.html`,
    });
    expect(resolveAppFile('app://keyfleet', root)).toEqual({
      ok: true,
      file: `${root}/index.html`,
    });
    expect(resolveAppFile('app://KEYFLEET/assets/index-Ab1.js?v=2#/accounts', root)).toEqual({
      ok: true,
      file: `${root}/assets/index-Ab1.js`,
    });
    expect(resolveAppFile('app://keyfleet/assets/%E5%AE%A2%E6%88%B7.png', root)).toEqual({
      ok: true,
      file: `${root}/assets/客户.png`,
    });
  });

  it('refuses every way out of the renderer folder', () => {
    const root = '/opt/keyfleet/out/renderer';
    for (const url of [
      'app://keyfleet/..%2f..%2f..%2fetc%2fpasswd',
      'app://keyfleet/assets/..%2F..%2F..%2Fmain%2Findex.js',
      'app://keyfleet/%2e%2e%2f%2e%2e%2fpackage.json',
      'app://keyfleet/a%5c..%5c..%5c..%5cwindows',
      'app://keyfleet/C:%5cWindows%5cwin.ini',
      'app://keyfleet/index.html::$DATA',
    ])
      expect(resolveAppFile(url, root), url).toMatchObject({ ok: false, status: 403 });
    // The URL parser already folds plain dot segments: they land inside the folder, as 404s.
    const folded = resolveAppFile('app://keyfleet/../../etc/passwd', root);
    expect(folded).toEqual({ ok: true, file: `${root}/etc/passwd` });
    for (const url of [
      'app://keyfleet/index.html%00.png',
      'app://keyfleet/a%0Ab',
      'app://keyfleet/%E0%A4%A',
    ])
      expect(resolveAppFile(url, root), url).toMatchObject({ ok: false, status: 400 });
    for (const url of [
      'app://evil/index.html',
      'file:///etc/passwd',
      'https://keyfleet/index.html',
    ])
      expect(resolveAppFile(url, root), url).toMatchObject({ ok: false, status: 404 });
  });

  it('keeps Windows paths inside the folder too', () => {
    const root =
      'C:\\Users\\li\\AppData\\Local\\Programs\\Keyfleet\\resources\\app.asar\\out\\renderer';
    expect(resolveAppFile('app://keyfleet/assets/index.js', root, path.win32)).toEqual({
      ok: true,
      file: `${root}\\assets\\index.js`,
    });
    for (const url of [
      'app://keyfleet/..%5c..%5c..%5cdata.sqlite',
      'app://keyfleet/assets%5c..%5c..%5cmain',
      'app://keyfleet/D:%5csecret.txt',
    ])
      expect(resolveAppFile(url, root, path.win32), url).toMatchObject({ ok: false, status: 403 });
    // A UNC-looking path is only folder names under the renderer folder, never a share.
    expect(resolveAppFile('app://keyfleet/%5c%5cserver%5cshare%5cx', root, path.win32)).toEqual({
      ok: true,
      file: `${root}\\server\\share\\x`,
    });
  });

  it('names the MIME type of each kind of built file', () => {
    expect(mimeType('index.html')).toBe('text/html; charset=utf-8');
    expect(mimeType('assets/index-Ab1.js')).toBe('text/javascript; charset=utf-8');
    expect(mimeType('assets/index.CSS')).toBe('text/css; charset=utf-8');
    expect(mimeType('a.woff2')).toBe('font/woff2');
    expect(mimeType('a.svg')).toBe('image/svg+xml');
    expect(mimeType('a.wasm')).toBe('application/wasm');
    expect(mimeType('no-extension')).toBe('application/octet-stream');
    expect(mimeType('evil.hta')).toBe('application/octet-stream');
  });
});

describe('the app:// handler', () => {
  let root: string;
  let outside: string;
  beforeAll(() => {
    outside = fs.mkdtempSync(path.join(os.tmpdir(), 'keyfleet-app-protocol-'));
    root = path.join(outside, 'renderer');
    fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Keyfleet</title>');
    fs.writeFileSync(path.join(root, 'assets', 'index.js'), 'console.log(1)');
    fs.writeFileSync(path.join(outside, 'secret.txt'), 'not for the page');
  });
  afterAll(() => fs.rmSync(outside, { recursive: true, force: true }));

  it('serves the renderer with its type and the CSP', async () => {
    const handle = createAppProtocolHandler(root);
    const page = await handle(new Request('app://keyfleet/index.html#/accounts'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(await page.text()).toContain('<title>Keyfleet</title>');
    const script = await handle(new Request('app://keyfleet/assets/index.js'));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await script.text()).toBe('console.log(1)');
    const head = await handle(new Request('app://keyfleet/assets/index.js', { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe('14');
  });

  it('never reads outside the folder and never names it', async () => {
    const handle = createAppProtocolHandler(root);
    for (const url of [
      'app://keyfleet/..%2fsecret.txt',
      'app://keyfleet/assets/..%2f..%2fsecret.txt',
      'app://keyfleet/../secret.txt',
      'app://keyfleet/missing.js',
      'app://keyfleet/assets',
      'app://keyfleet/index.html%00',
      'app://elsewhere/index.html',
    ]) {
      const answer = await handle(new Request(url));
      expect(answer.status, url).toBeGreaterThanOrEqual(400);
      expect(answer.status, url).toBeLessThan(500);
      const text = await answer.text();
      expect(text, url).not.toContain('not for the page');
      expect(text, url).not.toContain(outside);
    }
    const post = await handle(
      new Request('app://keyfleet/index.html', { method: 'POST', body: 'x' }),
    );
    expect(post.status).toBe(405);
  });
});

describe('which page the window loads', () => {
  it('honours the dev server only in an unpackaged run', () => {
    const env = { ELECTRON_RENDERER_URL: 'http://localhost:5173/' };
    expect(rendererSource(false, env)).toEqual({ kind: 'dev', url: 'http://localhost:5173/' });
    expect(rendererSource(true, env)).toEqual({ kind: 'app', url: 'app://keyfleet/index.html' });
    expect(rendererSource(false, {})).toEqual({ kind: 'app', url: 'app://keyfleet/index.html' });
  });

  it('never takes a non-web dev URL', () => {
    for (const dev of ['file:///tmp/evil.html', 'javascript:alert(1)', 'not a url', ''])
      expect(rendererSource(false, { ELECTRON_RENDERER_URL: dev }), dev).toEqual({
        kind: 'app',
        url: 'app://keyfleet/index.html',
      });
  });
});
