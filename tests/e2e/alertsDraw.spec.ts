import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { featureCount, shot } from './mapPage.ts';

/** Where a WGS84 point is on the composer's small map, in page coordinates; fails unless it is well inside. */
async function onAreaMap(page: Page, lon: number, lat: number): Promise<{ x: number; y: number }> {
  const canvas = page.getByTestId('alert-area-map');
  const box = await canvas.boundingBox();
  const pixel = await page.evaluate(([x, y]) => window.__areaMap!.pixelOf(x!, y!), [lon, lat]);
  if (!box || !pixel) throw new Error('the composer map is not drawn');
  expect(pixel[0], `(${lon}, ${lat}) is inside the map`).toBeGreaterThan(8);
  expect(pixel[1], `(${lon}, ${lat}) is inside the map`).toBeGreaterThan(8);
  expect(pixel[0], `(${lon}, ${lat}) is inside the map`).toBeLessThan(box.width - 8);
  expect(pixel[1], `(${lon}, ${lat}) is inside the map`).toBeLessThan(box.height - 8);
  return { x: box.x + pixel[0]!, y: box.y + pixel[1]! };
}

/** Clicks the corners one by one, then the first again to close the ring, as a duty officer would. */
async function drawPolygon(page: Page, corners: readonly (readonly [number, number])[]): Promise<void> {
  await page.getByTestId('alert-area-drawPolygon').click();
  const points = [];
  for (const [lon, lat] of corners) points.push(await onAreaMap(page, lon, lat));
  for (const point of [...points, points[0]!]) {
    await page.mouse.click(point.x, point.y);
    await page.waitForTimeout(150);
  }
}

async function drawCircle(page: Page, centre: readonly [number, number], edge: readonly [number, number]): Promise<void> {
  await page.getByTestId('alert-area-drawCircle').click();
  const from = await onAreaMap(page, ...centre);
  const to = await onAreaMap(page, ...edge);
  await page.mouse.click(from.x, from.y);
  await page.waitForTimeout(150);
  await page.mouse.move(to.x, to.y, { steps: 5 });
  await page.mouse.click(to.x, to.y);
}

const CAP12_XSD = path.resolve(import.meta.dirname, '../../../shared/data/cap-schema/cap12.xsd');
const areaItems = (page: Page) => page.getByTestId('alert-area-item');
const POLYGON = [[121.25, 31.0], [121.55, 31.0], [121.55, 31.25], [121.25, 31.25]] as const;
const CIRCLE_CENTRE = [121.75, 31.15] as const;
// 0.1° of longitude at 31.15° N is about 9.5 km.
const CIRCLE_EDGE = [121.85, 31.15] as const;

const LANGUAGES = [
  { locale: 'zh', crossing: '边相互交叉', circle: '化工园区周边', kind: '圆 · 半径', issued: '已发布' },
  { locale: 'en', crossing: 'edges cross each other', circle: 'Around the chemical park', kind: 'Circle · radius', issued: 'Issued' },
] as const;

