import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Locator, type Page } from '@playwright/test';

// Issue 16 §3, languages: an English-speaking liaison reads and finds places in English, units
// and lists are English, the boards' empty text follows the language, and no label is cut off;
// a Chinese-speaking officer gets Chinese where English leaked before.

const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
const DESK = { width: 1920, height: 1080 };
const WALL = { width: 3840, height: 2160 };
type Locale = 'zh-CN' | 'en';
const HUANGPU = '310101000000';
const CJK = /[\u4e00-\u9fff]/;

async function open(page: Page, locale: Locale): Promise<void> {
  await page.addInitScript((value) => window.localStorage.setItem('resilience-console.locale', value), locale);
  await page.setViewportSize(DESK);
  await page.goto('/#token=e2e-token');
  await expect(page.getByTestId('tree-summary')).toBeVisible();
}

async function shots(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-desk.png`) });
  await page.setViewportSize(WALL);
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-wall.png`) });
  await page.setViewportSize(DESK);
}

/** Texts in these elements that are drawn cut off (wider than their box). */
const cutOff = (elements: Locator) => elements.evaluateAll((nodes) => nodes
  .filter((node) => node.scrollWidth > node.clientWidth + 1)
  .map((node) => node.textContent));

test('[en] a liaison finds 南京东路街道 as "Nanjing", "nanjing dong lu" and "njdl", and reads it in English', async ({ page }) => {
  await open(page, 'en');
  const search = page.getByTestId('tree-search');
  for (const query of ['Nanjing', 'nanjing dong lu', 'njdl']) {
    await search.fill(query);
    await expect(page.getByTestId('panel-commandNetwork').locator('.ag-row').filter({ hasText: 'Nanjing East Road Subdistrict' })).toBeVisible();
  }
  await search.fill('huacao');
  await expect(page.getByTestId('panel-commandNetwork').locator('.ag-row').filter({ hasText: 'Huacao Town' })).toBeVisible();
  await search.fill('njdl');
  await shots(page, 'languages-tree-pinyin-en');
});

test('[zh-CN] pinyin initials work in the Chinese interface too', async ({ page }) => {
  await open(page, 'zh-CN');
  await page.getByTestId('tree-search').fill('njdl');
  await expect(page.getByTestId('panel-commandNetwork').locator('.ag-row').filter({ hasText: '南京东路街道' })).toBeVisible();
  await shots(page, 'languages-tree-pinyin-zh-CN');
});

test('[en] the Stock board speaks English: units, flag lists, empty text; no header or status cut off', async ({ page }) => {
  await open(page, 'en');
  await page.getByTestId('nav-resources').click();
  await page.getByTestId('resources-district').selectOption(HUANGPU);
  const stock = page.getByTestId('board-stock');
  await expect(page.getByTestId('board-stock-count')).toHaveAttribute('data-shown', /^2\d$/);
  await expect(stock.locator('.ag-row[row-id="demo-depot-310101-1/demo-item-water"] .ag-cell[col-id="unit"]')).toHaveText('boxes');
  await expect(stock.locator('.ag-row[row-id="demo-depot-310101-1/demo-item-tent"] .ag-cell[col-id="unit"]')).toHaveText('tents');
  const units = await stock.locator('.ag-cell[col-id="unit"]').allTextContents();
  expect(units.filter((unit) => CJK.test(unit))).toEqual([]);
  await page.waitForTimeout(500);
  expect(await cutOff(stock.locator('.ag-header-cell-text'))).toEqual([]);
  await shots(page, 'languages-stock-en');

  await page.getByTestId('resources-tab-teams').click();
  const teams = page.getByTestId('board-teams');
  await expect(teams.locator('.ag-row').first()).toBeVisible();
  const capabilities = await teams.locator('.ag-cell[col-id="capabilities"]').allTextContents();
  expect(capabilities.some((text) => text.includes(', '))).toBe(true);
  expect(capabilities.some((text) => text.includes('、'))).toBe(false);

  // An allocation in every status shows whole words ("Requested", not "Reques…").
  await page.getByTestId('resources-tab-allocations').click();
  const form = page.getByTestId('allocation-request');
  await form.getByTestId('request-item').selectOption('demo-item-water');
  await form.getByTestId('request-quantity').fill('3');
  await form.getByTestId('request-submit').click();
  const allocations = page.getByTestId('board-allocations');
  await expect(allocations.locator('.ag-cell[col-id="status"]', { hasText: 'Requested' }).first()).toBeVisible();
  await expect(allocations.locator('.ag-cell[col-id="unit"]', { hasText: 'boxes' }).first()).toBeVisible();
  await page.waitForTimeout(500);
  expect(await cutOff(allocations.locator('.ag-header-cell-text'))).toEqual([]);
  expect(await cutOff(allocations.locator('.ag-cell[col-id="status"], .ag-cell[col-id="unit"], .ag-cell[col-id="quantity"]'))).toEqual([]);
  await shots(page, 'languages-allocations-en');
});

