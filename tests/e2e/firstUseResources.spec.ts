import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';

// Issue 16 §2 as a duty officer meets it: the reserves are protected at request, commit and in
// the needs assessment, in the user's language; plus the stock CSV, export and print fixes.

const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
const DESK = { width: 1920, height: 1080 };
const WALL = { width: 3840, height: 2160 };
type Locale = 'zh-CN' | 'en';
const HUANGPU = '310101000000';
const BOAT_DEPOT = 'demo-depot-310101-1';
const CJK = /[\u4e00-\u9fff]/;
const LATIN_WORD = /[A-Za-z]{2,}/;

async function open(page: Page, locale: Locale, size = DESK, address = '/#token=e2e-token'): Promise<void> {
  await page.addInitScript((value) => window.localStorage.setItem('resilience-console.locale', value), locale);
  await page.setViewportSize(size);
  await page.goto(address);
  await expect(page.getByTestId('tree-summary')).toBeVisible();
  await page.getByTestId('nav-resources').click();
  await expect(page.getByTestId('panel-resources')).toBeVisible();
}

/** Desk and wall pictures of what is on screen now. */
async function shots(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-desk.png`) });
  await page.setViewportSize(WALL);
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-wall.png`) });
  await page.setViewportSize(DESK);
}

for (const locale of ['zh-CN', 'en'] as const) {
  const words = locale === 'en'
    ? { available: /· \d+ boats? available/, warning: 'fewer than the 50 boats requested', refusal: 'Not enough available at the depot', requested: 'The request was recorded' }
    : { available: /· 可用 \d+ 艘/, warning: '少于申请的 50 艘', refusal: '储备库可用数量不足', requested: '调拨申请已提交' };

  test(`[${locale}] 50 boats from a depot holding a few: availability shown, warned at request, refused at commit in one language`, async ({ page }) => {
    await open(page, locale);
    await page.getByTestId('resources-tab-allocations').click();
    const form = page.getByTestId('allocation-request');
    await form.getByTestId('request-item').selectOption('demo-item-assault-boat');
    const option = form.getByTestId('request-depot').locator(`option[value="${BOAT_DEPOT}"]`);
    await expect(option).toHaveText(words.available);
    const available = Number((await option.textContent())!.match(/(\d+) (?:boats?|艘)/)![1]);
    expect(available).toBeLessThan(50);
    await form.getByTestId('request-depot').selectOption(BOAT_DEPOT);
    await form.getByTestId('request-quantity').fill('50');
    await expect(form.getByTestId('request-warning')).toContainText(words.warning);
    await form.getByTestId('request-destination-kind').selectOption('shelter');
    await form.getByTestId('request-submit').click();
    await expect(page.getByTestId('allocation-request-outcome')).toHaveText(words.requested);

    const detail = page.getByTestId('allocation-detail');
    await expect(detail).toHaveAttribute('data-status', 'requested');
    await detail.getByTestId('allocation-committed').click();
    const refusal = detail.getByRole('alert');
    await expect(refusal).toContainText(words.refusal);
    await expect(refusal).toContainText(`${available}`);
    const text = (await refusal.textContent())!;
    // One message, in the user's language only: no English sentence tacked on a Chinese one, nor the reverse.
    if (locale === 'en') expect(text).not.toMatch(CJK);
    else expect(text).not.toMatch(LATIN_WORD);
    await expect(detail).toHaveAttribute('data-status', 'requested');
    await shots(page, `first-use-commit-refused-${locale}`);
  });

  test(`[${locale}] needs assessment keeps reserves, spreads over shelters, lets the officer pick and edit, and confirms first`, async ({ page }) => {
    await open(page, locale);
    await page.getByTestId('resources-tab-allocations').click();
    await expect(page.getByTestId('board-allocations-count')).toHaveAttribute('data-total', /^\d+$/);
    await page.waitForTimeout(500);
    const before = Number(await page.getByTestId('board-allocations-count').getAttribute('data-total'));
    await page.getByTestId('resources-tab-needs').click();
    await page.getByTestId('needs-district').selectOption(HUANGPU);
    await page.getByTestId('needs-population').fill('20000');
    await page.getByTestId('needs-days').fill('3');
    await page.getByTestId('needs-assess').click();
    await expect(page.getByTestId('needs-reserve-kept')).toBeVisible();
    const water = page.getByTestId('needs-table').locator('tr[data-category="water"]');
    await expect(water).toContainText(locale === 'en' ? 'Sphere Handbook 2018' : 'Sphere 人道主义标准手册（2018）');
    await expect(page.getByTestId('needs-space')).toContainText(locale === 'en' ? /Shelter space: 20,000 people to shelter/ : /安置空间：需安置 20,000 人/);

    const rows = page.getByTestId('needs-proposal');
    const total = await rows.count();
    expect(total).toBeGreaterThan(2);
    const shelters = new Set(await page.getByTestId('needs-proposal-shelter').evaluateAll((selects) => selects.map((s) => (s as HTMLSelectElement).value)));
    expect(shelters.size).toBeGreaterThan(1);

    await rows.nth(0).getByRole('checkbox').uncheck();
    await rows.nth(1).getByTestId('needs-proposal-quantity').fill('1');
    await expect(page.getByTestId('needs-selected')).toContainText(String(total - 1));
    await page.getByTestId('needs-create').click();
    const confirm = page.getByTestId('needs-confirm');
    await expect(confirm).toContainText(String(total - 1));
    await shots(page, `first-use-needs-confirm-${locale}`);
    await confirm.getByTestId('needs-confirm-ok').click();
    await expect(page.getByTestId('needs-create-message')).toContainText(String(total - 1));

    await page.getByTestId('resources-tab-allocations').click();
    await expect(page.getByTestId('board-allocations-count')).toHaveAttribute('data-total', String(before + total - 1));
  });
}