test.describe('alert areas drawn in the composer', () => {
  for (const language of LANGUAGES) {
    test(`a polygon and a circle drawn with the mouse are saved, issued, exported and mapped (${language.locale})`, async ({ page }) => {
      test.setTimeout(180_000);
      await page.setViewportSize({ width: 1600, height: 900 });
      await page.goto('/?e2e#token=e2e-token');
      await expect(page.getByTestId('tree-summary')).toBeVisible();
      if (language.locale === 'en') await page.getByTestId('language-switch').click();
      // Count the alert areas the situation map draws now: other specs share the host.
      await page.getByTestId('nav-map').click();
      await expect.poll(() => featureCount(page, 'boundaries'), { timeout: 30_000 }).toBe(16);
      await expect.poll(() => featureCount(page, 'alerts'), { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
      const drawnBefore = await featureCount(page, 'alerts');

      await page.getByTestId('nav-alerts').click();
      await page.getByTestId('alert-template').selectOption('chemical-release');
      await page.getByTestId('alert-area-map').scrollIntoViewIfNeeded();
      await expect.poll(() => page.evaluate(() => window.__areaMap?.fitted() ?? false)).toBe(true);

      // Esc leaves a drawing without adding anything.
      await page.getByTestId('alert-area-drawCircle').click();
      await expect(page.getByTestId('alert-area-hint')).toContainText('Esc');
      await page.keyboard.press('Escape');
      await expect(page.getByTestId('alert-area-hint')).toHaveCount(0);
      await expect(page.getByTestId('alert-area-drawCircle')).toHaveAttribute('aria-pressed', 'false');

      await drawPolygon(page, POLYGON);
      await expect(areaItems(page)).toHaveCount(1);
      await expect(page.getByTestId('alert-area-desc-0')).toHaveValue('绘制区域 1 / Drawn area 1');

      // A figure of eight is refused, with the reason, and adds nothing.
      await drawPolygon(page, [[121.05, 31.5], [121.3, 31.7], [121.3, 31.5], [121.05, 31.7]]);
      await expect(page.getByTestId('alert-area-message')).toHaveAttribute('role', 'alert');
      await expect(page.getByTestId('alert-area-message')).toContainText(language.crossing);
      await expect(areaItems(page)).toHaveCount(1);

      await drawCircle(page, CIRCLE_CENTRE, CIRCLE_EDGE);
      await expect(areaItems(page)).toHaveCount(2);
      await expect(areaItems(page).nth(1)).toContainText(language.kind);
      // The new area's description has the focus, its prefilled text selected: typing replaces it.
      await expect(page.getByTestId('alert-area-desc-1')).toBeFocused();
      await page.keyboard.type(language.circle);
      await expect(page.getByTestId('alert-area-desc-1')).toHaveValue(language.circle);
      await expect.poll(() => page.evaluate(() => window.__areaMap!.areaCount())).toBe(2);
      await page.getByTestId('alert-areas').scrollIntoViewIfNeeded();
      await shot(page, `alerts-draw-${language.locale}.png`);

      // A blank description is caught before saving: CAP requires one.
      await page.getByTestId('alert-area-desc-0').fill(' ');
      await page.getByTestId('alert-save').click();
      await expect(page.getByTestId('alert-problem')).toContainText(language.locale === 'zh' ? '没有描述' : 'has no description');
      await page.getByTestId('alert-area-desc-0').fill('绘制区域 1 / Drawn area 1');
      await page.getByTestId('alert-save').click();
      const detail = page.getByTestId('alert-detail');
      await expect(detail).toHaveAttribute('data-state', 'draft');

      // Editing the draft brings its drawn areas back, listed and on the map.
      await page.getByTestId('alert-edit').click();
      await expect(areaItems(page)).toHaveCount(2);
      await expect(page.getByTestId('alert-area-desc-1')).toHaveValue(language.circle);
      await expect.poll(() => page.evaluate(() => window.__areaMap?.areaCount() ?? 0)).toBe(2);
      await page.getByTestId('alert-save').click();
      await expect(detail).toHaveAttribute('data-state', 'draft');
      await page.getByTestId('alert-review').click();
      await expect(detail).toHaveAttribute('data-state', 'reviewed');
      await page.getByTestId('alert-issue').click();
      await expect(detail).toHaveAttribute('data-state', 'issued');
      await expect(page.getByTestId('alert-detail-state')).toHaveText(language.issued);
      await expect(page.getByTestId('alert-coverage')).toContainText('绘制区域 1 / Drawn area 1');
      await expect(page.getByTestId('alert-coverage')).toContainText(language.circle);
      // Drawn shapes count the people of each district in proportion to the area they cover.
      await expect(page.getByTestId('alert-people')).toHaveText(language.locale === 'zh' ? /^覆盖人口约 [\d,]+ 人$/ : /^About [\d,]+ people covered$/);
      await expect(page.getByTestId('alert-population')).toContainText(language.locale === 'zh' ? '覆盖面积' : 'of its area');
      await page.getByTestId('alert-population').scrollIntoViewIfNeeded();
      await shot(page, `alerts-draw-issued-${language.locale}.png`);

      const download = page.waitForEvent('download');
      await page.getByTestId('alert-export').click();
      const file = (await (await download).path())!;
      const xml = fs.readFileSync(file, 'utf8');
      // The official CAP 1.2 schema takes the drawn polygon and circle (Debian's libxml2-utils).
      const lint = spawnSync('xmllint', ['--noout', '--nonet', '--schema', CAP12_XSD, file], { encoding: 'utf8' });
      expect(lint.status, lint.stderr).toBe(0);
      console.log(`${language.locale}: exported CAP XML with a drawn polygon and circle, two languages: ${Buffer.byteLength(xml)} bytes`);
      expect(xml).toContain('<areaDesc>绘制区域 1 / Drawn area 1</areaDesc>');
      const polygon = /<polygon>([^<]+)<\/polygon>/.exec(xml)![1]!.split(' ').map((pair) => pair.split(',').map(Number));
      expect(polygon).toHaveLength(5);
      expect(polygon[4]).toEqual(polygon[0]);
      // Each corner within about two pixels of where it was clicked: the whole city fits the small
      // map, so a pixel is some 0.004° (CAP writes latitude first).
      polygon.slice(0, 4).forEach(([lat, lon], index) => {
        expect(Math.abs(lon! - POLYGON[index]![0])).toBeLessThan(0.01);
        expect(Math.abs(lat! - POLYGON[index]![1])).toBeLessThan(0.01);
      });
      const circle = /<circle>([\d.]+),([\d.]+) ([\d.]+)<\/circle>/.exec(xml)!;
      expect(Math.abs(Number(circle[1]) - CIRCLE_CENTRE[1])).toBeLessThan(0.01);
      expect(Math.abs(Number(circle[2]) - CIRCLE_CENTRE[0])).toBeLessThan(0.01);
      expect(Number(circle[3])).toBeGreaterThan(8.5);
      expect(Number(circle[3])).toBeLessThan(10.5);
      expect(xml).toContain(`<areaDesc>${language.circle}</areaDesc>`);

      // Issued, both areas are on the situation map, the circle-only one as well.
      await page.getByTestId('nav-map').click();
      await expect.poll(() => featureCount(page, 'alerts'), { timeout: 30_000 }).toBe(drawnBefore + 2);
      await page.waitForTimeout(400);
      await shot(page, `alerts-draw-map-${language.locale}.png`);
    });
  }
});
