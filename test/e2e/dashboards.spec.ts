/**
 * The manager's dashboards in the browser, on the demo data: 张经理 finds 管理看板 after 我的今天,
 * clicks a cell of the pipeline matrix and lands on the opportunities grid filtered to it (the
 * grid's total is the cell's count), exports the matrix table to .xlsx and the chart to PNG; every
 * tab is photographed in Chinese and English. 李明, a specialist, finds 我的看板 after his
 * activities, with his own KPI row only and a matrix that counts fewer opportunities than the team's.
 */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page, Response } from '@playwright/test';
import type { PipelineMatrix } from '../../shared/schemas/dashboards';
import { STAGE_VALUES } from '../../shared/sales-enums';
import { AFTER_JOB, expect, openAs, shot, test, waitForTotal } from './fixtures';

test.use({ demo: true });

const isPipeline = (r: Response) => r.url().endsWith('/api/dashboards.pipeline') && r.ok();

/** Opens the dashboards from the side menu and returns the pipeline matrix the page received. */
async function openDashboards(page: Page): Promise<PipelineMatrix> {
  const answer = page.waitForResponse(isPipeline);
  await page.getByTestId('nav-dashboards').click();
  const body = (await (await answer).json()) as { value: PipelineMatrix };
  await expect(page.getByTestId('dashboards-page')).toBeVisible();
  await expect(page.getByTestId('dash-tab').first()).toHaveAttribute('data-loading', 'false');
  return body.value;
}

/** The stages and owners of the heatmap, in the order the page draws them. */
function heatmapAxes(m: PipelineMatrix) {
  const stages = STAGE_VALUES.filter((s) => m.cells.some((c) => c.stage === s));
  return { stages, owners: m.owners };
}

/** Clicks the heatmap's cell (x, y): the cells tile the chart's grid (left 80, right 16, top 8, bottom 56). */
async function clickHeatCell(page: Page, x: number, y: number, m: PipelineMatrix) {
  const { stages, owners } = heatmapAxes(m);
  const chart = page.getByTestId('dash-pipeline-matrix-chart');
  const box = (await chart.boundingBox())!;
  const width = box.width - 96;
  const height = box.height - 64;
  await chart.click({
    position: {
      x: 80 + ((x + 0.5) * width) / owners.length,
      y: 8 + ((y + 0.5) * height) / stages.length,
    },
  });
}

function cellCount(m: PipelineMatrix, x: number, y: number): number {
  const { stages, owners } = heatmapAxes(m);
  return m.cells
    .filter((c) => c.stage === stages[y] && c.ownerId === owners[x]!.id)
    .reduce((n, c) => n + c.count, 0);
}

/** The first cell of the heatmap that counts any opportunity. */
function firstFullCell(m: PipelineMatrix): [number, number] {
  const { stages, owners } = heatmapAxes(m);
  for (let y = 0; y < stages.length; y++)
    for (let x = 0; x < owners.length; x++)
      if (owners[x]!.id !== null && cellCount(m, x, y) > 0) return [x, y];
  throw new Error('the demo has no pipeline in this year');
}

