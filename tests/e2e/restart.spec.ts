import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { DEFAULT_STATIC } from '../../electron/host/commands/command.ts';
import { ServeProcess } from '../security/hostProcess.ts';

// Issue 16 §1: restarting the console service under an open tab. The spec runs its own `serve`
// (the shared one must not stop under the other specs), with the token kept in its data folder.
const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOTS, name) });

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-e2e-restart-'));
const serve = new ServeProcess(dataDir, [], DEFAULT_STATIC);
test.beforeAll(async () => {
  test.setTimeout(180_000);
  await serve.start();
});
test.afterAll(async () => {
  await serve.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function reportWhileDown(page: Page, title: string): Promise<void> {
  await serve.stop();
  await expect(page.getByTestId('link-state')).toHaveAttribute('data-state', /disconnected|connecting/);
  await page.getByTestId('report-title').fill(title);
  await page.getByTestId('report-type').selectOption('waterlogging');
  await page.getByTestId('report-level').selectOption('III');
  await page.getByTestId('report-node-filter').fill('310101013000');
  await expect(page.getByTestId('report-node')).toHaveValue('310101013000');
  await page.getByTestId('report-submit').click();
  // Kept in the tab's outbox, visibly, while the service is away.
  await expect(page.getByTestId('outbox-pending')).toHaveAttribute('data-count', '1');
}

async function restartAndDeliver(page: Page, title: string, before: number): Promise<void> {
  const port = serve.port;
  await serve.start(port);
  await expect(page.getByTestId('outbox-pending')).toHaveCount(0, { timeout: 30_000 });
  await expect(page.getByTestId('report-done')).toContainText(title);
  const rows = page.getByTestId('incidents-grid').getByRole('row').filter({ hasText: title });
  await expect(rows).toHaveCount(1);
  await expect(page.getByTestId('incidents-summary')).toHaveAttribute('data-count', String(before + 1));
  await expect(page.getByTestId('link-state')).toHaveAttribute('data-state', 'standalone');
}

test('a tab keeps working across a service restart, and a report made while it was down arrives once', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto(`http://127.0.0.1:${serve.port}/#token=${serve.token}`);
  await expect(page.getByTestId('tree-summary')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('nav-incidents').click();
  const summary = page.getByTestId('incidents-summary');
  await expect(summary).toBeVisible();
  const start = Number(await summary.getAttribute('data-count'));

  const chinese = `断网期间上报 ${Date.now().toString(36)}`;
  await reportWhileDown(page, chinese);
  await expect(page.getByTestId('outbox-pending')).toContainText('1 项操作待送达控制台服务');
  await shot(page, 'restart-outbox-zh.png');
  await restartAndDeliver(page, chinese, start);
  await shot(page, 'restart-delivered-zh.png');

  await page.getByTestId('language-switch').click();
  const english = `Reported while the service was down ${Date.now().toString(36)}`;
  await reportWhileDown(page, english);
  await expect(page.getByTestId('outbox-pending')).toContainText("1 change(s) waiting for the console service; sent when it is back");
  await shot(page, 'restart-outbox-en.png');
  await restartAndDeliver(page, english, start + 1);
  await shot(page, 'restart-delivered-en.png');
});
