import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import {
  apiReply, featureCount, hex, layerVisible, near, openMap as openMapPanel, pixelColour, screenPoint, SERVICE_HOST, shot, type Rgb,
} from './mapPage.ts';

const FIXTURE = fileURLToPath(new URL('../fixtures/CH2021BST-sample.txt', import.meta.url));

/** Must match MAP_COLOURS in renderer/map/model.ts. */
const DISTRICT_FILL = hex('#10243b');
const BACKGROUND = hex('#050b14');

/** The map panel, with the seeded shelters drawn too. */
async function openMap(page: Page): Promise<void> {
  await openMapPanel(page);
  await expect.poll(() => featureCount(page, 'shelters')).toBeGreaterThan(0);
}

/** Imports the CMA best-track sample through the service's WebSocket API, as another screen would. */
async function importTracks(): Promise<unknown> {
  const text = fs.readFileSync(FIXTURE, 'utf8');
  return apiReply('hazards:importTracks', { fileName: 'CH2021BST.txt', text });
}

test.describe('situation map', () => {
  test('draws Shanghai where it belongs on an offline dark map, in Chinese and English', async ({ page }) => {
    const requests: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(`http://${SERVICE_HOST}/`) && !request.url().startsWith(`ws://${SERVICE_HOST}/`)) requests.push(request.url());
    });
    await openMap(page);
    await expect(page.getByRole('heading', { name: '态势一张图' })).toBeVisible();
    await expect(page.getByTestId('map-summary')).toContainText('16 个区');
    await expect(page.getByTestId('legend-boundaries')).toContainText('区界');
    await shot(page, 'map-zh.png');

    await page.getByTestId('language-switch').click();
    await expect(page.getByRole('heading', { name: 'Situation map' })).toBeVisible();
    await expect(page.getByTestId('legend-boundaries')).toContainText('District boundaries');
    await expect(page.getByTestId('map-zoom').locator('option', { hasText: 'Minhang District' })).toHaveCount(1);
    await page.waitForTimeout(300);
    await shot(page, 'map-en.png');

    // Point layers off, so only the district fill and the background are left to compare. The live
    // positions layer counts too: other specs feed points into this shared host, and each point's
    // outline ring is drawn in the background colour.
    // Alert areas, incidents, nodes and links from the specs before this one (warnings issued, the
    // network drawn) go off too: the check is about the district fill alone.
    for (const layer of ['shelters', 'depots', 'teams', 'live', 'alerts', 'risk', 'areas', 'incidents', 'nodes', 'links', 'tracks']) {
      const toggle = page.getByTestId(`layer-toggle-${layer}`);
      if (await toggle.count()) await toggle.uncheck();
    }
    // Open sea beyond the south coast must be in view too: one step out if the fitted view does not reach it.
    if (!(await screenPoint(page, 122.4, 30.6).then(() => true, () => false))) {
      await page.locator('.ol-zoom-out').click();
      await page.waitForTimeout(600);
    }
    // 闵行 at (121.42, 31.08) and a 5×5 grid around it (±0.04°, all well inside the district):
    // its name label may sit on a few of them, so a clear majority, not all, must show the district fill.
    const inside: Rgb[] = [];
    for (const dLon of [-0.04, -0.02, 0, 0.02, 0.04]) {
      for (const dLat of [-0.04, -0.02, 0, 0.02, 0.04]) {
        const point = await screenPoint(page, 121.42 + dLon, 31.08 + dLat);
        inside.push(await pixelColour(page, point.x, point.y));
      }
    }
    const filled = inside.filter((colour) => near(colour, DISTRICT_FILL)).length;
    expect(filled, `闵行 pixels ${inside.map((c) => c.join(',')).join(' ')}`).toBeGreaterThanOrEqual(13);
    const atSea = await screenPoint(page, 122.4, 30.6);
    const sea = await pixelColour(page, atSea.x, atSea.y);
    expect(near(sea, BACKGROUND), `sea pixel ${sea.join(',')}`).toBe(true);
    expect(near(sea, DISTRICT_FILL)).toBe(false);
    expect(requests, 'no request leaves the console service').toEqual([]);
  });

  test('unticking a layer hides it and the legend shows it off; zoom to a district', async ({ page }) => {
    await openMap(page);
    const depots = page.getByTestId('legend-depots');
    await expect(depots).toHaveAttribute('data-visible', 'true');
    await expect.poll(() => featureCount(page, 'depots')).toBeGreaterThan(0);
    await expect(page.getByTestId('legend-count-depots')).not.toHaveText('0');
    expect(await layerVisible(page, 'depots')).toBe(true);

    await page.getByTestId('layer-toggle-depots').uncheck();
    await expect(depots).toHaveAttribute('data-visible', 'false');
    expect(await layerVisible(page, 'depots')).toBe(false);
    expect(await layerVisible(page, 'shelters')).toBe(true);

    await page.getByTestId('layer-toggle-depots').check();
    await expect(depots).toHaveAttribute('data-visible', 'true');
    expect(await layerVisible(page, 'depots')).toBe(true);

    // Zooming to 闵行 puts its point in the middle part of the map.
    await expect(page.getByTestId('map-zoom').locator('option')).toHaveCount(17);
    await page.getByTestId('map-zoom').selectOption({ label: '闵行区' });
    await page.waitForTimeout(600);
    const box = (await page.getByTestId('map-canvas').boundingBox())!;
    const point = await screenPoint(page, 121.42, 31.08);
    expect(Math.abs(point.x - (box.x + box.width / 2))).toBeLessThan(box.width / 4);

    // Clicking a district shows its details.
    await page.getByTestId('layer-toggle-shelters').uncheck();
    await page.getByTestId('layer-toggle-depots').uncheck();
    await page.getByTestId('layer-toggle-teams').uncheck();
    // Alerts drawn over 闵行 by other specs on this shared host would be picked first: hide them too.
    await page.getByTestId('layer-toggle-alerts').uncheck();
    await page.mouse.click(point.x, point.y);
    await expect(page.getByTestId('detail-title')).toHaveText('闵行区');
    await expect(page.getByTestId('map-details-body')).toContainText('310112000000');
  });

  test('a typhoon track imported elsewhere appears live, and a track point shows its details', async ({ page }) => {
    await openMap(page);
    await expect(page.getByTestId('legend-tracks')).toContainText('暂无台风路径');
    expect(await featureCount(page, 'tracks')).toBe(0);

    const reply = await importTracks() as { ok: boolean };
    expect(reply.ok).toBe(true);

    // Two storms: a line each plus a dot per point (5 + 2).
    await expect.poll(() => featureCount(page, 'tracks')).toBe(9);
    await expect(page.getByTestId('legend-count-tracks')).toHaveText('2');
    await expect(page.getByTestId('legend-tracks')).toContainText('2106 In-fa');
    await expect(page.getByTestId('legend-item-category-5')).toContainText('强台风');

    // Zoom out to see the whole track, then click its last point near Jiaxing.
    const box = (await page.getByTestId('map-canvas').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, 400);
    await page.waitForTimeout(400);
    await page.mouse.wheel(0, 300);
    await page.waitForTimeout(800);
    for (const layer of ['shelters', 'depots', 'teams']) await page.getByTestId(`layer-toggle-${layer}`).uncheck();
    const last = await screenPoint(page, 120.8, 30.5);
    await page.mouse.click(last.x, last.y);
    await expect(page.getByTestId('detail-title')).toHaveText('2106 In-fa');
    await expect(page.getByTestId('detail-time')).toHaveText('07-26 08h 北京时间');
    await expect(page.getByTestId('detail-category')).toHaveText('热带风暴 / Tropical storm');
    await expect(page.getByTestId('detail-wind')).toHaveText('23 米/秒');
    await expect(page.getByTestId('detail-pressure')).toHaveText('985 百帕');
    for (const layer of ['shelters', 'depots', 'teams']) await page.getByTestId(`layer-toggle-${layer}`).check();
    await page.waitForTimeout(300);
    await shot(page, 'map-track-popup.png');
  });
});
