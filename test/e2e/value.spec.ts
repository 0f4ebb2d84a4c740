/**
 * 客户价值: the manager opens the value page on the demo data, clicks the class-A bar of the
 * Pareto classes chart and lands on the accounts grid filtered to exactly the class-A accounts;
 * the 交易 tab on an account card. Screenshots in zh-CN and English.
 */
import ExcelJS from 'exceljs';
import { AFTER_JOB, expect, go, gridTotal, openAs, test, waitForTotal } from './fixtures';

test.use({ demo: true });

test('a click on the class-A bar lands on the accounts grid filtered to the class-A accounts', async ({
  page,
  server,
}) => {
  await openAs(page, server, '张经理');
  await page.getByTestId('nav-value').click();
  const classes = page.getByTestId('value-classes');
  await expect(classes).toBeVisible(AFTER_JOB);
  await expect(page.getByTestId('value-pareto-table').locator('tbody tr').first()).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('value-page-zh.png'), fullPage: true });

  // The class chart: grid 48 px left, 16 right, 28 bottom; three categories, A first. Its
  // value-share bar sits right of the category's centre and starts at the bottom of the plot.
  const chart = page.getByTestId('value-class-chart');
  const box = (await chart.boundingBox())!;
  const category = (box.width - 48 - 16) / 3;
  await chart.click({ position: { x: 48 + category / 2 + category * 0.15, y: box.height - 32 } });

  await expect(page).toHaveURL(
    /#\/accounts\/value\/revenue\/\d{4}-\d{2}-\d{2}\/\d{4}-\d{2}-\d{2}\/80\/95\/A$/,
  );
  await expect(page.getByTestId('value-class-filter')).toBeVisible();
  const period = /value\/revenue\/([\d-]+)\/([\d-]+)\//.exec(page.url())!;
  const [from, to] = [period[1]!, period[2]!];
  const expected = await server.call<{ classes: { A: { accounts: number } } }>('value.pareto', {
    from,
    to,
    basis: 'revenue',
    limit: 1,
  });
  expect(expected.classes.A.accounts).toBeGreaterThan(0);
  await waitForTotal(page, expected.classes.A.accounts);
  const listed = await server.call<{ total: number }>('accounts.list', {
    valueClass: { from, to, basis: 'revenue', cutoffs: { a: 80, b: 95 }, classes: ['A'] },
    limit: 1,
  });
  expect(await gridTotal(page)).toBe(listed.total);
  await page.screenshot({ path: test.info().outputPath('accounts-class-a-zh.png') });

  // The first account of the drill-down: its 交易 tab.
  await page.getByTestId('accounts-grid').getByTestId('grid-row').first().click();
  await page.getByTestId('tab-transactions').click();
  await expect(page.getByTestId('value-tab')).toBeVisible();
  await expect(page.getByTestId('value-segment')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('account-transactions-zh.png') });

  const accountPath = new URL(page.url()).hash.slice(1);
  await go(page, '/accounts');
  await page.getByTestId('lang-switch').getByText('English').click();
  await go(page, accountPath);
  await page.getByTestId('tab-transactions').click();
  await expect(page.getByTestId('value-tab')).toContainText('Revenue (final contracts)');
  await page.screenshot({ path: test.info().outputPath('account-transactions-en.png') });

  await go(page, '/value');
  await expect(page.getByTestId('value-classes')).toContainText('Show these accounts', AFTER_JOB);
  await page.screenshot({ path: test.info().outputPath('value-page-en.png'), fullPage: true });
  await page.getByRole('tab', { name: 'Scorecard' }).click();
  await expect(page.getByTestId('value-scorecard').locator('tbody tr').first()).toBeVisible(
    AFTER_JOB,
  );
  await page.screenshot({ path: test.info().outputPath('value-scorecard-en.png'), fullPage: true });
  await page.getByRole('tab', { name: 'Replacement forecast' }).click();
  await expect(page.getByTestId('value-forecast')).toBeVisible();
  // The true totals over every due line, as the server counts them; the lines paged by it.
  const forecast = await server.call<{ lines: number; units: number }>('value.forecast', {
    months: 24,
    limit: 1,
  });
  expect(forecast.lines).toBeGreaterThan(0);
  await expect(page.getByTestId('value-forecast-totals')).toHaveText(
    `Due in the next 24 months: ${forecast.units.toLocaleString('en')} vehicles on ${forecast.lines.toLocaleString('en')} fleet lines`,
  );
  await expect(page.getByTestId('value-forecast-chart')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('value-forecast-en.png'), fullPage: true });
  await page.getByRole('tab', { name: 'Settings' }).click();
  await expect(page.getByTestId('value-settings')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('value-settings-en.png') });

  await page.getByTestId('lang-switch').getByText('中文').click();
  await page.getByRole('tab', { name: '价值评分' }).click();
  await expect(page.getByTestId('value-scorecard').locator('tbody tr').first()).toBeVisible(
    AFTER_JOB,
  );
  await page.screenshot({ path: test.info().outputPath('value-scorecard-zh.png'), fullPage: true });
  await page.getByRole('tab', { name: '换车预测' }).click();
  await expect(page.getByTestId('value-forecast-totals')).toContainText('未来 24 个月到期');
  await page.screenshot({ path: test.info().outputPath('value-forecast-zh.png'), fullPage: true });
});

test('the manager’s dashboards: the Pareto tab’s class-A bar lands on the accounts grid, which exports exactly those accounts', async ({
  page,
  server,
}) => {
  await openAs(page, server, '张经理');
  await go(page, '/dashboards/pareto');
  const chart = page.getByTestId('value-class-chart');
  await expect(page.getByTestId('value-classes')).toBeVisible(AFTER_JOB);
  const box = (await chart.boundingBox())!;
  const category = (box.width - 48 - 16) / 3;
  await chart.click({ position: { x: 48 + category / 2 + category * 0.15, y: box.height - 32 } });
  await expect(page).toHaveURL(/#\/accounts\/value\/revenue\/[\d-]+\/[\d-]+\/80\/95\/A$/);
  const period = /value\/revenue\/([\d-]+)\/([\d-]+)\//.exec(page.url())!;
  const listed = await server.call<{ total: number; rows: { name: string }[] }>('accounts.list', {
    valueClass: {
      from: period[1]!,
      to: period[2]!,
      basis: 'revenue',
      cutoffs: { a: 80, b: 95 },
      classes: ['A'],
    },
    sort: [{ field: 'name', desc: false }],
    limit: 500,
  });
  expect(listed.total).toBeGreaterThan(0);
  await waitForTotal(page, listed.total);

  await page.getByTestId('export-button').first().click();
  const download = page.waitForEvent('download');
  await page.locator('[data-testid="export-xlsx"]:visible').click();
  const file = await download;
  await expect(page.getByTestId('export-done')).toBeVisible(AFTER_JOB);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await file.path());
  const sheet = wb.worksheets[0]!;
  // A header and one row per class-A account, the same accounts the list method names.
  expect(sheet.actualRowCount).toBe(listed.total + 1);
  const names = new Set<string>();
  sheet.eachRow((row, i) => {
    if (i > 1) names.add(String(row.getCell(1).value));
  });
  for (const r of listed.rows) expect(names.has(r.name)).toBe(true);
});
