import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { AFTER_JOB, expect, openAs, test, waitForTotal } from './fixtures';

test.use({ demo: true });

test('exports the filtered, sorted view with its visible columns to .xlsx and .csv', async ({
  page,
  server,
}) => {
  await openAs(page, server, '张经理');
  const grid = page.getByTestId('accounts-grid');
  await grid.getByTestId('grid-filter-buyerType').click();
  await page.getByTestId('filter-option-system').click();
  await page.getByTestId('filter-apply').click();
  await waitForTotal(page, (n) => n > 0 && n < 2000);
  const expected = await server.call<{ total: number; rows: { name: string }[] }>('accounts.list', {
    filters: [{ field: 'buyerType', op: 'in', values: ['system'] }],
    sort: [{ field: 'name', desc: false }],
    limit: 3,
  });
  await grid.getByTestId('grid-sort-name').click();
  await expect(grid.getByTestId('grid-sort-state-name')).toHaveAttribute('data-sort', 'asc');

  await page.getByTestId('export-button').click();
  const xlsxDownload = page.waitForEvent('download');
  await page.getByTestId('export-xlsx').click();
  const xlsx = await xlsxDownload;
  expect(xlsx.suggestedFilename()).toMatch(/^客户列表-\d{8}-\d{4}\.xlsx$/);
  await expect(page.getByTestId('export-done')).toBeVisible(AFTER_JOB);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await xlsx.path());
  const sheet = wb.getWorksheet('客户列表')!;
  expect(sheet.rowCount).toBe(expected.total + 1);
  expect(sheet.getCell('A1').value).toBe('客户名称');
  expect([2, 3, 4].map((r) => sheet.getCell(`A${r}`).value)).toEqual(
    expected.rows.map((r) => r.name),
  );
  expect(JSON.stringify(wb.getWorksheet('导出说明')!.getSheetValues())).toContain('张经理');
  await page.getByTestId('export-close').click();

  await page.getByTestId('export-button').click();
  const csvDownload = page.waitForEvent('download');
  await page.getByTestId('export-csv').click();
  const csv = fs.readFileSync(await (await csvDownload).path());
  expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = csv.toString('utf8').trim().split('\r\n');
  expect(lines).toHaveLength(expected.total + 1);
  expect(lines[1]!.startsWith(expected.rows[0]!.name)).toBe(true);
});
