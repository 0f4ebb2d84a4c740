import ExcelJS from 'exceljs';
import { AFTER_JOB, expect, openAs, test, waitForTotal } from './fixtures';

test.use({ demo: true });

interface AccountPage {
  total: number;
  rows: { id: number; name: string; uscc: string | null; contactCount: number }[];
}

const SYSTEM_FILTER = { field: 'buyerType', op: 'in' as const, values: ['system'] };

test('contacts of a filtered view export without personal details, and a contacts file imports into an existing account', async ({
  page,
  server,
}, testInfo) => {
  await openAs(page, server, '张经理');
  const grid = page.getByTestId('accounts-grid');
  await grid.getByTestId('grid-filter-buyerType').click();
  await page.getByTestId('filter-option-system').click();
  await page.getByTestId('filter-apply').click();
  await waitForTotal(page, (n) => n > 0 && n < 2000);

  // Export: personal details are asked about first, and left out unless ticked.
  await page.getByTestId('export-button').click();
  await page.getByTestId('export-contacts-xlsx').click();
  const dialog = page.getByTestId('contacts-export-dialog');
  await expect(dialog.getByTestId('contacts-export-personal')).not.toBeChecked();
  await expect(dialog).toContainText('个人信息保护法');
  const download = page.waitForEvent('download');
  await dialog.getByTestId('contacts-export-start').click();
  const xlsx = await download;
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
  await expect(page.getByTestId('export-done')).toBeVisible(AFTER_JOB);
  await expect(page.getByTestId('export-modal')).toContainText('导出联系人');
  await page.getByTestId('export-close').click();

  const exported = new ExcelJS.Workbook();
  await exported.xlsx.readFile(await xlsx.path());
  const contacts = exported.worksheets[0]!;
  const header = (contacts.getRow(1).values as unknown[]).slice(1);
  expect(header).toEqual(expect.arrayContaining(['客户名称', '姓名', '职务', '电话']));
  expect(header).not.toContain('生日');
  expect(contacts.rowCount).toBeGreaterThan(1);
  const about = exported.worksheets[1]!;
  expect(about.name).toBe('导出说明');
  const personalRow = (about.getSheetValues() as unknown[][]).find((r) => r?.[1] === '个人信息');
  expect(personalRow?.[2]).toBe('未导出');
  // Only the view's accounts: the first exported contact belongs to a 系统 account.
  const firstAccount = String(contacts.getCell('A2').value);
  const inView = await server.call<AccountPage>('accounts.list', {
    filters: [SYSTEM_FILTER],
    search: firstAccount,
  });
  expect(inView.rows.map((r) => r.name)).toContain(firstAccount);

  // Import: one new contact for an existing account, named by its 客户名称.
  const {
    rows: [account],
  } = await server.call<AccountPage>('accounts.list', { filters: [SYSTEM_FILTER], limit: 1 });
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('联系人');
  sheet.addRow(['客户名称', '联系人姓名', '职务', '手机', '邮箱']);
  sheet.addRow([account!.name, '司马导入', '装备处处长', '13800138000', 'sima.daoru@example.com']);
  const file = testInfo.outputPath('contacts.xlsx');
  await workbook.xlsx.writeFile(file);

  await page.getByTestId('import-button').click();
  await page.getByTestId('import-target-contacts').click();
  await expect(page.getByTestId('import-wizard')).toContainText('导入联系人');
  await page.getByTestId('import-file-input').setInputFiles(file);
  await expect(page.getByTestId('import-step-sheet')).toBeVisible(AFTER_JOB);
  await expect(page.getByTestId('import-header-row')).toHaveValue('1');
  await page.getByTestId('import-next').click();
  await expect(page.getByTestId('import-map-0')).toContainText('所属客户');
  await expect(page.getByTestId('import-map-1')).toContainText('联系人姓名');
  await expect(page.getByTestId('import-map-3')).toContainText('电话');
  await page.getByTestId('import-dryrun').click();
  const summary = page.getByTestId('import-summary');
  await expect(summary).toHaveAttribute('data-total', '1', AFTER_JOB);
  await expect(summary).toHaveAttribute('data-create', '1');
  await expect(page.getByTestId('import-report-row')).toContainText('司马导入');

  await page.getByTestId('import-next').click();
  await expect(page.getByTestId('import-commit-plan')).toContainText('将新建 1 个联系人');
  await page.getByTestId('import-commit').click();
  const done = page.getByTestId('import-done');
  await expect(done).toHaveAttribute('data-committed', 'true', AFTER_JOB);
  await expect(done.getByTestId('import-summary')).toHaveAttribute('data-create', '1');
  await page.getByTestId('import-close').click();
  await expect(page.getByTestId('import-wizard')).toHaveCount(0);

  await grid.getByTestId('grid-search').fill(account!.name);
  await grid.getByTestId('grid-row').filter({ hasText: account!.name }).first().click();
  await expect(page.getByTestId('account-card-name')).toHaveText(account!.name);
  await expect(page.getByTestId('tab-contacts')).toContainText(String(account!.contactCount + 1));
  await page.getByTestId('tab-contacts').click();
  const added = page.getByTestId('contacts-table').locator('.contact-row', { hasText: '司马导入' });
  await expect(added).toContainText('装备处处长');
  await expect(added).toContainText('13800138000');
});
