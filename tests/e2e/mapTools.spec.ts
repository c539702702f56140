import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { SHANGHAI_TILE_COLOUR, writeQuadrantMbtiles } from '../support/tileFixtures.ts';
import { apiReply, featureCount, layerVisible, openMap, pixelColour, screenPoint, shot } from './mapPage.ts';

const DISTRICTS = fileURLToPath(new URL('../../../shared/data/region/shanghai-districts.wgs84.geojson', import.meta.url));
const view = (page: Page) => page.evaluate(() => window.__consoleMap!.view());

test.describe('map tools', () => {
  test('layers toggle, and searching 黄浦 zooms to it', async ({ page }) => {
    await openMap(page);
    for (const layer of ['areas', 'incidents', 'shelters'] as const) {
      await expect(page.getByTestId(`legend-${layer}`)).toHaveAttribute('data-visible', 'true');
      await page.getByTestId(`layer-toggle-${layer}`).uncheck();
      await expect(page.getByTestId(`legend-${layer}`)).toHaveAttribute('data-visible', 'false');
      expect(await layerVisible(page, layer)).toBe(false);
      await page.getByTestId(`layer-toggle-${layer}`).check();
      expect(await layerVisible(page, layer)).toBe(true);
    }
    const before = await view(page);
    await page.getByTestId('map-search').fill('黄浦');
    const hit = page.getByTestId('map-search-hit').filter({ hasText: '黄浦区' }).first();
    await expect(hit).toBeVisible();
    await hit.click();
    await expect.poll(async () => (await view(page)).zoom).toBeGreaterThan(before.zoom + 1.5);
    const after = await view(page);
    // 黄浦 is a small central district around 121.49 E, 31.22 N.
    expect(Math.abs(after.center[0]! - 121.49)).toBeLessThan(0.04);
    expect(Math.abs(after.center[1]! - 31.225)).toBeLessThan(0.04);
    await expect(page.getByTestId('detail-title')).toHaveText('黄浦区');
  });

  test('a drawn polygon is named, saved, listed and survives a reload', async ({ page }) => {
    await openMap(page);
    for (const layer of ['shelters', 'depots', 'teams']) await page.getByTestId(`layer-toggle-${layer}`).uncheck();
    await page.getByTestId('map-tool-drawPolygon').click();
    const corners = [[121.30, 31.30], [121.45, 31.30], [121.45, 31.40], [121.30, 31.40]] as const;
    const points = [];
    for (const [lon, lat] of corners) points.push(await screenPoint(page, lon, lat));
    for (const point of points) {
      await page.mouse.click(point.x, point.y);
      await page.waitForTimeout(150);
    }
    await page.mouse.click(points[0]!.x, points[0]!.y);
    await page.getByTestId('map-area-name-input').fill('宝山嘉定交界演练区');
    await shot(page, 'map-draw-area.png');
    await page.getByTestId('map-area-save').click();
    await expect(page.getByTestId('map-notice')).toContainText('宝山嘉定交界演练区');
    await expect(page.getByTestId('map-area-name')).toHaveText(['宝山嘉定交界演练区']);
    await expect.poll(() => featureCount(page, 'areas')).toBe(1);
    await expect(page.getByTestId('legend-count-areas')).toHaveText('1');
    await page.waitForTimeout(400);
    await shot(page, 'map-draw-area.png');

    const viewBefore = await view(page);
    await page.reload();
    await page.getByTestId('nav-map').click();
    await expect(page.getByTestId('map-area-name')).toHaveText(['宝山嘉定交界演练区']);
    await expect.poll(() => featureCount(page, 'areas')).toBe(1);
    // The panel's layers and view came back as they were left.
    await expect(page.getByTestId('legend-depots')).toHaveAttribute('data-visible', 'false');
    const viewAfter = await view(page);
    expect(viewAfter.zoom).toBeCloseTo(viewBefore.zoom, 3);
    // About 14.3 km × 11.1 km at 31.35° N.
    const inside = await screenPoint(page, 121.375, 31.35);
    await page.mouse.click(inside.x, inside.y);
    await expect(page.getByTestId('detail-title')).toHaveText('宝山嘉定交界演练区');
    const area = Number((await page.getByTestId('detail-area').textContent())!.replace(/[^\d.]/g, ''));
    expect(area).toBeGreaterThan(150);
    expect(area).toBeLessThan(170);
    await expect(page.getByTestId('map-popup-title')).toHaveText('宝山嘉定交界演练区');
  });

  test('measuring a distance shows kilometres', async ({ page }) => {
    await openMap(page);
    await page.getByTestId('map-tool-measureLength').click();
    // 闵行 to 浦东 airport: about 0.5° of longitude at 31.1° N, some 48 km.
    const from = await screenPoint(page, 121.30, 31.10);
    const to = await screenPoint(page, 121.80, 31.10);
    await page.mouse.click(from.x, from.y);
    await page.mouse.move(to.x, to.y, { steps: 5 });
    await page.mouse.dblclick(to.x, to.y);
    const text = await page.getByTestId('map-measure').textContent();
    expect(text).toMatch(/^距离 [\d.]+ 公里$/);
    const km = Number(text!.replace(/[^\d.]/g, ''));
    expect(km).toBeGreaterThan(46);
    expect(km).toBeLessThan(50);
    await shot(page, 'map-measure.png');
  });

  test('a registered MBTiles basemap draws its tile colour under the districts', async ({ page }) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-e2e-mbtiles-'));
    const file = path.join(dir, 'e2e-quadrants.mbtiles');
    writeQuadrantMbtiles(file);
    const added = await apiReply('map:addBasemap', { path: file });
    expect(added.ok, JSON.stringify(added)).toBe(true);
    fs.rmSync(dir, { recursive: true, force: true });

    await openMap(page);
    const basemapId = (added.result as { id: string }).id;
    await page.getByTestId('map-basemap').selectOption(basemapId);
    await expect.poll(() => page.evaluate(() => window.__consoleMap!.basemap())).toBe(basemapId);
    // Only the districts over the base map: a typhoon track imported by another test may cross the sea.
    for (const layer of ['shelters', 'depots', 'teams', 'tracks', 'incidents', 'areas']) await page.getByTestId(`layer-toggle-${layer}`).uncheck();
    // Live positions (another panel's layer) can put a dot anywhere.
    const live = page.getByTestId('layer-toggle-live');
    if (await live.count()) await live.uncheck();
    // Open sea east of Shanghai: the north-east z1 tile's colour (it would be the dark background without the base map).
    const sea = await screenPoint(page, 122.3, 31.0);
    await page.waitForTimeout(500);
    await shot(page, 'map-mbtiles.png');
    await expect.poll(() => pixelColour(page, sea.x, sea.y), { timeout: 10_000 })
      .toEqual(SHANGHAI_TILE_COLOUR);
  });

  test('a broken GeoJSON import shows the problem and changes no boundary', async ({ page }) => {
    await openMap(page);
    const broken = JSON.parse(fs.readFileSync(DISTRICTS, 'utf8')) as { features: { geometry: { coordinates: number[][][][] } }[] };
    broken.features[4]!.geometry.coordinates[0]![0]!.pop();
    await page.getByTestId('map-import').click();
    await page.getByTestId('import-kind-boundaries').check();
    await page.getByTestId('import-file').setInputFiles({ name: 'districts-broken.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(broken)) });
    await expect(page.getByTestId('import-run')).toBeDisabled(); // the datum must be chosen first
    await page.getByTestId('import-crs-gcj02').check();
    await page.getByTestId('import-run').click();
    const outcome = page.getByTestId('import-outcome');
    await expect(outcome).toContainText('导入失败，未导入任何数据');
    await expect(outcome).toContainText('第 4 号要素（普陀区）第 0 个多边形第 0 个环未闭合');
    await expect(outcome).toContainText('feature 4 (普陀区), polygon 0 ring 0 is not closed');
    await shot(page, 'map-import-error.png');
    await page.getByTestId('import-close').click();
    expect(await featureCount(page, 'boundaries')).toBe(16);
    const boundaries = await apiReply('map:boundaries', {});
    expect((boundaries.result as { source: string }[]).every((b) => !b.source.includes('districts-broken'))).toBe(true);
    expect(boundaries.result as unknown[]).toHaveLength(16);
  });
});
