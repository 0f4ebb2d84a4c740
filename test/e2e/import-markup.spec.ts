/**
 * Files "exported to Excel" that are not .xlsx, through the wizard: a procurement site's tender
 * list saved as an HTML .xls imports with its merged title found above the header; a legacy
 * binary .xls (Excel 97 / WPS) of accounts imports the same way; a CSV in Windows-1252 is read in
 * it, and the encoding switch reads it again in another.
 */
import path from 'node:path';
import fs from 'node:fs';
import * as XLSX from '@e965/xlsx';
import type { Page } from '@playwright/test';
import iconv from 'iconv-lite';
import { usccCheckChar } from '../../shared/uscc';
import { AFTER_JOB, expect, go, openAs, test } from './fixtures';

test.use({ demo: true });

const FIXTURE = path.join(__dirname, '..', 'fixtures', 'tender-list.html.xls');

/** Screenshots for a person to look at, when SCREENSHOTS_DIR is set. */
const shot = async (page: Page, name: string) => {
  const dir = process.env.SCREENSHOTS_DIR;
  if (dir) await page.screenshot({ path: `${dir}/${name}.png` });
};

async function switchTo(page: Page, lang: 'English' | '中文') {
  await go(page, '/my-day');
  await expect(page.getByTestId('my-day-page')).toBeVisible();
  await page.getByTestId('lang-switch').getByText(lang).click();
}

async function uploadTenders(page: Page, file: string) {
  await go(page, '/tenders');
  await page.getByTestId('tender-import').click();
  await page.getByTestId('import-file-input').setInputFiles(file);
  await expect(page.getByTestId('import-step-sheet')).toBeVisible(AFTER_JOB);
}

test('a tender list exported as an HTML .xls imports through the wizard with its merged title found', async ({
  page,
  server,
}) => {
  await openAs(page, server, '张经理');
  await uploadTenders(page, FIXTURE);
  await expect(page.getByTestId('import-header-row')).toHaveValue('2');
  const title = page
    .getByTestId('import-preview-row-1')
    .getByRole('cell', { name: '2026年第四季度公务用车采购招标公告一览' });
  await expect(title).toHaveCount(1);
  await expect(title).toHaveAttribute('colspan', '6');
  await shot(page, 'html-xls-wizard-zh');

  await page.getByTestId('import-next').click();
  await expect(page.getByTestId('import-step-mapping')).toBeVisible();
  await page.getByTestId('import-dryrun').click();
  const summary = page.getByTestId('import-summary');
  await expect(summary).toBeVisible(AFTER_JOB);
  await expect(summary).toHaveAttribute('data-create', '3');
  await expect(summary).toHaveAttribute('data-reject', '0');
  await page.getByTestId('import-next').click();
  await page.getByTestId('import-commit').click();
  const done = page.getByTestId('import-done');
  await expect(done).toHaveAttribute('data-committed', 'true', AFTER_JOB);
  const list = await server.call<{ total: number }>('tenders.list', { search: 'ZJ-HTML-2026' });
  expect(list.total).toBe(3);
  await page.getByTestId('import-close').click();

  await switchTo(page, 'English');
  await uploadTenders(page, FIXTURE);
  await expect(
    page.getByTestId('import-file-read').or(page.getByTestId('import-step-sheet')),
  ).toBeVisible();
  await shot(page, 'html-xls-wizard-en');
});

test('a legacy binary .xls of accounts imports through the wizard, its merged title found', async ({
  page,
  server,
}, testInfo) => {
  const uscc = (i: number) => {
    const first17 = `91420500MA${String(i).padStart(7, '0')}`;
    return first17 + usccCheckChar(first17);
  };
  const ws = XLSX.utils.aoa_to_sheet([
    ['宜昌市大客户名单（旧版 Excel 导出）'],
    ['单位名称', '统一社会信用代码', '客户类型'],
    ['宜昌嘉禾实业有限公司', uscc(1), '直销'],
    ['宜昌市公安局交通警察支队', uscc(2), '政府采购'],
  ]);
  ws['!merges'] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: 2 } }];
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, '客户名单');
  const file = testInfo.outputPath('宜昌客户.xls');
  fs.writeFileSync(file, XLSX.write(wb, { type: 'buffer', bookType: 'biff8' }) as Buffer);

  await openAs(page, server, '张经理');
  await go(page, '/accounts');
  await page.getByTestId('import-button').click();
  await page.getByTestId('import-file-input').setInputFiles(file);
  await expect(page.getByTestId('import-step-sheet')).toBeVisible(AFTER_JOB);
  await expect(page.getByTestId('import-header-row')).toHaveValue('2');
  await expect(
    page
      .getByTestId('import-preview-row-1')
      .getByRole('cell', { name: '宜昌市大客户名单（旧版 Excel 导出）' }),
  ).toHaveAttribute('colspan', '3');
  await shot(page, 'legacy-xls-wizard-zh');

  await page.getByTestId('import-next').click();
  await expect(page.getByTestId('import-step-mapping')).toBeVisible();
  await page.getByTestId('import-dryrun').click();
  const summary = page.getByTestId('import-summary');
  await expect(summary).toBeVisible(AFTER_JOB);
  await expect(summary).toHaveAttribute('data-create', '2');
  await expect(summary).toHaveAttribute('data-reject', '0');
  await page.getByTestId('import-next').click();
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-done')).toHaveAttribute(
    'data-committed',
    'true',
    AFTER_JOB,
  );
  const list = await server.call<{ total: number }>('accounts.list', { search: '91420500MA' });
  expect(list.total).toBe(2);
});

test('a Windows-1252 CSV is read as such, and the encoding switch reads it again', async ({
  page,
  server,
}, testInfo) => {
  const file = testInfo.outputPath('mexico.csv');
  fs.writeFileSync(
    file,
    iconv.encode('单位名称,所在地区\r\nMéxico Fleet S.A.,Ciudad de México\r\n', 'win1252'),
  );
  await openAs(page, server, '张经理');
  for (const lang of ['zh', 'en'] as const) {
    if (lang === 'en') await switchTo(page, 'English');
    await go(page, '/accounts');
    await page.getByTestId('import-button').click();
    await page.getByTestId('import-file-input').setInputFiles(file);
    await expect(page.getByTestId('import-step-sheet')).toBeVisible(AFTER_JOB);
    const preview = page.getByTestId('import-preview');
    await expect(preview).toContainText('México Fleet S.A.');
    await expect(page.getByTestId('import-encoding')).toContainText('Windows-1252');

    await page.getByTestId('import-encoding').click();
    await page.getByTestId('import-encoding-gb18030').click();
    await expect(page.getByTestId('import-encoding')).toContainText('GB18030', AFTER_JOB);
    await expect(preview).toContainText('M閤ico', AFTER_JOB);
    await page.getByTestId('import-encoding').click();
    await shot(page, `encoding-switch-${lang}`);
    await page.getByTestId('import-encoding-windows-1252').click();
    await expect(preview).toContainText('México Fleet S.A.', AFTER_JOB);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('import-wizard')).toHaveCount(0);
  }
});
