import { choose, expect, test } from './fixtures';

test('first run: start blank, create the first staff member, then an account with contacts; duplicates are caught', async ({
  page,
  server,
}) => {
  await page.goto(server.url);
  // The token leaves the address bar once the app has it.
  await expect(page).not.toHaveURL(/token=/);
  await page.getByTestId('demo-decline').click();

  await page.getByTestId('first-staff-name').fill('王芳');
  await page.getByTestId('first-staff-submit').click();
  await expect(page.getByTestId('current-user')).toContainText('王芳');

  // A new account; the USCC is typed in full-width lower case and validated inline.
  await page.getByTestId('account-new').click();
  await page.getByTestId('af-name').fill('杭州顺达汽车租赁有限公司');
  await page.getByTestId('af-uscc').fill('９１３３０１０６ｍａ２ｂ３ｃ４ｄ５０');
  await page.getByTestId('af-uscc').blur();
  await expect(page.getByTestId('account-form')).toContainText('校验码错误');
  await page.getByTestId('af-uscc').fill('914403001922038216');
  await choose(page, 'af-buyerType', 'A类 直接用户');
  await page.getByTestId('af-alias-add').click();
  await page.getByTestId('af-alias-0').fill('顺达租赁');
  await page.getByTestId('account-form-save').click();
  await expect(page.getByTestId('account-card-name')).toHaveText('杭州顺达汽车租赁有限公司');

  // Two contacts.
  await page.getByTestId('tab-contacts').click();
  for (const [name, phone] of [
    ['周建国', '0571-8888 6666 转 802'],
    ['欧阳晓东', '13912345678'],
  ]) {
    await page.getByTestId('contact-add').click();
    await page.getByTestId('cf-name').fill(name!);
    await page.getByTestId('cf-phone').fill(phone!);
    await page.getByTestId('contact-form-save').click();
    await expect(page.getByTestId('contacts-table')).toContainText(name!);
  }
  await expect(page.getByTestId('tab-contacts')).toContainText('2');
  await page.keyboard.press('Escape');

  // The same organisation under a slightly different name: a warning that lets the user decide.
  await page.getByTestId('account-new').click();
  await page.getByTestId('af-name').fill('杭州顺达汽车租赁有限责任公司');
  await choose(page, 'af-buyerType', 'A类 直接用户');
  await page.getByTestId('account-form-save').click();
  await expect(page.getByTestId('duplicate-modal')).toContainText('杭州顺达汽车租赁有限公司');
  await page.getByTestId('dup-cancel').click();

  // Its USCC is refused outright, naming the account that has it.
  await page.getByTestId('af-uscc').fill('914403001922038216');
  await page.getByTestId('af-uscc').blur();
  await expect(page.getByTestId('uscc-taken')).toContainText('杭州顺达汽车租赁有限公司');
  await page.getByTestId('af-uscc').fill('');
  await page.getByTestId('account-form-save').click();
  await page.getByTestId('dup-save-anyway').click();
  await expect(page.getByTestId('account-card-name')).toHaveText('杭州顺达汽车租赁有限责任公司');
  await page.keyboard.press('Escape');

  // Quick search finds the first account by a contact's name.
  await page.getByTestId('grid-search').fill('欧阳');
  await expect(page.getByTestId('grid-row')).toHaveCount(1);
  await expect(page.getByTestId('grid-row')).toContainText('杭州顺达汽车租赁有限公司');

  // Edit: the grade changes and the history records it.
  await page.getByTestId('grid-row').click();
  await page.getByTestId('account-edit').click();
  await choose(page, 'af-grade', 'A 全力投入');
  await page.getByTestId('account-form-save').click();
  await expect(page.getByTestId('account-details')).toContainText('A 全力投入');
  await page.getByTestId('tab-history').click();
  await expect(page.getByTestId('history-table')).toContainText('王芳');
  await expect(page.getByTestId('history-table')).toContainText('A 全力投入');
});