test('the empty-board text follows the language switch', async ({ page }) => {
  await open(page, 'en');
  await page.getByTestId('nav-resources').click();
  await page.getByTestId('resources-tab-allocations').click();
  const overlay = page.getByTestId('board-allocations').getByTestId('board-overlay');
  //崇明区 has no allocations in these tests: the board shows its overlay.
  await page.getByTestId('resources-district').selectOption('310151000000');
  await expect(overlay).toBeVisible();
  await expect(overlay).not.toContainText(CJK);
  await page.getByTestId('language-switch').click();
  await expect(overlay).toContainText(CJK);
  await expect(overlay).toHaveText(/没有符合筛选条件的记录|暂无数据/);
  await page.getByTestId('language-switch').click();
  await expect(overlay).toHaveText(/No rows match the filter|Nothing to show/);
});

test('[zh-CN] CSV problems, needs citations and the file picker are in Chinese', async ({ page }) => {
  await open(page, 'zh-CN');
  await page.getByTestId('nav-resources').click();
  await page.getByTestId('resources-import').click();
  const dialog = page.getByTestId('csv-import');
  await dialog.getByTestId('csv-kind').selectOption('depots');
  await dialog.getByTestId('csv-file').setInputFiles({
    name: 'depots.csv', mimeType: 'text/csv',
    buffer: Buffer.from('id,name,owner,districtCode,reserveType,lon,lat,colour\nd1,东库,区应急局,3101,physical,121.4,31.2,red\n'),
  });
  await dialog.getByTestId('csv-submit').click();
  const error = dialog.getByTestId('csv-error');
  await expect(error).toContainText('第 1 行：无法识别的列：colour');
  await dialog.getByTestId('csv-file').setInputFiles({
    name: 'depots.csv', mimeType: 'text/csv',
    buffer: Buffer.from('id,name,owner,districtCode,reserveType,lon,lat\nd1,东库,区应急局,3101,physical,121.4,31.2\n'),
  });
  await dialog.getByTestId('csv-submit').click();
  await expect(error).toContainText('第 2 行：行政区划代码（districtCode）：须为 12 位行政区划代码');
  await expect(error).not.toContainText('must be');
  await expect(dialog.getByTestId('csv-choose')).toHaveText('选择文件…');
  await shots(page, 'languages-csv-error-zh-CN');
  await dialog.getByTestId('csv-close').click();

  await page.getByTestId('resources-tab-needs').click();
  await page.getByTestId('needs-district').selectOption(HUANGPU);
  await page.getByTestId('needs-assess').click();
  // The assessment answers asynchronously: wait for its four rows before reading them.
  await expect(page.getByTestId('needs-table').locator('.needs__standard')).toHaveCount(4);
  const standards = await page.getByTestId('needs-table').locator('.needs__standard').allTextContents();
  for (const text of standards) expect(text).toMatch(CJK);
  expect(standards.join(' ')).not.toMatch(/per person|Handbook 2018, water/);
  await shots(page, 'languages-needs-zh-CN');
});

/** Opens a grid column's filter from its header (the button shows on hover). */
async function openFilter(header: Locator): Promise<void> {
  await header.hover();
  await header.locator('.ag-header-cell-filter-button, .ag-header-cell-menu-button').first().click();
}

test('[zh-CN] the grids\' own menus speak Chinese, and English after a switch', async ({ page }) => {
  await open(page, 'zh-CN');
  await page.getByTestId('nav-resources').click();
  const stock = page.getByTestId('board-stock');
  await expect(stock.locator('.ag-row').first()).toBeVisible();
  // The item column's filter: AG Grid's own words, from its maintained zh-CN locale.
  await openFilter(stock.locator('.ag-header-cell[col-id="itemName"], .ag-header-cell').first());
  const menu = page.locator('.ag-filter-menu');
  await expect(menu).toBeVisible();
  await expect(menu).toContainText(/包含|全选|过滤/);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'languages-grid-filter-zh-CN-desk.png') });
  await page.keyboard.press('Escape');
  await page.getByTestId('language-switch').click();
  await openFilter(stock.locator('.ag-header-cell[col-id="itemName"], .ag-header-cell').first());
  await expect(menu).toBeVisible();
  await expect(menu).not.toContainText(/包含|全选|过滤/);
  await expect(menu).toContainText(/Contains|Select All|Filter/);
});
