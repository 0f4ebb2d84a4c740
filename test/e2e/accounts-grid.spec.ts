import { expect, gridTotal, openAs, test, waitForTotal } from './fixtures';

test.use({ demo: true });

test('the accounts grid searches, sorts and filters in the database and counts rows', async ({
  page,
  server,
}) => {
  await openAs(page, server, '张经理');
  await waitForTotal(page, 2000);
  const grid = page.getByTestId('accounts-grid');

  // Sort by name (pinyin), then descending.
  await grid.getByTestId('grid-sort-name').click();
  await expect(grid.getByTestId('grid-sort-state-name')).toHaveAttribute('data-sort', 'asc');
  const firstAsc = await grid.getByTestId('grid-row').first().textContent();
  await grid.getByTestId('grid-sort-name').click();
  await expect(grid.getByTestId('grid-sort-state-name')).toHaveAttribute('data-sort', 'desc');
  await expect(grid.getByTestId('grid-row').first()).not.toHaveText(firstAsc ?? '');

  // Enum filter: government buyers only.
  await grid.getByTestId('grid-filter-buyerType').click();
  await page.getByTestId('filter-option-government').click();
  await page.getByTestId('filter-apply').click();
  await waitForTotal(page, (n) => n > 0 && n < 2000);
  const government = await gridTotal(page);
  const api = await server.call<{ total: number }>('accounts.list', {
    filters: [{ field: 'buyerType', op: 'in', values: ['government'] }],
  });
  expect(government).toBe(api.total);
  await expect(grid.getByTestId('grid-filter-buyerType')).toHaveAttribute('data-active', 'true');

  // Number range on top: fleets of at least 20 vehicles.
  await grid.getByTestId('grid-filter-fleetTotal').click();
  await page.getByTestId('filter-min').fill('20');
  await page.getByTestId('filter-apply').click();
  await waitForTotal(page, (n) => n < government);

  // Quick search within the filtered view, then clear everything.
  await grid.getByTestId('grid-search').fill('公安');
  await waitForTotal(page, (n) => n < government);
  const expected = await server.call<{ total: number }>('accounts.list', {
    search: '公安',
    filters: [
      { field: 'buyerType', op: 'in', values: ['government'] },
      { field: 'fleetTotal', op: 'range', min: 20 },
    ],
  });
  await waitForTotal(page, expected.total);
  await expect(grid.getByTestId('grid-row').first()).toContainText('B类 政府采购');
  await grid.getByTestId('grid-search').fill('');
  await grid.getByTestId('grid-clear-filters').click();
  await waitForTotal(page, 2000);
});

test('a hidden column stays hidden after a reload', async ({ page, server }) => {
  await openAs(page, server, '李明');
  const grid = page.getByTestId('accounts-grid');
  await expect(grid.getByTestId('grid-header-industry')).toBeVisible();
  await grid.getByTestId('grid-columns-button').click();
  // The layout is saved shortly after the change: reload once the server has it.
  const saved = page.waitForResponse((r) => r.url().endsWith('/api/prefs.set') && r.ok());
  await page.getByTestId('column-toggle-industry').click();
  await expect(grid.getByTestId('grid-header-industry')).toHaveCount(0);
  await saved;
  await page.reload();
  await expect(grid.getByTestId('grid-row').first()).toBeVisible();
  await expect(grid.getByTestId('grid-header-industry')).toHaveCount(0);
  await expect(grid.getByTestId('grid-header-name')).toBeVisible();
});

test('deleting a head office with subordinate units is refused with the reason', async ({
  page,
  server,
}) => {
  const heads = await server.call<{
    rows: { id: number; name: string; subordinateCount: number }[];
  }>('accounts.list', {
    filters: [{ field: 'subordinateCount', op: 'range', min: 1 }],
    limit: 1,
  });
  const head = heads.rows[0]!;
  await openAs(page, server, '张经理');
  await page.getByTestId('grid-search').fill(head.name);
  await page.getByTestId('grid-row').filter({ hasText: head.name }).first().click();
  await expect(page.getByTestId('account-card-name')).toHaveText(head.name);
  await page.getByTestId('tab-subordinates').click();
  await waitForTotal(page, head.subordinateCount, 'subordinates-grid');
  await page.getByTestId('account-delete').click();
  await page.getByTestId('account-delete-confirm').click();
  await expect(page.getByText(`${head.subordinateCount} 个下属单位`)).toBeVisible();
  expect((await server.call<{ id: number }>('accounts.get', { id: head.id })).id).toBe(head.id);
});

test('the language switches to English and back, and the choice survives a reload', async ({
  page,
  server,
}) => {
  await openAs(page, server, '王芳');
  await expect(page.getByTestId('account-new')).toContainText('新建客户');
  await page.getByTestId('lang-switch').getByText('English').click();
  await expect(page.getByTestId('account-new')).toContainText('New account');
  await expect(
    page.getByTestId('accounts-grid').getByTestId('grid-header-buyerType'),
  ).toContainText('Buyer type');
  await page.reload();
  await expect(page.getByTestId('account-new')).toContainText('New account');
  await page.getByTestId('lang-switch').getByText('中文').click();
  await expect(page.getByTestId('account-new')).toContainText('新建客户');
});
