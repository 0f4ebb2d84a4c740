/**
 * What people wrote survives an import, and the dry run says so; an account of the very same
 * name is saved only once the user names the existing account it is not.
 */
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { usccCheckChar } from '../../shared/uscc';
import { AFTER_JOB, choose, expect, openAs, test, type KeyfleetServer } from './fixtures';

interface Ref {
  id: number;
  name: string;
}

const uscc = (first17: string) => first17 + usccCheckChar(first17);
/** Screenshots for a person to look at, when SCREENSHOTS_DIR is set. */
const shot = async (page: Page, name: string) => {
  const dir = process.env.SCREENSHOTS_DIR;
  if (dir) await page.screenshot({ path: `${dir}/${name}.png` });
};

async function manager(server: KeyfleetServer) {
  const boss = await server.call<Ref>('staff.create', { name: '张经理', role: 'manager' });
  await server.call('auth.pick', { staffId: boss.id });
}

async function dryRunInWizard(page: Page, file: string) {
  await page.getByTestId('import-button').click();
  await page.getByTestId('import-file-input').setInputFiles(file);
  await expect(page.getByTestId('import-step-sheet')).toBeVisible(AFTER_JOB);
  await page.getByTestId('import-next').click();
  await expect(page.getByTestId('import-step-mapping')).toBeVisible();
  await page.getByTestId('import-dryrun').click();
  await expect(page.getByTestId('import-summary')).toBeVisible(AFTER_JOB);
}

test('an import keeps the note a person wrote, and the dry run says so in Chinese and English', async ({
  page,
  server,
}, testInfo) => {
  await manager(server);
  const mine = uscc('91330106MA2H0NT01');
  const empty = uscc('91330106MA2H0NT02');
  const fromUscc = uscc('91320282MA2H0NT03');
  const written = await server.call<Ref>('accounts.create', {
    account: {
      name: '杭州备注保留测试有限公司',
      uscc: mine,
      buyerType: 'direct',
      notes: '王处长说年底有预算，先别报价',
    },
  });
  const blank = await server.call<Ref>('accounts.create', {
    account: { name: '杭州备注空白测试有限公司', uscc: empty, buyerType: 'direct' },
  });
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('客户');
  sheet.addRow(['单位名称', '统一社会信用代码', '客户类型', '备注']);
  sheet.addRow(['杭州备注保留测试有限公司', mine, '直接用户', '老客户、年初已联系']);
  sheet.addRow(['杭州备注空白测试有限公司', empty, '直接用户', '老客户、年初已联系']);
  sheet.addRow(['宜兴备注测试有限公司', fromUscc, '直接用户', null]);
  const file = testInfo.outputPath('notes.xlsx');
  await workbook.xlsx.writeFile(file);

  await openAs(page, server, '张经理');
  await dryRunInWizard(page, file);
  const summary = page.getByTestId('import-summary');
  await expect(summary).toHaveAttribute('data-unchanged', '1');
  await expect(summary).toHaveAttribute('data-update', '1');
  await expect(summary).toHaveAttribute('data-create', '1');
  const row = (n: number) => page.locator(`[data-testid="import-report-row"][data-row="${n}"]`);
  await expect(row(2)).toHaveAttribute('data-outcome', 'unchanged');
  await expect(row(2).getByTestId('import-notices')).toHaveText(
    '备注：保留了您写的备注，文件中的“老客户、年初已联系”未导入',
  );
  await expect(row(3)).toHaveAttribute('data-outcome', 'update');
  await expect(row(3)).toContainText('老客户、年初已联系');
  await expect(row(3).getByTestId('import-notices')).toHaveCount(0);
  await expect(row(4).getByTestId('import-notices')).toHaveText(
    '地区：未填地区，已按统一社会信用代码取为 江苏省 / 无锡市 / 宜兴市',
  );
  await shot(page, 'import-dryrun-zh');

  await page.getByTestId('import-next').click();
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-done')).toHaveAttribute(
    'data-committed',
    'true',
    AFTER_JOB,
  );
  await page.getByTestId('import-close').click();
  await expect(page.getByTestId('import-wizard')).toHaveCount(0);
  expect((await server.call<{ notes: string }>('accounts.get', { id: written.id })).notes).toBe(
    '王处长说年底有预算，先别报价',
  );
  expect((await server.call<{ notes: string }>('accounts.get', { id: blank.id })).notes).toBe(
    '老客户、年初已联系',
  );

  // The same file again, in English: the person's note is still kept, and said so in English.
  await page.getByTestId('lang-switch').getByText('English').click();
  await expect(page.getByTestId('account-new')).toContainText('New account');
  await dryRunInWizard(page, file);
  await expect(page.getByTestId('import-summary')).toHaveAttribute('data-unchanged', '3');
  await expect(row(2).getByTestId('import-notices')).toHaveText(
    "Notes: kept your note; the file's “老客户、年初已联系” was not imported",
  );
  await shot(page, 'import-dryrun-en');
});

