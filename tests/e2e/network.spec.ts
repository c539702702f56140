import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { hub, keys } from './hubProcess.ts';
import { featureCount, fitted } from './mapPage.ts';

const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOTS, name) });
const HUANGPU = '310101000000';
const XUHUI = '310104000000';
const HP_STREET = '310101002000';

const row = (page: Page, code: string) => page.getByTestId('network-table').locator(`.ag-row[row-id="${code}"]`);
const stateIn = (page: Page, code: string) => row(page, code).locator('.network-state');

test.describe('command-network status in the console', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-network-e2e-'));
  const hubs: { child: ChildProcess; port: number }[] = [];
  let city: { child: ChildProcess; port: number };
  let huangpu: { child: ChildProcess; port: number };
  let xuhui: { child: ChildProcess; port: number };

  test.beforeAll(async () => {
    const dir = (id: string) => path.join(root, id);
    keys(dir('city'), 'city-hub', 'city', '310000000000');
    const hp = keys(dir('huangpu'), 'huangpu-hub', 'district', HUANGPU);
    const xh = keys(dir('xuhui'), 'xuhui-hub', 'district', XUHUI);
    const street = keys(dir('street'), 'hp-street-hub', 'street', HP_STREET);
    fs.writeFileSync(path.join(root, 'city-children.json'), JSON.stringify([hp, xh]));
    fs.writeFileSync(path.join(root, 'hp-children.json'), JSON.stringify([street]));
    city = await hub('network-e2e', ['--data', dir('city'), '--children', path.join(root, 'city-children.json'), '--seed']);
    hubs.push(city);
    huangpu = await hub('network-e2e', ['--data', dir('huangpu'), '--parent', `ws://127.0.0.1:${city.port}`, '--children', path.join(root, 'hp-children.json')]);
    hubs.push(huangpu);
    // 徐汇 runs on its backup channel, satellite phone: degraded, and flagged as on its backup.
    xuhui = await hub('network-e2e', ['--data', dir('xuhui'), '--parent', `ws://127.0.0.1:${city.port}`, '--channel', 'satphone']);
    hubs.push(xuhui);
    hubs.push(await hub('network-e2e', ['--data', dir('street'), '--parent', `ws://127.0.0.1:${huangpu.port}`]));
  });

  test.afterAll(() => {
    for (const { child } of hubs) child.kill('SIGKILL');
    fs.rmSync(root, { recursive: true, force: true });
  });

  test('the city sees the whole network live, a killed district within 10 s, and acknowledges its alarm', async ({ page }) => {
    await page.goto(`http://127.0.0.1:${city.port}/?e2e#token=network-e2e`);
    await page.getByTestId('nav-network').click();
    await expect(page.getByTestId('panel-network')).toBeVisible();
    await expect(stateIn(page, HUANGPU)).toHaveAttribute('data-state', 'up', { timeout: 30_000 });
    await expect(stateIn(page, XUHUI)).toHaveAttribute('data-state', 'degraded');
    await expect(row(page, XUHUI)).toContainText('卫星电话 (备用)');
    await expect(stateIn(page, HP_STREET)).toHaveAttribute('data-state', 'up');
    // A node never heard from is unknown, not up.
    await expect(stateIn(page, '310104003000')).toHaveAttribute('data-state', 'unknown');
    await expect(page.getByTestId('network-summary')).toContainText('3 正常 · 1 降级');

    const killedAt = Date.now();
    huangpu.child.kill('SIGKILL');
    await expect(stateIn(page, HUANGPU)).toHaveAttribute('data-state', 'down', { timeout: 10_000 });
    const shownAfter = Date.now() - killedAt;
    test.info().annotations.push({ type: 'kill shown after (ms)', description: String(shownAfter) });
    expect(shownAfter).toBeLessThanOrEqual(10_000);
    await expect(row(page, HP_STREET)).toContainText('经 黄浦区 不可达');
    await expect(page.getByTestId('network-unreachable')).toBeVisible();

    const alarm = page.locator(`[data-testid="network-alarm"][data-code="${HUANGPU}"][data-open="true"]`);
    await expect(alarm).toContainText('黄浦区 链路中断');
    await alarm.getByTestId('network-acknowledge').click();
    await expect(alarm).toContainText('city-hub 于');
    await page.locator(`.network-tree__item[data-code="${XUHUI}"] .network-tree__node`).click();
    await expect(page.getByTestId('network-chart')).toContainText('徐汇区 最近 6 小时');
    // The administrator moves 徐汇's backup to the ad-hoc network.
    await page.getByTestId('network-edit-backup').selectOption('adHoc');
    await page.getByTestId('network-edit-save').click();
    await expect(page.getByTestId('network-edit-outcome')).toHaveText('已保存');
    await expect.poll(async () => Number(await page.getByTestId('network-chart').getAttribute('data-samples')), { timeout: 20_000 }).toBeGreaterThan(0);
    await shot(page, 'network-zh.png');

    await page.getByTestId('language-switch').click();
    await expect(page.getByTestId('network-summary')).toContainText('up');
    await expect(row(page, HP_STREET)).toContainText('unreachable via Huangpu');
    await expect(page.getByTestId('network-chart')).toContainText('last 6 h');
    await shot(page, 'network-en.png');

    // A wall cell: 1920 × 1080, large type, the tree folded away for the table and the alarms.
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.getByTestId('network-large').click();
    await expect(page.getByTestId('panel-network')).toHaveClass(/network-panel--large/);
    await expect(page.getByTestId('network-tree')).toBeHidden();
    await shot(page, 'network-large-en.png');
    await page.getByTestId('network-large').click();
    await page.setViewportSize({ width: 1600, height: 900 });

    // The situation map draws the network's links coloured by state: both districts, and 黄浦's street from 黄浦.
    await page.getByTestId('language-switch').click();
    await page.getByTestId('nav-map').click();
    await expect.poll(() => fitted(page), { timeout: 30_000 }).toBe(true);
    await expect.poll(() => featureCount(page, 'links'), { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
    // Zoom to the centre, where 黄浦 and 徐汇 lie, so the links read in the picture.
    for (let i = 0; i < 2; i++) await page.getByRole('button', { name: '+' }).first().click();
    await page.waitForTimeout(600);
    await shot(page, 'network-map-zh.png');
  });

  test('a district back on fibre switches its uplink without a restart, and the city sees the switch', async ({ page }) => {
    await page.setViewportSize({ width: 1600, height: 900 });
    await page.goto(`http://127.0.0.1:${xuhui.port}/?e2e#token=network-e2e`);
    await page.getByTestId('nav-network').click();
    const uplink = page.getByTestId('network-uplink-channel');
    await expect(uplink).toHaveValue('satphone', { timeout: 30_000 });
    await uplink.selectOption('fibre');
    await expect(page.getByTestId('network-uplink-outcome')).toHaveText('已切换到光纤专网，已记入网络事件');
    await expect(uplink).toHaveValue('fibre', { timeout: 30_000 });
    await shot(page, 'network-uplink-zh.png');

    await page.goto(`http://127.0.0.1:${city.port}/?e2e#token=network-e2e`);
    await page.getByTestId('nav-network').click();
    await expect(stateIn(page, XUHUI)).toHaveAttribute('data-state', 'up', { timeout: 30_000 });
    await expect(row(page, XUHUI)).not.toContainText('卫星电话');
  });
});
