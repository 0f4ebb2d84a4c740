import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { usccCheckChar } from '../../shared/uscc';
import { AFTER_JOB, expect, gridTotal, openAs, test, waitForTotal } from './fixtures';

test.use({ demo: true });

interface AccountPage {
  total: number;
  rows: { name: string; updatedAt: string }[];
}

/** Uploads a file in the wizard and waits for the sheet step (inspection done). */
async function uploadToWizard(page: Page, file: string): Promise<void> {
  await page.getByTestId('import-button').click();
  await page.getByTestId('import-file-input').setInputFiles(file);
  await expect(page.getByTestId('import-step-sheet')).toBeVisible(AFTER_JOB);
}

async function toMapping(page: Page): Promise<void> {
  await page.getByTestId('import-next').click();
  await expect(page.getByTestId('import-step-mapping')).toBeVisible();
}

async function dryRun(page: Page) {
  await page.getByTestId('import-dryrun').click();
  const summary = page.getByTestId('import-summary');
  await expect(summary).toBeVisible(AFTER_JOB);
  return summary;
}

test('an exported view imports back with nothing to change, and committing it changes nothing', async ({
  page,
  server,
}) => {
  await openAs(page, server, '张经理');
  const grid = page.getByTestId('accounts-grid');
  await grid.getByTestId('grid-filter-buyerType').click();
  await page.getByTestId('filter-option-system').click();
  await page.getByTestId('filter-apply').click();
  await waitForTotal(page, (n) => n > 0 && n < 2000);
  const shown = await gridTotal(page);
  const latest = { sort: [{ field: 'updatedAt', desc: true }], limit: 1 };
  const before = await server.call<AccountPage>('accounts.list', latest);

  await page.getByTestId('export-button').click();
  const download = page.waitForEvent('download');
  await page.getByTestId('export-xlsx').click();
  const exported = await (await download).path();
  await expect(page.getByTestId('export-done')).toBeVisible(AFTER_JOB);
  await page.getByTestId('export-close').click();

  await uploadToWizard(page, exported);
  await expect(page.getByTestId('import-header-row')).toHaveValue('1');
  await toMapping(page);
  await expect(page.getByTestId('import-map-0')).toContainText('客户名称');
  const summary = await dryRun(page);
  await expect(summary).toHaveAttribute('data-total', String(shown));
  await expect(summary).toHaveAttribute('data-unchanged', String(shown));
  for (const outcome of ['create', 'update', 'reject'])
    await expect(summary).toHaveAttribute(`data-${outcome}`, '0');
  await expect(page.getByTestId('import-nothing-changes')).toBeVisible();
  await expect(page.getByTestId('import-rejects-download')).toHaveCount(0);

  await page.getByTestId('import-next').click();
  await page.getByTestId('import-commit').click();
  const done = page.getByTestId('import-done');
  await expect(done).toBeVisible(AFTER_JOB);
  await expect(done.getByTestId('import-summary')).toHaveAttribute('data-unchanged', String(shown));
  await expect(done.getByTestId('import-summary')).toHaveAttribute('data-create', '0');
  await expect(done.getByTestId('import-summary')).toHaveAttribute('data-update', '0');
  await page.getByTestId('import-close').click();
  await expect(page.getByTestId('import-wizard')).toHaveCount(0);

  await waitForTotal(page, shown);
  const after = await server.call<AccountPage>('accounts.list', latest);
  expect(after.total).toBe(before.total);
  expect(after.rows[0]!.updatedAt).toBe(before.rows[0]!.updatedAt);
});

test('a file with bad rows: the dry run says why, all-or-nothing refuses, valid-only imports the good row and the rejects download with reasons', async ({
  page,
  server,
}, testInfo) => {
  const good = '91330106MA2H0AB1X' + usccCheckChar('91330106MA2H0AB1X');
  const right = usccCheckChar('91330106MA2H0CD2Y');
  const bad = '91330106MA2H0CD2Y' + (right === '0' ? '1' : '0');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('新客户');
  sheet.addRow(['2026年新客户登记表']);
  sheet.mergeCells('A1:D1');
  sheet.addRow(['单位名称', '统一社会信用代码', '客户类型', '所在地区']);
  sheet.addRow(['杭州导入测试新能源科技有限公司', good, '直接用户', '浙江省杭州市西湖区']);
  sheet.addRow(['杭州校验位错误测试有限公司', bad, '直接用户', '浙江省杭州市']);
  sheet.addRow(['杭州未知类型测试有限公司', '', '外星客户', '浙江省杭州市']);
  const file = testInfo.outputPath('new-accounts.xlsx');
  await workbook.xlsx.writeFile(file);

  await openAs(page, server, '张经理');
  await waitForTotal(page, 2000);
  await uploadToWizard(page, file);
  // The merged title above is not the header, and it shows once across its range.
  await expect(page.getByTestId('import-header-row')).toHaveValue('2');
  const title = page
    .getByTestId('import-preview-row-1')
    .getByRole('cell', { name: '2026年新客户登记表' });
  await expect(title).toHaveCount(1);
  await expect(title).toHaveAttribute('colspan', '4');
  await toMapping(page);
  const summary = await dryRun(page);
  await expect(summary).toHaveAttribute('data-create', '1');
  await expect(summary).toHaveAttribute('data-reject', '2');
  const rows = page.getByTestId('import-report-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: '杭州校验位错误测试有限公司' })).toContainText(
    '统一社会信用代码：校验位不正确',
  );
  await expect(rows.filter({ hasText: '杭州未知类型测试有限公司' })).toContainText(
    '客户类型：无法识别“外星客户”',
  );

  await page.getByTestId('import-next').click();
  await expect(page.getByTestId('import-commit')).toBeDisabled();
  await expect(page.getByTestId('import-commit-blocked')).toContainText('有 2 行被拒绝');
  await page.getByTestId('import-policy-validOnly').click();
  await expect(page.getByTestId('import-commit')).toBeEnabled();
  await page.getByTestId('import-commit').click();
  const done = page.getByTestId('import-done');
  await expect(done).toHaveAttribute('data-committed', 'true', AFTER_JOB);
  await expect(done.getByTestId('import-summary')).toHaveAttribute('data-create', '1');
  await expect(done.getByTestId('import-summary')).toHaveAttribute('data-reject', '2');
  const created = await server.call<AccountPage>('accounts.list', {
    search: '杭州导入测试新能源科技有限公司',
  });
  expect(created.total).toBe(1);
  await waitForTotal(page, 2001);

  const download = page.waitForEvent('download');
  await page.getByTestId('import-rejects-download').click();
  const rejects = await download;
  expect(rejects.suggestedFilename()).toMatch(/\.xlsx$/);
  await expect(page.getByTestId('export-done')).toBeVisible(AFTER_JOB);
  const read = new ExcelJS.Workbook();
  await read.xlsx.readFile(await rejects.path());
  const rejected = read.worksheets[0]!;
  const header = rejected.getRow(1).values as unknown[];
  expect(header.at(-1)).toBe('原因');
  expect(header.slice(1, 5)).toEqual(['单位名称', '统一社会信用代码', '客户类型', '所在地区']);
  const reasons = [2, 3].map((r) => String((rejected.getRow(r).values as unknown[]).at(-1)));
  expect(reasons.join('\n')).toContain('校验位不正确');
  expect(reasons.join('\n')).toContain('外星客户');
  await page.getByTestId('export-close').click();
  await page.getByTestId('import-close').click();
});
