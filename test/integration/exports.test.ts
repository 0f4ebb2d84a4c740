import fs from 'node:fs';
import http from 'node:http';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Input } from '../../shared/api';
import { createHttpServer, listenLoopback } from '../../electron/transport/http';
import { signedInApp, type TestApp, untilJobPast } from '../helpers/app';
import { account } from '../helpers/fixtures';
import { auditHead } from '../../electron/audit/head';

let app: TestApp;
afterEach(async () => app?.close());

const COLUMNS: Input<'exports.accounts'>['columns'] = [
  { field: 'name', header: '客户名称' },
  { field: 'buyerType', header: '客户类型' },
  { field: 'fleetTotal', header: '保有车辆' },
  { field: 'createdAt', header: '创建时间' },
];

async function exportFile(
  input: Omit<Input<'exports.accounts'>, 'columns'> & {
    columns?: Input<'exports.accounts'>['columns'];
  },
) {
  const { jobId } = await app.value('exports.accounts', { columns: COLUMNS, ...input });
  const job = await app.deps.jobs.wait(jobId);
  expect(job.state).toBe('done');
  const result = await app.value('exports.result', { jobId });
  const delivery = await app.value('exports.deliver', { jobId });
  if (delivery.kind !== 'download') throw new Error('expected a download');
  const shelved = app.files.get(delivery.url.slice('/api/files/'.length))!;
  return { jobId, result, delivery, path: shelved.path };
}

async function seed() {
  app = await signedInApp();
  await app.value('accounts.create', {
    account: account({
      name: '=HYPERLINK("http://evil")',
      buyerType: 'direct',
      fleet: [{ brand: '大众', model: '帕萨特', count: 1200 }],
    }),
  });
  await app.value('accounts.create', {
    account: account({ name: '杭州市公安局', buyerType: 'government' }),
  });
  await app.value('accounts.create', {
    account: account({ name: '宁波市财政局', buyerType: 'government' }),
  });
}

describe('exporting the accounts view', () => {
  it('writes the filtered, sorted view to .xlsx with a frozen bold header, autofilter, real numbers and dates, and an about sheet', async () => {
    await seed();
    const { result, path } = await exportFile({
      format: 'xlsx',
      filters: [{ field: 'buyerType', op: 'in', values: ['government'] }],
      sort: [{ field: 'name', desc: false }],
    });
    expect(result).toMatchObject({
      rows: 2,
      fileName: expect.stringMatching(/^客户列表-\d{8}-\d{4}\.xlsx$/),
    });
    expect(result.bytes).toBe(fs.statSync(path).size);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const sheet = wb.getWorksheet('客户列表')!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      '客户名称',
      '客户类型',
      '保有车辆',
      '创建时间',
    ]);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.getCell('A2').value).toBe('杭州市公安局');
    expect(sheet.getCell('A3').value).toBe('宁波市财政局');
    expect(sheet.getCell('B2').value).toBe('B类 政府采购');
    expect(typeof sheet.getCell('C2').value).toBe('number');
    expect(sheet.getCell('D2').value).toBeInstanceOf(Date);
    expect(sheet.getCell('D2').numFmt).toContain('年');
    expect(sheet.getColumn(1).width).toBeGreaterThanOrEqual(14);
    expect(sheet.rowCount).toBe(3);

    const about = wb.getWorksheet('导出说明')!;
    const text = JSON.stringify(about.getSheetValues());
    expect(text).toContain('测试员');
    expect(text).toContain('客户类型: B类 政府采购');
    expect(text).toContain('客户名称 升序');
    // The audit chain's head at the time, kept with the file: audit.verify can check against it.
    const head = auditHead(app.database.sqlite)!;
    expect(text).toContain(`"审计链头","#${head.id} ${head.hash}"`);
    expect(await app.value('audit.verify', { head })).toMatchObject({ ok: true });
  });

  it('writes CSV as UTF-8 with a BOM and neutralises formulas', async () => {
    await seed();
    const { path } = await exportFile({
      format: 'csv',
      sort: [{ field: 'fleetTotal', desc: true }],
    });
    const bytes = fs.readFileSync(path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe('客户名称,客户类型,保有车辆,创建时间');
    expect(lines[1]).toBe(
      `"'=HYPERLINK(""http://evil"")",A类 直接用户,1200,${lines[1]!.split(',').at(-1)}`,
    );
    expect(lines[1]!.split(',').at(-1)).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  });

  it('serves the finished file for download over HTTP with the token, and names it in UTF-8', async () => {
    await seed();
    const { delivery } = await exportFile({ format: 'xlsx' });
    const server = createHttpServer({
      dispatch: app.dispatch,
      token: 'secret-token',
      files: app.files,
    });
    const port = await listenLoopback(server, 0);
    const get = (token: string | null) =>
      new Promise<http.IncomingMessage>((resolve, reject) =>
        http
          .get(
            {
              host: '127.0.0.1',
              port,
              path: delivery.kind === 'download' ? delivery.url : '',
              headers: token ? { authorization: `Bearer ${token}` } : {},
            },
            (res) => {
              res.resume();
              resolve(res);
            },
          )
          .on('error', reject),
      );
    expect((await get(null)).statusCode).toBe(401);
    const ok = await get('secret-token');
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('客户列表')}`,
    );
    await new Promise((r) => server.close(r));
  });

  // 30,000 demo accounts make an export long enough to cancel: loading them takes the time.
  it('removes the partial file when cancelled', { timeout: 120_000 }, async () => {
    app = await signedInApp();
    const { jobId: demo } = await app.value('demo.load', { accounts: 30_000 });
    await app.deps.jobs.wait(demo);
    const { jobId } = await app.value('exports.accounts', { format: 'xlsx', columns: COLUMNS });
    await untilJobPast(app, jobId);
    await app.value('jobs.cancel', { id: jobId });
    expect((await app.deps.jobs.wait(jobId)).state).toBe('cancelled');
    expect(fs.readdirSync(`${app.dataDir}/exports`)).toEqual([]);
    const result = await app.call('exports.result', { jobId });
    expect(result.ok || result.error).toMatchObject({
      code: 'CONFLICT',
      details: { kind: 'export_not_done' },
    });
  });

  it('refuses a column listed twice and an unknown time zone', async () => {
    app = await signedInApp();
    const twice = await app.call('exports.accounts', {
      format: 'csv',
      columns: [COLUMNS[0]!, COLUMNS[0]!],
    });
    expect(twice.ok || twice.error.code).toBe('VALIDATION');
    const zone = await app.call('exports.accounts', {
      format: 'csv',
      columns: COLUMNS,
      timeZone: 'Mars/Olympus',
    });
    expect(zone.ok || zone.error.details).toMatchObject({ fields: [{ path: 'timeZone' }] });
  });
});
