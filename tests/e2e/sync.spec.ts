import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { hub, keys } from './hubProcess.ts';

const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOTS, name) });

test.describe('sync in the console', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-sync-e2e-'));
  let city: { child: ChildProcess; port: number };
  let district: { child: ChildProcess; port: number };

  test.beforeAll(async () => {
    const cityDir = path.join(root, 'city');
    const districtDir = path.join(root, 'huangpu');
    keys(cityDir, 'city-hub', 'city', '310000000000');
    const entry = keys(districtDir, 'huangpu-hub', 'district', '310101000000');
    fs.writeFileSync(path.join(root, 'children.json'), JSON.stringify([entry]));
    city = await hub('sync-e2e', ['--data', cityDir, '--children', path.join(root, 'children.json'), '--seed']);
    district = await hub('sync-e2e', ['--data', districtDir, '--parent', `ws://127.0.0.1:${city.port}`, '--parent-grace-seconds', '2']);
  });

  test.afterAll(() => {
    city?.child.kill('SIGKILL');
    district?.child.kill('SIGKILL');
    fs.rmSync(root, { recursive: true, force: true });
  });

  test('a district console shows its link to the city, the peers in the Sync view, and goes offline when the city is lost', async ({ page }) => {
    await page.goto(`http://127.0.0.1:${district.port}/#token=sync-e2e`);
    const chip = page.getByTestId('link-chip').first();
    await expect(chip).toHaveAttribute('data-peer', 'city-hub');
    await expect(chip).toHaveAttribute('data-state', 'online');
    await expect(page.getByTestId('link-state')).toHaveAttribute('data-state', 'online');
    // The city's data reached the district: its command tree is there.
    await expect(page.getByText('黄浦区').first()).toBeVisible();
    await expect(page.getByTestId('newest-from-parent')).toContainText('秒前');
    await page.getByTestId('nav-sync').click();
    const row = page.getByTestId('sync-peer').first();
    await expect(row).toHaveAttribute('data-peer', 'city-hub');
    await expect(row.getByTestId('sync-behind')).toHaveText('0');
    await page.getByTestId('sync-verify').click();
    await expect(page.getByTestId('sync-verified')).toContainText('校验和');
    await shot(page, 'sync-view.png');

    city.child.kill('SIGKILL');
    await expect(page.getByTestId('link-state')).toHaveAttribute('data-state', 'offline', { timeout: 20_000 });
    await expect(page.getByTestId('link-chip').first()).toHaveAttribute('data-state', 'offline');
    // The parent is named as a centre, and its loss raises an alarm once the grace period is over.
    await expect(page.getByTestId('sync-parent')).toHaveText('上级指挥中心：上海市（310000000000）');
    await expect(page.getByTestId('sync-alarm-list')).toContainText('上级不可达', { timeout: 20_000 });
    await expect(page.getByTestId('sync-alarms')).toBeVisible();
    await shot(page, 'sync-parent-lost.png');
    await page.getByTestId('language-switch').click();
    await expect(page.getByTestId('sync-parent')).toHaveText('Parent centre: Shanghai (310000000000)');
    await expect(page.getByTestId('sync-alarm-list')).toContainText('parent unreachable');
    await shot(page, 'sync-parent-lost-en.png');
  });

  test('a report made while the city is down is counted and marked until the city has it (issue 16 §1)', async ({ page }) => {
    // The first test left the city killed; the district console keeps working on its own.
    await page.goto(`http://127.0.0.1:${district.port}/#token=sync-e2e`);
    await expect(page.getByTestId('link-state')).toHaveAttribute('data-state', 'offline', { timeout: 20_000 });
    await page.getByTestId('nav-incidents').click();
    const title = `城市断联时上报 ${Date.now()}`;
    await page.getByTestId('report-title').fill(title);
    await page.getByTestId('report-type').selectOption('waterlogging');
    await page.getByTestId('report-level').selectOption('IV');
    await page.getByTestId('report-node-filter').fill('外滩');
    await expect(page.getByTestId('report-node')).toHaveValue('310101013000');
    await page.getByTestId('report-submit').click();
    await expect(page.getByTestId('report-done')).toContainText(title);
    const reported = page.getByTestId('incidents-grid').getByRole('row').filter({ hasText: title });
    await expect(reported).toContainText('未上报');
    await expect(page.getByTestId('outbox-count')).not.toHaveAttribute('data-count', '0');
    await shot(page, 'sync-unsent-zh.png');
    await page.getByTestId('language-switch').click();
    await expect(reported).toContainText('Not yet sent');
    await shot(page, 'sync-unsent-en.png');

    // The city returns where the district expects it: the report goes up and the mark clears.
    city = await hub('sync-e2e', ['--data', path.join(root, 'city'), '--children', path.join(root, 'children.json'), '--port', String(city.port)]);
    await expect(page.getByTestId('link-state')).toHaveAttribute('data-state', 'online', { timeout: 30_000 });
    await expect(reported).not.toContainText('Not yet sent', { timeout: 30_000 });
    await expect(page.getByTestId('outbox-count')).toHaveAttribute('data-count', '0', { timeout: 30_000 });
    await shot(page, 'sync-sent-en.png');
  });
});
