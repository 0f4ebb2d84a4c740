/**
 * Drill-downs that reach every bar, and dashboards that follow the data, on the demo: 张经理 opens
 * 赢单与丢单, clicks the 未填写 (no source) row and then a competitor brand's row and lands each time
 * on the opportunities grid holding exactly the deals the row counts, its chips saying so
 * (信息来源：无, 竞争品牌：…). With the dashboard open, a deal lost elsewhere (through the API) shows
 * in the figures without 刷新. The incentive totals export to .xlsx with their total. Photographed
 * in Chinese and English.
 */
import type { Locator, Page, Response } from '@playwright/test';
import type { WinLoss } from '../../shared/schemas/dashboards';
import { expect, exportXlsx, go, openAs, shot, test, waitForTotal } from './fixtures';

test.use({ demo: true });

interface Ref {
  id: number;
  version: number;
}

const isWinLoss = (r: Response) => r.url().endsWith('/api/dashboards.winLoss') && r.ok();

/** Opens 赢单与丢单 and returns the figures the page received. */
async function openWinLoss(page: Page): Promise<WinLoss> {
  const answer = page.waitForResponse(isWinLoss);
  await go(page, '/dashboards/win-loss');
  const body = (await (await answer).json()) as { value: WinLoss };
  await expect(page.getByTestId('dash-tab').first()).toHaveAttribute('data-loading', 'false');
  return body.value;
}

/** A row of a win/loss panel's table, by its first cell. */
const tableRow = (page: Page, panel: string, key: string): Locator =>
  page
    .getByTestId(`${panel}-table`)
    .locator('tbody tr')
    .filter({ has: page.locator('td:first-child', { hasText: new RegExp(`^${key}$`) }) });

test('every win/loss row drills to exactly its deals, and the figures follow changes live', async ({
  page,
  server,
}) => {
  await page.setViewportSize({ width: 1440, height: 1100 });
  // A deal of no recorded source, lost today (the API's own client is the demo's manager).
  const [account] = (await server.call<{ rows: { id: number }[] }>('accounts.list', { limit: 1 }))
    .rows;
  const loseOne = async (title: string, brand: string) => {
    const opp = await server.call<Ref>('opportunities.create', {
      accountId: account!.id,
      title,
      competitors: [{ brand }],
    });
    await server.call('opportunities.move', {
      id: opp.id,
      stage: 'lost',
      lostReason: 'price',
      version: opp.version,
    });
  };
  await loseOne('无来源商机 1', '五十铃');

  await openAs(page, server, '张经理');
  const w = await openWinLoss(page);
  const noSource = w.bySource.find((s) => s.key === null);
  expect(noSource?.lost).toBeGreaterThan(0);
  const brand = w.byCompetitor[0]!;

  // 未填写 (no source): the grid holds the won and lost deals of no source closed this year.
  await tableRow(page, 'dash-winloss-source', '未填写').click();
  await expect(page.getByTestId('opportunities-grid')).toBeVisible();
  await waitForTotal(page, noSource!.won + noSource!.lost, 'opportunities-grid');
  await expect(page.getByTestId('grid-chip-source')).toHaveText('信息来源：无');
  await expect(page.getByTestId('grid-chip-stage')).toHaveText('阶段：赢单、丢单');
  await shot(page, 'drill-none-zh');
  // The column's filter shows the same choice: （无） ticked.
  await page.getByTestId('grid-filter-source').click();
  const none = page.getByTestId('filter-editor-source').locator('label', {
    has: page.getByTestId('filter-option-none'),
  });
  await expect(none).toHaveText('（无）');
  await expect(none.locator('input')).toBeChecked();
  await page.getByTestId('filter-editor-source').getByTestId('filter-apply').click();
  await waitForTotal(page, noSource!.won + noSource!.lost, 'opportunities-grid');

  // A competitor brand: the deals it was named on.
  await page.goBack();
  await expect(page.getByTestId('dash-winloss-competitor-table')).toBeVisible();
  await tableRow(page, 'dash-winloss-competitor', brand.key).click();
  await waitForTotal(page, brand.won + brand.lost, 'opportunities-grid');
  await expect(page.getByTestId('grid-chip-competitorBrands')).toHaveText(`竞争品牌：${brand.key}`);
  await page.getByTestId('grid-header-competitorBrands').scrollIntoViewIfNeeded();
  await shot(page, 'drill-competitor-zh');
  // Removing a chip widens the grid again.
  await page.getByTestId('grid-chip-competitorBrands').locator('.ant-tag-close-icon').click();
  await waitForTotal(page, (n) => n > brand.won + brand.lost, 'opportunities-grid');

  // Live: with the dashboard open, another deal of no source is lost elsewhere; the 未填写 row
  // counts it without 刷新.
  await openWinLoss(page);
  const lostCell = tableRow(page, 'dash-winloss-source', '未填写').locator('td').nth(2);
  await expect(lostCell).toHaveText(String(noSource!.lost));
  await loseOne('无来源商机 2', '五十铃');
  await expect(lostCell).toHaveText(String(noSource!.lost + 1));

  // The incentive totals export as shown, their total last.
  await page.getByTestId('dash-tab-incentives').click();
  const totals = page.getByTestId('incentive-totals');
  await expect(totals.getByTestId('incentive-totals-total')).toBeVisible();
  await shot(page, 'incentive-export-zh');
  const { wb } = await exportXlsx(page, totals);
  const sheet = wb.worksheets[0]!;
  expect(sheet.getRow(1).values).toEqual(expect.arrayContaining(['期间', '已提交', '批准金额']));
  // Twelve months and the total.
  expect(sheet.rowCount).toBe(1 + 12 + 1);
  expect(sheet.getRow(sheet.rowCount).getCell(1).value).toBe('合计');
  const about = wb.worksheets.find((s) => s !== sheet);
  expect(JSON.stringify(about?.getSheetValues())).toContain('按月');

  // English: the same drill-downs' chips.
  await page.getByTestId('lang-en').click();
  await shot(page, 'incentive-export-en');
  await openWinLoss(page);
  await tableRow(page, 'dash-winloss-source', 'Not recorded').click();
  await expect(page.getByTestId('grid-chip-source')).toHaveText('Source: none');
  await shot(page, 'drill-none-en');
  await page.goBack();
  await tableRow(page, 'dash-winloss-competitor', brand.key).click();
  await expect(page.getByTestId('grid-chip-competitorBrands')).toHaveText(
    `Competitor brands: ${brand.key}`,
  );
  await shot(page, 'drill-competitor-en');
});