test('an account of the very same name is saved only after naming the existing one it is not', async ({
  page,
  server,
}) => {
  await manager(server);
  const first = await server.call<Ref>('accounts.create', {
    account: { name: '宜兴市公安局', buyerType: 'government', uscc: uscc('11320282MB0000001') },
  });
  await openAs(page, server, '张经理');

  const tryToSave = async (name: string, buyerType: string) => {
    await page.getByTestId('account-new').click();
    await page.getByTestId('af-name').fill(name);
    await choose(page, 'af-buyerType', buyerType);
    await page.getByTestId('af-region').click();
    await page.getByTestId('af-region').locator('input').fill('江苏宜兴');
    await page
      .locator('.ant-cascader-dropdown:visible .ant-cascader-menu-item')
      .filter({ hasText: '宜兴市' })
      .first()
      .click();
    await page.getByTestId('account-form-save').click();
    await expect(page.getByTestId('same-name-save')).toBeVisible();
  };

  // English first, to look at it; then cancelled.
  await page.getByTestId('lang-switch').getByText('English').click();
  await tryToSave('宜兴市 公安局', 'Government');
  const modal = page.getByTestId('same-name-modal');
  await expect(modal).toContainText('identical to the name');
  await expect(modal).toContainText(`this is not “宜兴市公安局” (no. ${first.id})`);
  await expect(page.getByTestId('duplicate-hint')).toContainText('An account of the same name');
  await shot(page, 'same-name-en');
  await page.getByTestId('same-name-cancel').click();
  await page.getByTestId('account-form-cancel').click();
  await page.locator('.ant-modal-confirm .ant-btn-dangerous').click();
  await expect(page.getByTestId('account-form')).toHaveCount(0);

  await page.getByTestId('lang-switch').getByText('中文').click();
  await tryToSave('宜兴市公安局', '政府采购');
  await expect(modal).toContainText('名称完全相同');
  await expect(page.getByTestId('same-name-save')).toBeDisabled();
  await page.getByTestId(`same-name-confirm-${first.id}`).click();
  await shot(page, 'same-name-zh');
  await page.getByTestId('same-name-save').click();
  await expect(page.getByTestId('account-form')).toHaveCount(0);

  const list = await server.call<{ rows: (Ref & { districtCode: string })[] }>('accounts.list', {
    search: '宜兴市公安局',
  });
  const second = list.rows.find((r) => r.id !== first.id)!;
  expect(second.districtCode).toBe('320282');
  const history = await server.call<{ rows: { action: string; after: unknown }[] }>(
    'accounts.history',
    { id: second.id },
  );
  expect(history.rows.find((e) => e.action === 'account.create')!.after).toMatchObject({
    sameNameConfirmed: [{ id: first.id, name: '宜兴市公安局' }],
  });
});
