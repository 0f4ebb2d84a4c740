/**
 * A manager keeps the manufacturer's report form as a template: the uploaded workbook is read (in
 * the read worker, off the thread that answers the UI), its header row and columns suggested, and
 * the template saved with the workbook; a file that is not a workbook is refused, saying why.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { expect, firstManager, go, openAs, shot, test } from './fixtures';

/** The manufacturer's form: a merged title, a line for the stamp, then its headers in row 3. */
async function manufacturerForm(dir: string): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('报备明细');
  sheet.mergeCells('A1:F1');
  sheet.getCell('A1').value = '大客户销售报备汇总表';
  sheet.getCell('A2').value = '经销商（盖章）：';
  sheet.getRow(3).values = [
    '序号',
    '客户名称',
    '统一社会信用代码',
    '车架号(VIN)',
    '开票日期',
    '备注',
  ];
  const file = path.join(dir, '厂家报备模板.xlsx');
  await book.xlsx.writeFile(file);
  return file;
}

test('report templates: the manufacturer’s form is read, its columns suggested and kept; a broken file is refused', async ({
  page,
  server,
}) => {
  await firstManager(server, '张经理');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keyfleet-template-'));

  await openAs(page, server, '张经理');
  await go(page, '/settings');
  await page.getByTestId('settings-tab-report-templates').click();
  await expect(page.getByTestId('templates-table')).toContainText('内置');

  await page.getByTestId('template-from-file-input').setInputFiles(await manufacturerForm(dir));
  const editor = page.getByTestId('template-editor');
  await expect(editor.getByTestId('template-source')).toContainText('厂家报备模板.xlsx');
  await expect(editor.getByTestId('template-header-row')).toHaveValue('3');
  await expect(editor.getByTestId('template-first-row')).toHaveValue('4');
  await expect(editor.getByTestId('template-sheet-name')).toHaveValue('报备明细');
  // 备注 names no report field: shown, for the manager to map or leave.
  await expect(editor.getByTestId('template-unmatched')).toContainText('F · 备注');
  await shot(page, 'report-template-read');
  await editor.getByTestId('template-name').fill('一汽-大众报备汇总表');
  await editor.getByTestId('template-save').click();
  await expect(editor).toBeHidden();
  const row = page.getByTestId('templates-table').locator('tr', { hasText: '一汽-大众报备汇总表' });
  await expect(row).toContainText('厂家报备模板.xlsx');
  await expect(row).toContainText('报备明细');

  // A zip whose workbook part is cut off: refused with what to do about it.
  const broken = new JSZip();
  broken.file('[Content_Types].xml', '<Types/>');
  broken.file('xl/workbook.xml', '<workbook><sheets><sheet name="明细"');
  const brokenFile = path.join(dir, '另一个模板.xlsx');
  fs.writeFileSync(brokenFile, await broken.generateAsync({ type: 'nodebuffer' }));
  await page.getByTestId('template-from-file-input').setInputFiles(brokenFile);
  const refusal = page.locator('.ant-modal-confirm');
  await expect(refusal).toContainText('无法读取模板');
  await expect(refusal).toContainText('请用 Excel 或 WPS 另存为 .xlsx 后再上传');
  await shot(page, 'report-template-refused');
  fs.rmSync(dir, { recursive: true, force: true });
});
