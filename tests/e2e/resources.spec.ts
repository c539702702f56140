import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Locator, type Page } from '@playwright/test';

const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOTS, name) });

const HUANGPU = '310101000000';
const WATER_ROW = 'demo-depot-310101-1/demo-item-water';
type Tab = 'stock' | 'teams' | 'equipment' | 'volunteers' | 'shelters' | 'allocations' | 'needs';

async function openResources(page: Page, tab: Tab = 'stock'): Promise<void> {
  // Tall enough that one district's 24 stock lines are all rendered (the grid virtualises rows).
  await page.setViewportSize({ width: 1600, height: 1500 });
  await page.goto('/#token=e2e-token');
  await expect(page.getByTestId('tree-summary')).toBeVisible();
  await page.getByTestId('nav-resources').click();
  await expect(page.getByTestId('panel-resources')).toBeVisible();
  await page.getByTestId(`resources-tab-${tab}`).click();
}

/** The count line of a board, once its rows have arrived. */
const count = (page: Page, board: string) => page.getByTestId(`board-${board}-count`);
const cell = (page: Page, board: string, rowId: string, colId: string): Locator =>
  page.getByTestId(`board-${board}`).locator(`.ag-row[row-id="${rowId}"] .ag-cell[col-id="${colId}"]`);
const numberIn = async (locator: Locator) => Number((await locator.textContent())!.replace(/[^\d-]/g, ''));