test('[zh-CN] a stock CSV row with a negative receipt is refused, said in Chinese, with the console\'s own file picker', async ({ page }) => {
  await open(page, 'zh-CN');
  await page.getByTestId('resources-import').click();
  const dialog = page.getByTestId('csv-import');
  await expect(dialog.getByTestId('csv-choose')).toHaveText('选择文件…');
  await expect(dialog.getByTestId('csv-file-name')).toHaveText('未选择文件');
  await dialog.getByTestId('csv-kind').selectOption('stock');
  await dialog.getByTestId('csv-file').setInputFiles({
    name: 'negative.csv', mimeType: 'text/csv',
    buffer: Buffer.from(`depotId,itemId,quantity,reason\n${BOAT_DEPOT},demo-item-water,-40,receipt\n`),
  });
  await expect(dialog.getByTestId('csv-file-name')).toHaveText('negative.csv');
  await dialog.getByTestId('csv-submit').click();
  const error = dialog.getByTestId('csv-error');
  await expect(error).toContainText('negative.csv 未导入');
  await expect(error).toContainText('第 2 行：数量（quantity）：入库（receipt）的数量须为正数');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'first-use-csv-negative-zh-CN.png') });
});

/**
 * A console of its own on a free port with a fresh data folder, for a test that adds records the
 * other specs' counts must not see (they share the suite's console).
 */