test('a manager drills from the pipeline matrix to the opportunities and exports it', async ({
  page,
  server,
}) => {
  // Tall enough that the screenshots show every panel of a tab.
  await page.setViewportSize({ width: 1440, height: 1800 });
  await openAs(page, server, '张经理');
  // 管理看板 sits right after 我的今天.
  const menu = page.locator('.main-sider .ant-menu-item');
  await expect(menu.nth(1)).toContainText('管理看板');
  const m = await openDashboards(page);
  await expect(page.getByTestId('dash-scope')).toHaveText('全店数据');
  expect(m.cells.length).toBeGreaterThan(0);
  await expect(
    page.getByTestId('dash-pipeline-forecast-table').locator('tbody tr').first(),
  ).toBeVisible();
  await shot(page, 'dashboards-pipeline-zh');

  // The chart: a click on a cell opens the opportunities grid with that stage, owner and period.
  const [x, y] = firstFullCell(m);
  await clickHeatCell(page, x, y, m);
  await expect(page.getByTestId('opportunities-grid')).toBeVisible();
  expect(page.url()).toContain('#/opportunities?filters=');
  await waitForTotal(page, cellCount(m, x, y), 'opportunities-grid');

  // Back on the dashboards: the matrix table to .xlsx, the chart to PNG.
  await page.goBack();
  await expect(page.getByTestId('dashboards-page')).toBeVisible();
  const panel = page.getByTestId('dash-pipeline-matrix');
  await expect(panel.locator('tbody tr').first()).toBeVisible();
  await panel.getByTestId('export-button').click();
  const xlsxDownload = page.waitForEvent('download');
  await page.getByTestId('export-xlsx').click();
  const xlsx = await xlsxDownload;
  await expect(page.getByTestId('export-done')).toBeVisible(AFTER_JOB);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await xlsx.path());
  const sheet = wb.worksheets[0]!;
  expect(sheet.rowCount).toBe(m.cells.length + 1);
  expect(sheet.getRow(1).values).toEqual(
    expect.arrayContaining(['阶段', '负责人', '月份', '数量', '金额', '赢率', '加权金额']),
  );
  await page.getByTestId('export-close').click();
  const pngDownload = page.waitForEvent('download');
  await panel.getByTestId('chart-png').click();
  const png = fs.readFileSync(await (await pngDownload).path());
  expect([...png.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');

  for (const tab of ['win-loss', 'kpi', 'claims'] as const) {
    await page.getByTestId(`dash-tab-${tab}`).click();
    await expect(page.getByTestId('dash-tab').first()).toHaveAttribute('data-loading', 'false');
    await expect(page.locator('.dash-panel').first()).toBeVisible();
    await shot(page, `dashboards-${tab}-zh`);
  }

  // English: the same page in the other language.
  await page.getByTestId('lang-en').click();
  await expect(page.getByTestId('dash-scope')).toHaveText('The whole store');
  await shot(page, 'dashboards-claims-en');
  for (const tab of ['pipeline', 'win-loss', 'kpi'] as const) {
    await page.getByTestId(`dash-tab-${tab}`).click();
    await expect(page.getByTestId('dash-tab').first()).toHaveAttribute('data-loading', 'false');
    await shot(page, `dashboards-${tab}-en`);
  }
});

test('a specialist sees only their own figures', async ({ page, server }) => {
  const team = await server.call('dashboards.pipeline', { from: '2026-01-01', to: '2026-12-31' });
  await openAs(page, server, '李明');
  const labels = await page.locator('.main-sider .ant-menu-item').allTextContents();
  // 我的看板 comes after the activities, not at the top.
  expect(labels.indexOf('我的看板')).toBe(labels.findIndex((l) => l.includes('活动')) + 1);
  const mine = await openDashboards(page);
  await expect(page.getByTestId('dash-scope')).toHaveText('仅含您（主销售或副销售）客户的数据');
  const count = (m: PipelineMatrix) => m.cells.reduce((n, c) => n + c.count, 0);
  expect(count(mine)).toBeGreaterThan(0);
  expect(count(mine)).toBeLessThan(count(team));

  // A cell of their matrix opens their grid with the same count.
  const [x, y] = firstFullCell(mine);
  await clickHeatCell(page, x, y, mine);
  await waitForTotal(page, cellCount(mine, x, y), 'opportunities-grid');
  await page.goBack();

  await page.getByTestId('dash-tab-kpi').click();
  const kpi = page.getByTestId('dash-kpi-table-table');
  await expect(kpi.locator('tbody tr')).toHaveCount(1);
  await expect(kpi.locator('tbody tr').first()).toContainText('李明');
  await shot(page, 'dashboards-kpi-specialist-zh');
});