test.describe('resource boards', () => {
  test('each board opens with the demo data (screenshots of every board)', async ({ page }) => {
    test.setTimeout(180_000);
    await openResources(page, 'stock');
    await expect(count(page, 'stock')).toHaveAttribute('data-total', '384');
    await expect(page.getByTestId('board-stock').locator('.flag').first()).toBeVisible();
    await shot(page, 'resources-stock.png');

    const boards: [Tab, string, string][] = [
      ['teams', 'teams', '48'], ['equipment', 'equipment', '96'], ['volunteers', 'volunteers', '192'], ['shelters', 'shelters', '64'],
    ];
    for (const [tab, board, total] of boards) {
      await page.getByTestId(`resources-tab-${tab}`).click();
      await expect(page.getByTestId(`board-${board}`).locator('.ag-row').first()).toBeVisible({ timeout: 30_000 });
      await expect(count(page, board)).toHaveAttribute('data-total', total, { timeout: 30_000 });
      await shot(page, `resources-${board}.png`);
    }
    await expect(cell(page, 'shelters', 'demo-shelter-310101-1', 'capacity')).toHaveText(/^\d+$/);

    await page.getByTestId('resources-tab-needs').click();
    await page.getByTestId('needs-district').selectOption(HUANGPU);
    await page.getByTestId('needs-population').fill('8000');
    await page.getByTestId('needs-days').fill('3');
    await page.getByTestId('needs-assess').click();
    const water = page.getByTestId('needs-table').locator('tr[data-category="water"]');
    // Sphere: 15 L a person a day → 8,000 × 15 × 3 = 360,000 L, with the standard cited.
    await expect(water).toContainText('120,000');
    await expect(water).toContainText('360,000');
    await expect(water).toContainText('Sphere 人道主义标准手册（2018）');
    await expect(page.getByTestId('needs-proposals').locator('tbody tr').first()).toBeVisible();
    await shot(page, 'resources-needs.png');
    const proposals = await page.getByTestId('needs-proposals').locator('tbody tr').count();
    // Other specs share this console and may have made allocations already: count what this adds.
    await page.getByTestId('resources-tab-allocations').click();
    await expect(count(page, 'allocations')).toHaveAttribute('data-total', /^\d+$/);
    await page.waitForTimeout(500);
    const before = Number(await count(page, 'allocations').getAttribute('data-total'));
    await page.getByTestId('resources-tab-needs').click();
    await page.getByTestId('needs-create').click();
    await page.getByTestId('needs-confirm-ok').click();
    await expect(page.getByTestId('needs-create-message')).toContainText(`已生成 ${proposals} 项调拨申请`);
    await page.getByTestId('resources-tab-allocations').click();
    await expect(count(page, 'allocations')).toHaveAttribute('data-total', String(before + proposals));
  });

  test('allocation flow: request water for a shelter, commit, dispatch, receive; the ledger and the stock follow live', async ({ page }) => {
    await openResources(page, 'stock');
    await page.getByTestId('resources-district').selectOption(HUANGPU);
    await expect(count(page, 'stock')).toHaveAttribute('data-shown', '24');
    const balance = cell(page, 'stock', WATER_ROW, 'balance');
    await expect(balance).toHaveText(/^\d+$/);
    const before = await numberIn(balance);

    await page.getByTestId('resources-tab-allocations').click();
    const form = page.getByTestId('allocation-request');
    await form.getByTestId('request-item').selectOption('demo-item-water');
    await form.getByTestId('request-quantity').fill('40');
    await form.getByTestId('request-depot').selectOption('demo-depot-310101-1');
    await form.getByTestId('request-destination-kind').selectOption('shelter');
    await form.getByTestId('request-destination').selectOption('demo-shelter-310101-1');
    await form.getByTestId('request-submit').click();
    await expect(page.getByTestId('allocation-request-outcome')).toHaveText('调拨申请已提交');

    const detail = page.getByTestId('allocation-detail');
    const ledger = page.getByTestId('allocation-ledger').locator('li');
    await expect(detail).toHaveAttribute('data-status', 'requested');
    await expect(ledger).toHaveCount(1);
    await detail.getByTestId('allocation-committed').click();
    await expect(detail).toHaveAttribute('data-status', 'committed');
    await detail.getByTestId('allocation-dispatched').click();
    await expect(detail).toHaveAttribute('data-status', 'dispatched');
    await detail.getByTestId('allocation-received').click();
    await expect(detail).toHaveAttribute('data-status', 'received');
    await expect(ledger).toHaveCount(4);
    expect(await ledger.evaluateAll((items) => items.map((item) => item.getAttribute('data-step')))).toEqual(['requested', 'committed', 'dispatched', 'received']);
    await expect(ledger.first()).toContainText('操作节点');
    // Other tests may add requests to the same console: find this one by what it moves.
    const row = page.getByTestId('board-allocations').locator('.ag-row')
      .filter({ has: page.locator('.ag-cell[col-id="quantity"]', { hasText: /^40$/ }) }).filter({ hasText: '黄浦区应急物资储备库' });
    await expect(row).toContainText('已接收');
    await expect(row.locator('.ag-cell[col-id="unit"]')).toHaveText('箱');
    await shot(page, 'resources-allocations.png');

    // The Stock board took the dispatch as a row change, without a reload.
    await page.getByTestId('resources-tab-stock').click();
    await expect(balance).toHaveText(String(before - 40));
  });

  test('a CSV import with one bad row names the row and the reason and imports nothing; a good one shows up live', async ({ page }) => {
    await openResources(page, 'stock');
    await page.getByTestId('resources-district').selectOption(HUANGPU);
    const balance = cell(page, 'stock', 'demo-depot-310101-2/demo-item-quilt', 'balance');
    await expect(balance).toHaveText(/^\d+$/);
    const before = await numberIn(balance);

    await page.getByTestId('resources-import').click();
    const dialog = page.getByTestId('csv-import');
    await dialog.getByTestId('csv-kind').selectOption('stock');
    await dialog.getByTestId('csv-file').setInputFiles({
      name: 'receipts.csv', mimeType: 'text/csv',
      buffer: Buffer.from('depotId,itemId,quantity\ndemo-depot-310101-2,demo-item-quilt,50\ndemo-depot-310101-2,demo-item-quilt,lots\n'),
    });
    await dialog.getByTestId('csv-submit').click();
    const error = dialog.getByTestId('csv-error');
    await expect(error).toContainText('receipts.csv 未导入，数据未做任何更改');
    await expect(error).toContainText('第 3 行：数量（quantity）：须为数字');
    await shot(page, 'resources-import-error.png');
    await page.waitForTimeout(300);
    await expect(balance).toHaveText(String(before));

    await dialog.getByTestId('csv-file').setInputFiles({
      name: 'receipts.csv', mimeType: 'text/csv',
      buffer: Buffer.from('depotId,itemId,quantity\ndemo-depot-310101-2,demo-item-quilt,50\ndemo-depot-310101-2,demo-item-quilt,25\n'),
    });
    await dialog.getByTestId('csv-submit').click();
    await expect(dialog.getByTestId('csv-done')).toHaveText('已导入 2 行');
    await dialog.getByTestId('csv-close').click();
    await expect(balance).toHaveText(String(before + 75));
  });

  test('the district filter narrows every board, and the choice and column layout survive a reload', async ({ page }) => {
    await openResources(page, 'stock');
    await expect(count(page, 'stock')).toHaveAttribute('data-shown', '384');
    await page.getByTestId('resources-district').selectOption(HUANGPU);
    await expect(count(page, 'stock')).toHaveAttribute('data-shown', '24');
    await expect(count(page, 'stock')).toHaveText('显示 24 / 共 384 行');
    const districts = await page.getByTestId('board-stock').locator('.ag-row .ag-cell[col-id="district"]').allTextContents();
    expect(new Set(districts)).toEqual(new Set(['黄浦区']));
    await page.getByTestId('resources-tab-teams').click();
    await expect(count(page, 'teams')).toHaveAttribute('data-shown', '3');
    await page.getByTestId('resources-tab-volunteers').click();
    await expect(count(page, 'volunteers')).toHaveAttribute('data-shown', '12');

    // Sort the Stock board by balance; the sort is saved with the board and restored on open.
    await page.getByTestId('resources-tab-stock').click();
    const header = page.getByTestId('board-stock').locator('.ag-header-cell[col-id="balance"]');
    await header.locator('.ag-header-cell-label').click();
    await expect(header).toHaveAttribute('aria-sort', 'ascending');
    const ascending = (await page.getByTestId('board-stock').locator('.ag-row .ag-cell[col-id="balance"]').allTextContents()).map(Number);
    await page.waitForTimeout(500);
    await page.reload();
    await page.getByTestId('nav-resources').click();
    await expect(count(page, 'stock')).toHaveAttribute('data-shown', '24');
    await expect(page.getByTestId('resources-district')).toHaveValue(HUANGPU);
    await expect(page.getByTestId('board-stock').locator('.ag-header-cell[col-id="balance"]')).toHaveAttribute('aria-sort', 'ascending');
    const rows = page.getByTestId('board-stock').locator('.ag-row');
    const restored = await rows.evaluateAll((elements) => elements
      .sort((a, b) => Number(a.getAttribute('row-index')) - Number(b.getAttribute('row-index')))
      .map((row) => Number(row.querySelector('[col-id="balance"]')?.textContent)));
    expect(restored).toHaveLength(ascending.length);
    expect(restored).toEqual([...restored].sort((a, b) => a - b));
  });

  test('CSV export downloads the board with its header row', async ({ page }) => {
    await openResources(page, 'stock');
    await page.getByTestId('resources-district').selectOption(HUANGPU);
    await expect(count(page, 'stock')).toHaveAttribute('data-shown', '24');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('board-stock-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^stock-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = fs.readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
    const lines = text.trim().split(/\r?\n/);
    expect(lines[0]).toContain('"储备库"');
    expect(lines[0]).toContain('"库存"');
    expect(lines[0]).toContain('"最低储备"');
    // The export follows the district filter: a header and one line per shown row.
    expect(lines).toHaveLength(25);
    expect(lines.slice(1).every((line) => line.includes('黄浦区'))).toBe(true);
  });

  test('shelter occupancy is edited in the grid and a refused edit changes nothing', async ({ page }) => {
    await openResources(page, 'shelters');
    await page.getByTestId('resources-district').selectOption(HUANGPU);
    await expect(count(page, 'shelters')).toHaveAttribute('data-shown', '4');
    const occupancy = cell(page, 'shelters', 'demo-shelter-310101-2', 'occupancy');
    await occupancy.dblclick();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('120');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('shelters-message')).toContainText('已安置 120 人');
    await expect(cell(page, 'shelters', 'demo-shelter-310101-2', 'state')).toHaveText('待启用');

    // An occupancy the service refuses (over its limit) is put back, with the reason, and nothing is stored.
    await occupancy.dblclick();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('2000000');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('shelters-message')).toHaveAttribute('role', 'alert');
    await expect(page.getByTestId('shelters-message')).toContainText(/填写的内容有误|安置人数须为不小于 0 的整数/);
    await expect(occupancy).toHaveText('120');
    await page.reload();
    await page.getByTestId('nav-resources').click();
    await page.getByTestId('resources-tab-shelters').click();
    await expect(cell(page, 'shelters', 'demo-shelter-310101-2', 'occupancy')).toHaveText('120');
    await expect(cell(page, 'shelters', 'demo-shelter-310101-2', 'state')).not.toHaveText('关闭');
  });

  test('volunteers are called up and equipment is deployed to a team from their boards, live', async ({ page }) => {
    await openResources(page, 'volunteers');
    await page.getByTestId('resources-district').selectOption(HUANGPU);
    await expect(count(page, 'volunteers')).toHaveAttribute('data-shown', '12');
    await cell(page, 'volunteers', 'demo-vol-310101-01', 'name').click();
    await cell(page, 'volunteers', 'demo-vol-310101-02', 'name').click({ modifiers: ['ControlOrMeta'] });
    await expect(page.getByTestId('volunteers-selected')).toHaveText('已选 2 人');
    await page.getByRole('textbox', { name: '召集事由（可选）' }).fill('外滩防汛');
    await page.getByTestId('volunteers-callup').click();
    await expect(page.getByTestId('board-volunteers').getByRole('status')).toHaveText('已召集 2 名志愿者');
    for (const id of ['demo-vol-310101-01', 'demo-vol-310101-02']) {
      await expect(cell(page, 'volunteers', id, 'status')).toHaveText('已召集');
      await expect(cell(page, 'volunteers', id, 'calledUpFor')).toHaveText('外滩防汛');
    }
    // Calling the same people again is refused and says why.
    await page.getByTestId('volunteers-callup').click();
    await expect(page.getByTestId('board-volunteers').getByRole('alert')).toContainText('该记录当前的状态不允许这一步操作');

    await page.getByTestId('resources-tab-equipment').click();
    await expect(count(page, 'equipment')).toHaveAttribute('data-shown', '6');
    await cell(page, 'equipment', 'demo-eq-310101-1', 'name').click();
    await page.getByTestId('equipment-state').selectOption('deployed');
    const team = await page.getByTestId('equipment-team').locator('option').first().textContent();
    await page.getByTestId('equipment-apply').click();
    await expect(cell(page, 'equipment', 'demo-eq-310101-1', 'state')).toHaveText('已出动');
    await expect(cell(page, 'equipment', 'demo-eq-310101-1', 'team')).toHaveText(team!);
  });
});