async function ownConsole(): Promise<{ address: string; stop(): Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-e2e-own-'));
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const child = spawn(process.execPath, ['electron/host/bin.mjs', 'serve', '--data', dataDir, '--port', '0', '--json', '--token', 'own-token'], { cwd: root });
  const url = await new Promise<string>((resolve, reject) => {
    let buffer = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        const event = JSON.parse(line || '{}') as { event?: string; url?: string };
        if (event.event === 'listening' && event.url) resolve(event.url);
      }
    });
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}`)));
  });
  return {
    address: `${new URL(url).origin}/#token=own-token`,
    async stop() {
      const exited = new Promise((resolve) => child.on('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

test('CSV export: formulas neutralised, quantity and unit in their own columns, ISO dates with the year', async ({ page }) => {
  test.setTimeout(180_000);
  const own = await ownConsole();
  try {
    await exportChecks(page, own.address);
  } finally {
    await own.stop();
  }
});

async function exportChecks(page: Page, address: string): Promise<void> {
  await open(page, 'zh-CN', DESK, address);
  // A depot whose name a spreadsheet would run as a formula, with stock so it shows on the Stock board.
  await page.getByTestId('resources-import').click();
  const dialog = page.getByTestId('csv-import');
  await dialog.getByTestId('csv-kind').selectOption('depots');
  await dialog.getByTestId('csv-file').setInputFiles({
    name: 'depots.csv', mimeType: 'text/csv',
    buffer: Buffer.from('id,name,owner,districtCode,reserveType,lon,lat\nevil-depot,"=HYPERLINK(""http://evil.example"",""点击"")",x,310101000000,physical,121.48,31.23\n'),
  });
  await dialog.getByTestId('csv-submit').click();
  await expect(dialog.getByTestId('csv-done')).toBeVisible();
  await dialog.getByTestId('csv-kind').selectOption('stock');
  await dialog.getByTestId('csv-file').setInputFiles({ name: 'stock.csv', mimeType: 'text/csv', buffer: Buffer.from('depotId,itemId,quantity\nevil-depot,demo-item-water,7\n') });
  await dialog.getByTestId('csv-submit').click();
  await expect(dialog.getByTestId('csv-done')).toBeVisible();
  await dialog.getByTestId('csv-close').click();
  await page.getByTestId('resources-district').selectOption(HUANGPU);
  await expect(page.getByTestId('board-stock-count')).toHaveAttribute('data-shown', '25');
  const [stock] = await Promise.all([page.waitForEvent('download'), page.getByTestId('board-stock-export').click()]);
  const stockText = fs.readFileSync((await stock.path())!, 'utf8');
  expect(stockText).toContain('"\'=HYPERLINK(""http://evil.example"",""点击"")"');
  expect(stockText).not.toMatch(/(^|,)"=/m);

  await page.getByTestId('resources-tab-allocations').click();
  const form = page.getByTestId('allocation-request');
  await form.getByTestId('request-item').selectOption('demo-item-water');
  await form.getByTestId('request-quantity').fill('12');
  await form.getByTestId('request-submit').click();
  await expect(page.getByTestId('board-allocations').locator('.ag-row').first()).toBeVisible();
  const [allocations] = await Promise.all([page.waitForEvent('download'), page.getByTestId('board-allocations-export').click()]);
  const lines = fs.readFileSync((await allocations.path())!, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/).map((line) => line.split('","').map((cell) => cell.replace(/^"|"$/g, '')));
  const header = lines[0]!;
  const [quantity, unit, created] = [header.indexOf('数量'), header.indexOf('单位'), header.indexOf('申请时间')];
  expect(quantity).toBeGreaterThanOrEqual(0);
  expect(unit).toBe(quantity + 1);
  for (const row of lines.slice(1)) {
    expect(row[quantity]).toMatch(/^\d+$/);
    expect(row[unit]).toMatch(CJK);
    expect(row[created]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/);
  }
}

test('printing a board gives black on white, every row, and no navigation', async ({ page }) => {
  await open(page, 'zh-CN', { width: 1600, height: 600 });
  await page.getByTestId('resources-district').selectOption(HUANGPU);
  await expect(page.getByTestId('board-stock-count')).toHaveAttribute('data-shown', /^2\d$/);
  const shown = Number(await page.getByTestId('board-stock-count').getAttribute('data-shown'));
  // On screen the grid draws only the rows in view.
  expect(await page.getByTestId('board-stock').locator('.ag-row').count()).toBeLessThan(shown);
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await expect(page.getByTestId('board-stock').locator('.ag-row')).toHaveCount(shown);
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
  expect(await page.evaluate(() => getComputedStyle(document.querySelector('.ag-cell')!).color)).toBe('rgb(0, 0, 0)');
  await expect(page.locator('.side-nav')).toBeHidden();
  await expect(page.getByTestId('board-stock-export')).toBeHidden();
  await page.screenshot({ path: path.join(SCREENSHOTS, 'first-use-print-stock.png'), fullPage: true });
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await page.emulateMedia({ media: 'screen' });
  await expect(page.locator('.side-nav')).toBeVisible();
});
