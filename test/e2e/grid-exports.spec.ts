/**
 * Grid exports through the UI: the new 交车记录 grid on the contracts page (built for this) and
 * the tenders grid each export their view — sort and filter as shown — to .xlsx with the progress
 * modal; the file's rows are the list's. Screenshots of the new grids in zh-CN and English.
 */
import type { Page } from '@playwright/test';
import { expect, exportXlsx, go, openAs, test, waitForTotal } from './fixtures';

test.use({ demo: true });

async function shot(page: Page, name: string) {
  await page.screenshot({ path: test.info().outputPath(name) });
}

test('the deliveries grid pages, sorts and exports its view; the tenders grid exports too', async ({
  page,
  server,
}) => {
  await openAs(page, server, '张经理');
  await go(page, '/contracts');
  await page.getByTestId('contracts-tab-deliveries').click();
  const deliveries = page.getByTestId('deliveries-grid');
  await expect(deliveries).toBeVisible();
  const all = await server.call('contracts.listDeliveries', { limit: 1 });
  expect(all.total).toBeGreaterThan(5);
  await waitForTotal(page, all.total, 'deliveries-grid');
  await expect(deliveries.getByTestId('grid-row').first()).toBeVisible();
  await shot(page, 'deliveries-zh.png');

  await deliveries.getByTestId('grid-sort-vin').click();
  await expect(deliveries.getByTestId('grid-sort-state-vin')).toHaveAttribute('data-sort', 'asc');
  const expected = await server.call('contracts.listDeliveries', {
    sort: [{ field: 'vin', desc: false }],
    limit: 3,
  });
  const { wb, name } = await exportXlsx(page, deliveries);
  expect(name).toMatch(/^交车记录-\d{8}-\d{4}\.xlsx$/);
  const sheet = wb.getWorksheet('交车记录')!;
  expect(sheet.rowCount).toBe(all.total + 1);
  expect(sheet.getCell('A1').value).toBe('车架号');
  expect([2, 3, 4].map((r) => sheet.getCell(`A${r}`).value)).toEqual(
    expected.rows.map((r) => r.vin),
  );
  const about = JSON.stringify(wb.getWorksheet('导出说明')!.getSheetValues());
  expect(about).toContain('车架号 升序');
  expect(about).toContain('张经理');

  // The invoices grid beside it, and both in English.
  await page.getByTestId('contracts-tab-invoices').click();
  const invoices = page.getByTestId('invoices-grid');
  await expect(invoices.getByTestId('grid-row').first()).toBeVisible();
  await shot(page, 'invoices-zh.png');
  await page.getByTestId('lang-switch').getByText('English').click();
  await expect(page.getByTestId('contracts-tab-invoices')).toHaveText('Invoices');
  await expect(invoices.getByTestId('grid-row').first()).toBeVisible();
  await shot(page, 'invoices-en.png');
  await page.getByTestId('contracts-tab-deliveries').click();
  await expect(deliveries.getByTestId('grid-row').first()).toBeVisible();
  await shot(page, 'deliveries-en.png');

  // An existing grid: the tenders, filtered by status, exported in English.
  await go(page, '/tenders');
  const tenders = page.getByTestId('tenders-grid');
  await expect(tenders.getByTestId('grid-row').first()).toBeVisible();
  await tenders.getByTestId('grid-filter-status').click();
  await page.getByTestId('filter-option-awarded').click();
  await page.getByTestId('filter-apply').click();
  const awarded = await server.call('tenders.list', {
    filters: [{ field: 'status', op: 'in', values: ['awarded'] }],
    sort: [{ field: 'updatedAt', desc: true }],
    limit: 500,
  });
  expect(awarded.total).toBeGreaterThan(0);
  await waitForTotal(page, awarded.total, 'tenders-grid');
  const exported = await exportXlsx(page, tenders);
  expect(exported.name).toMatch(/^tenders-\d{8}-\d{4}\.xlsx$/);
  const tenderSheet = exported.wb.getWorksheet('Tenders')!;
  expect(tenderSheet.rowCount).toBe(awarded.total + 1);
  const projectCol = (tenderSheet.getRow(1).values as unknown[]).indexOf('Project no.');
  expect(projectCol).toBeGreaterThan(0);
  expect(tenderSheet.getCell(2, projectCol).value).toBe(awarded.rows[0]!.projectNo);
  expect(JSON.stringify(exported.wb.getWorksheet('About this export')!.getSheetValues())).toContain(
    'Status: Awarded',
  );
});
