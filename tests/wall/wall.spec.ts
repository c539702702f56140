import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { screenToPng } from './xwdToPng.ts';
import { BASE, openWindow, titleReachedAt, TOKEN, WallHost, watchTitle } from './wallHost.ts';

const SCREENSHOTS = fileURLToPath(new URL('../e2e/screenshots/', import.meta.url));
const DISPLAYS = [
  { label: 'A1', left: 0, top: 0 }, { label: 'B1', left: 1920, top: 0 },
  { label: 'A2', left: 0, top: 1080 }, { label: 'B2', left: 1920, top: 1080 },
] as const;
const wallUrl = (display: string) => `${BASE}/#/wall?hall=hall%3Acity&display=${display}&token=${TOKEN}`;

const host = new WallHost();
const contexts: BrowserContext[] = [];
test.beforeAll(async () => { await host.start(); });
test.afterAll(async () => {
  for (const context of contexts) await context.close();
  await host.dispose();
});

/** The four wall windows on the 3840×2160 screen, A1 B1 over A2 B2. */
async function openWall(browser: Parameters<typeof openWindow>[0]): Promise<Record<string, Page>> {
  const pages: Record<string, Page> = {};
  for (const display of DISPLAYS) {
    const { context, page } = await openWindow(browser, wallUrl(display.label), { left: display.left, top: display.top, width: 1920, height: 1080 });
    contexts.push(context);
    pages[display.label] = page;
  }
  return pages;
}

async function expectWall(pages: Record<string, Page>, preset: string, panels: Record<string, string>) {
  for (const display of DISPLAYS) {
    const page = pages[display.label]!;
    await expect(page).toHaveTitle(`${preset} · ${display.label}`);
    await expect(page.getByTestId('wall-cell')).toHaveAttribute('data-panel', panels[display.label]!);
  }
}

/** The whole X screen; each window is brought forward first so Chromium has painted its latest frame. */
async function screen(pages: Record<string, Page>, name: string) {
  for (const page of Object.values(pages)) {
    await page.bringToFront();
    await page.waitForTimeout(400);
  }
  const dir = process.env.RC_WALL_FBDIR;
  if (!dir) throw new Error('run through tests/wall/run.sh (npm run test:wall): it starts Xvfb with -fbdir');
  screenToPng(path.join(dir, 'Xvfb_screen0'), path.join(SCREENSHOTS, name));
}

test('a four-window wall follows switches from an operator page and from `wall switch` within a second', async ({ browser }) => {
  const pages = await openWall(browser);
  await expectWall(pages, '日常值守', { A1: 'map', B1: 'incidents', A2: 'board/stock', B2: 'sync' });
  await expect(pages.A1!.getByTestId('wall-clock')).toContainText('北京时间');
  await expect(pages.A1!.getByTestId('wall-exercise')).toBeVisible();
  await expect(pages.B2!.getByTestId('wall-link')).toHaveAttribute('data-state', 'standalone');
  for (const page of Object.values(pages)) await watchTitle(page);

  // The operator's desk console, in a window of its own over the lower right display.
  const desk = await openWindow(browser, `${BASE}/#token=${TOKEN}`, { left: 2200, top: 1300, width: 1500, height: 820 });
  contexts.push(desk.context);
  await desk.page.getByTestId('nav-wall').click();
  await expect(desk.page.getByTestId('wall-current')).toHaveText('日常值守');
  const button = desk.page.getByTestId('wall-preset-preset:city:typhoon');
  await button.evaluate((element) => element.addEventListener('click', () => { (window as unknown as { __clickAt: number }).__clickAt = Date.now(); }, { capture: true }));
  await desk.page.screenshot({ path: path.join(SCREENSHOTS, 'wall-operator-zh.png') });
  await button.click();
  await expectWall(pages, '台风应急', { A1: 'map', B1: 'map', A2: 'incidents', B2: 'board/shelters' });
  const clickAt = await desk.page.evaluate(() => (window as unknown as { __clickAt: number }).__clickAt);
  const reached = await Promise.all(DISPLAYS.map((display) => titleReachedAt(pages[display.label]!, `台风应急 · ${display.label}`)));
  const uiLatency = Math.max(...reached.map((at) => at! - clickAt));
  console.log(`switch from the operator page reached all four windows in ${uiLatency} ms`);
  expect(uiLatency).toBeLessThan(1000);
  await expect(desk.page.getByTestId('wall-current')).toHaveText('台风应急');
  await desk.page.screenshot({ path: path.join(SCREENSHOTS, 'wall-operator-switched-zh.png') });
  await desk.context.close();

  // Let the typhoon map settle, then picture every window and the whole screen.
  await pages.A1!.waitForTimeout(1500);
  for (const display of DISPLAYS) await pages[display.label]!.screenshot({ path: path.join(SCREENSHOTS, `wall-${display.label}-zh.png`) });
  await screen(pages, 'wall-screen-zh.png');

  // The same through hall control, from the command line.
  const switched = await host.cli('wall', 'switch', '防汛', '--console', BASE, '--token', TOKEN, '--reason', 'e2e', '--json');
  expect(switched.stderr).toBe('');
  const switchedAt = Date.parse((JSON.parse(switched.stdout.trim()) as { at: string }).at);
  await expectWall(pages, '防汛', { A1: 'map', B1: 'board/stock', A2: 'map', B2: 'board/allocations' });
  const cliReached = await Promise.all(DISPLAYS.map((display) => titleReachedAt(pages[display.label]!, `防汛 · ${display.label}`)));
  const cliLatency = Math.max(...cliReached.map((at) => at! - switchedAt));
  console.log(`wall switch reached all four windows ${cliLatency} ms after the switch was written`);
  expect(cliLatency).toBeLessThan(1000);

  const windows = await host.cli('wall', 'windows', '--console', BASE, '--token', TOKEN, '--json');
  const listed = windows.stdout.trim().split('\n').map((line) => JSON.parse(line) as { display: string; cell: string; address: string });
  expect(listed.map((window) => [window.display, window.cell])).toEqual([['A1', 'A1–A2'], ['B1', 'B1'], ['A2', 'A1–A2'], ['B2', 'B2']]);
  expect(listed[0]!.address).toBe(wallUrl('A1'));

  // English: the preset's English name in every title.
  for (const page of Object.values(pages)) {
    await page.evaluate(() => localStorage.setItem('resilience-console.locale', 'en'));
    await page.reload();
  }
  await expectWall(pages, 'Flood response', { A1: 'map', B1: 'board/stock', A2: 'map', B2: 'board/allocations' });
  await pages.A1!.waitForTimeout(1500);
  for (const display of DISPLAYS) await pages[display.label]!.screenshot({ path: path.join(SCREENSHOTS, `wall-${display.label}-en.png`) });
  await screen(pages, 'wall-screen-en.png');
});

test('a wall window that loses its console says so plainly and comes back by itself', async ({ browser }) => {
  const { context, page } = await openWindow(browser, wallUrl('B1'), { left: 1920, top: 0, width: 1920, height: 1080 });
  contexts.push(context);
  await expect(page.getByTestId('wall-cell')).not.toHaveAttribute('data-panel', '');
  await host.stop();
  await expect(page.getByTestId('wall-lost')).toBeVisible();
  await expect(page.getByTestId('wall-lost')).toContainText('与指挥台失去连接');
  await expect(page.getByTestId('wall-lost')).toContainText('reconnecting');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'wall-lost.png') });
  await host.start();
  await expect(page.getByTestId('wall-lost')).toBeHidden({ timeout: 30_000 });
  await expect(page.getByTestId('wall-link')).toHaveAttribute('data-state', 'standalone');
});
