import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Locator, type Page } from '@playwright/test';

const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOTS, name) });

/** A data row of the grid inside `scope`, found by its text. */
const row = (page: Page, scope: string, text: string): Locator =>
  page.getByTestId(scope).getByRole('row').filter({ hasText: text });

async function openConsole(page: Page): Promise<void> {
  await page.goto('/#token=e2e-token');
  await expect(page.getByTestId('tree-summary')).toBeVisible();
}

test.describe('browser console', () => {
  test('opens in Chinese with the city, its 16 districts and the exercise mark', async ({ page }) => {
    await openConsole(page);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByRole('navigation').getByRole('button', { name: '指挥网络' })).toBeVisible();
    await expect(page.getByRole('button', { name: '事件' })).toBeVisible();
    await expect(page.getByRole('heading', { name: '韧性城市指挥台' })).toBeVisible();
    await expect(page.getByTestId('tree-summary')).toHaveText(/16 个区 · 2\d\d 个街镇/);
    await expect(row(page, 'panel-commandNetwork', '黄浦区')).toBeVisible();
    await expect(row(page, 'panel-commandNetwork', '浦东新区')).toBeVisible();
    // Streets stay folded until their district is opened.
    await expect(row(page, 'panel-commandNetwork', '外滩街道')).toHaveCount(0);

    await expect(page.getByTestId('exercise-mark')).toBeVisible();
    await expect(page.getByTestId('exercise-mark')).toContainText('演练');
    await expect(page.getByTestId('node-identity')).toContainText('310000000000');

    await expect(page.getByTestId('link-state')).toHaveAttribute('data-state', 'standalone');
    await expect(page.getByTestId('link-state')).toHaveText('单机运行');
    await expect(page.getByTestId('outbox-count')).toHaveText('待上报 0 条');
    await expect(page.getByTestId('last-sync')).toHaveText('上次同步：从未');
  });

  test('expanding a district shows its streets, and collapsing hides them again', async ({ page }) => {
    await openConsole(page);
    await page.getByTestId('toggle-310101000000').click();
    await expect(row(page, 'panel-commandNetwork', '外滩街道')).toBeVisible();
    await expect(row(page, 'panel-commandNetwork', '南京东路街道')).toBeVisible();
    await expect(row(page, 'panel-commandNetwork', '外滩街道')).toContainText('310101013000');
    await expect(page.getByTestId('toggle-310101000000')).toHaveAttribute('aria-expanded', 'true');
    await shot(page, 'command-tree-zh.png');

    await page.getByTestId('toggle-310101000000').click();
    await expect(row(page, 'panel-commandNetwork', '外滩街道')).toHaveCount(0);

    // From the keyboard: Enter on a district's name cell opens it.
    await row(page, 'panel-commandNetwork', '徐汇区').locator('.tree-label').click();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('toggle-310104000000')).toHaveAttribute('aria-expanded', 'true');
    await page.getByTestId('toggle-310104000000').press('Enter');
    await expect(page.getByTestId('toggle-310104000000')).toHaveAttribute('aria-expanded', 'false');

    await page.getByTestId('tree-expand-all').click();
    await expect(row(page, 'panel-commandNetwork', '南京东路街道')).toBeVisible();
    await page.getByTestId('tree-collapse-all').click();
    await expect(row(page, 'panel-commandNetwork', '南京东路街道')).toHaveCount(0);
    await expect(row(page, 'panel-commandNetwork', '浦东新区')).toBeVisible();
  });

  test('search finds a street by code or by name, with its district above it', async ({ page }) => {
    await openConsole(page);
    const search = page.getByTestId('tree-search');

    await search.fill('310101013000');
    await expect(page.getByTestId('tree-match-count')).toContainText('1');
    await expect(row(page, 'panel-commandNetwork', '外滩街道')).toBeVisible();
    await expect(row(page, 'panel-commandNetwork', '黄浦区')).toBeVisible();
    await expect(row(page, 'panel-commandNetwork', '浦东新区')).toHaveCount(0);

    await search.fill('陆家嘴');
    await expect(row(page, 'panel-commandNetwork', '陆家嘴街道')).toBeVisible();
    await expect(row(page, 'panel-commandNetwork', '浦东新区')).toBeVisible();
    await expect(row(page, 'panel-commandNetwork', '外滩街道')).toHaveCount(0);
    await shot(page, 'command-tree-search.png');

    await search.fill('不存在的地名');
    await expect(page.getByTestId('tree-match-count')).toContainText('没有匹配');

    await search.press('Escape');
    await expect(page.getByTestId('tree-match-count')).toHaveCount(0);
    await expect(row(page, 'panel-commandNetwork', '浦东新区')).toBeVisible();
  });

  test('switches to English and back, and remembers the choice', async ({ page }) => {
    await openConsole(page);
    await page.getByTestId('language-switch').click();
    await expect(page.getByRole('button', { name: 'Command network' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Incidents' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByTestId('tree-summary')).toHaveText(/16 districts · 2\d\d streets and towns/);
    await expect(row(page, 'panel-commandNetwork', 'Pudong New Area')).toBeVisible();
    await expect(page.getByTestId('last-sync')).toHaveText('Last sync: never');
    await page.getByTestId('toggle-310101000000').click();
    await expect(row(page, 'panel-commandNetwork', '外滩街道')).toBeVisible();
    await shot(page, 'command-tree-en.png');

    await page.reload();
    await expect(page.getByRole('button', { name: 'Command network' })).toBeVisible();

    await page.getByTestId('language-switch').click();
    await expect(page.getByRole('button', { name: '指挥网络' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Command network' })).toHaveCount(0);
  });

  test('reporting an incident adds a row; an empty title shows the problem and adds nothing', async ({ page }) => {
    await openConsole(page);
    await page.getByTestId('nav-incidents').click();
    const summary = page.getByTestId('incidents-summary');
    await expect(summary).toBeVisible();
    const before = Number(await summary.getAttribute('data-count'));

    const title = `外滩沿线积水 ${Date.now().toString(36)}`;
    await page.getByTestId('report-title').fill(title);
    await page.getByTestId('report-type').selectOption('waterlogging');
    await page.getByTestId('report-level').selectOption('III');
    await page.getByTestId('report-node-filter').fill('外滩');
    await expect(page.getByTestId('report-node')).toHaveValue('310101013000');
    await expect(page.getByTestId('report-exercise')).toBeChecked();
    await page.getByTestId('report-submit').click();

    await expect(page.getByTestId('report-done')).toContainText(title);
    const added = row(page, 'incidents-grid', title);
    await expect(added).toBeVisible();
    await expect(added).toContainText('积水内涝');
    await expect(added).toContainText('III 级');
    await expect(added).toContainText('外滩街道');
    await expect(added).toContainText('演练');
    await expect(summary).toHaveAttribute('data-count', String(before + 1));
    await shot(page, 'incidents.png');

    // An empty title: the service refuses it; the form says why and the list does not change.
    await page.getByTestId('report-title').fill('   ');
    await page.getByTestId('report-submit').click();
    await expect(page.getByTestId('report-issues')).toContainText('标题不能为空');
    await expect(page.getByTestId('report-title')).toHaveAttribute('aria-invalid', 'true');
    await page.waitForTimeout(500);
    await expect(summary).toHaveAttribute('data-count', String(before + 1));
    await shot(page, 'incidents-invalid.png');

    // The problem is worded in the language now shown.
    await page.getByTestId('language-switch').click();
    await expect(page.getByTestId('report-issues')).toContainText('Title is required');
    await expect(row(page, 'incidents-grid', title)).toContainText('Waterlogging');
    await shot(page, 'incidents-invalid-en.png');
  });

  test('an incident reported on another screen appears live, without reloading', async ({ page, context }) => {
    await openConsole(page);
    await page.getByTestId('nav-incidents').click();
    await expect(page.getByTestId('incidents-summary')).toBeVisible();

    const other = await context.newPage();
    await openConsole(other);
    await other.getByTestId('nav-incidents').click();
    const title = `浦东停电 ${Date.now().toString(36)}`;
    await other.getByTestId('report-title').fill(title);
    await other.getByTestId('report-type').selectOption('powerCut');
    await other.getByTestId('report-level').selectOption('II');
    await other.getByTestId('report-node-filter').fill('310115005000');
    await other.getByTestId('report-submit').click();
    await expect(other.getByTestId('report-done')).toBeVisible();
    await other.close();

    const arrived = row(page, 'incidents-grid', title);
    await expect(arrived).toBeVisible();
    await expect(arrived).toContainText('停电');
    await expect(arrived).toContainText('II 级');
    await expect(arrived).toContainText('陆家嘴街道');
    await shot(page, 'incidents-live.png');
  });

  test('shows OFFLINE and reconnecting when the link to the service drops, then recovers', async ({ page }) => {
    let refuse = false;
    const live: { close(options?: { code?: number; reason?: string }): Promise<void> }[] = [];
    await page.routeWebSocket(/\/api/, (socket) => {
      if (refuse) {
        void socket.close({ code: 1013, reason: 'test: service away' });
        return;
      }
      socket.connectToServer();
      live.push(socket);
    });
    await openConsole(page);
    await expect(page.getByTestId('link-state')).toHaveAttribute('data-state', 'standalone');

    refuse = true;
    for (const socket of live.splice(0)) await socket.close({ code: 1012, reason: 'test: restart' });
    await expect(page.getByTestId('link-state')).toHaveAttribute('data-state', 'disconnected');
    await expect(page.getByTestId('link-state')).toContainText('正在重连');
    await shot(page, 'offline.png');

    refuse = false;
    await expect(page.getByTestId('link-state')).toHaveAttribute('data-state', 'standalone', { timeout: 20_000 });
  });

  test('a wrong access token shows an access error, not a blank page', async ({ page }) => {
    await page.goto('/#token=wrong-token');
    await expect(page.getByTestId('access-error')).toBeVisible();
    await expect(page.getByTestId('access-error')).toContainText('访问令牌');
    await expect(page.getByTestId('tree-summary')).toHaveCount(0);
    await shot(page, 'access-error.png');
  });
});
