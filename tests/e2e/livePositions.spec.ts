import { expect, test, type Page } from '@playwright/test';
import { toPositionBatch, type Position } from '../../shared/domain/position.ts';
import { KIND_COLOURS } from '../../renderer/map/live/palette.ts';
import { callApi, hex, layerVisible, near, openMap, pixelColour, screenPoint, shot, type Rgb } from './mapPage.ts';

const TEAM = hex(KIND_COLOURS[0]!);
/** Whether a pixel shows a team's live point (within 12 per channel). */
const isTeam = (colour: Rgb) => near(colour, TEAM, 12);
/** How far inside the map's edge (in pixels) the points this spec samples must lie. */
const MARGIN = 10;

const livePointCount = (page: Page) => page.evaluate(() => window.__consoleMap?.livePointCount() ?? -1);
const livePath = (page: Page) => page.evaluate(() => window.__consoleMap?.livePath() ?? null);
const liveVisible = (page: Page) => page.evaluate(() => window.__consoleMap?.liveVisible() ?? null);

// 2,000 moving things over the city centre (kinds mixed), and one at sea that the test moves.
const KINDS: Position['kind'][] = ['team', 'vehicle', 'vessel', 'aircraft', 'person'];
const START = Date.now();
const grid: Position[] = Array.from({ length: 2000 }, (_, i) => ({
  id: `e2e-unit-${i}`, kind: KINDS[i % KINDS.length]!, lon: 121.25 + (i % 50) * 0.009, lat: 31.0 + Math.floor(i / 50) * 0.008, at: START,
}));
const FIRST: [number, number] = [122.1, 31.1];
const MOVED: [number, number] = [122.1, 30.95];
const mover = (lonLat: [number, number], at: number): Position => ({ id: 'e2e-mover', kind: 'team', lon: lonLat[0], lat: lonLat[1], at });

test.describe.serial('live positions on the situation map', () => {
  test('positions reported through the API appear, move, hide and show; a click picks one', async ({ page }) => {
    await openMap(page);
    // The path is chosen at start-up and shown in the legend.
    const path = await livePath(page);
    const legend = page.getByTestId('legend-live');
    await expect(legend).toHaveAttribute('data-path', path!);
    await expect(legend).toContainText(`实时位置 · ${path === 'webgl' ? 'GPU' : 'CPU'}`);
    // This machine renders WebGL with SwiftShader, so the CPU path must have been picked.
    const renderer = await page.evaluate(() => {
      const gl = document.createElement('canvas').getContext('webgl');
      const info = gl?.getExtension('WEBGL_debug_renderer_info');
      return gl && info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : null;
    });
    if (renderer === null || /swiftshader|llvmpipe|software/i.test(renderer)) expect(path).toBe('cpu');

    for (let start = 0; start < grid.length; start += 500) {
      expect(await callApi('positions:report', toPositionBatch(grid.slice(start, start + 500)))).toEqual({ accepted: 500, stale: 0 });
    }
    await callApi('positions:report', toPositionBatch([mover(FIRST, START)]));
    await expect.poll(() => livePointCount(page)).toBe(2001);
    await expect(page.getByTestId('legend-count-live')).toHaveText('2001');

    const first = await screenPoint(page, ...FIRST, MARGIN);
    await expect.poll(() => pixelColour(page, first.x, first.y).then(isTeam)).toBe(true);

    // Moved: drawn at the new place, gone from the old one.
    await callApi('positions:report', toPositionBatch([mover(MOVED, START + 1000)]));
    const moved = await screenPoint(page, ...MOVED, MARGIN);
    await expect.poll(() => pixelColour(page, moved.x, moved.y).then(isTeam)).toBe(true);
    expect(isTeam(await pixelColour(page, first.x, first.y))).toBe(false);
    // An older fix arriving late changes nothing.
    expect(await callApi('positions:report', toPositionBatch([mover(FIRST, START + 500)]))).toEqual({ accepted: 0, stale: 1 });
    await page.waitForTimeout(300);
    expect(isTeam(await pixelColour(page, moved.x, moved.y))).toBe(true);

    // A click on the point selects it; the label follows it.
    await page.mouse.click(moved.x, moved.y);
    await expect(page.getByTestId('live-selection')).toContainText('e2e-mover');

    await page.getByTestId('layer-toggle-live').uncheck();
    await expect(legend).toHaveAttribute('data-visible', 'false');
    expect(await liveVisible(page)).toBe(false);
    await expect.poll(() => pixelColour(page, moved.x, moved.y).then(isTeam)).toBe(false);
    await page.getByTestId('layer-toggle-live').check();
    expect(await liveVisible(page)).toBe(true);
    await expect.poll(() => pixelColour(page, moved.x, moved.y).then(isTeam)).toBe(true);
    // Other layers are untouched by the live layer's switch.
    expect(await layerVisible(page, 'depots')).toBe(true);

    await page.waitForTimeout(300);
    await shot(page, 'map-live-positions.png');
  });

  test('a console opened later gets every position from the snapshot, drawn by the WebGL path when asked', async ({ page }) => {
    await openMap(page, '&live=webgl');
    expect(await livePath(page)).toBe('webgl');
    await expect(page.getByTestId('legend-live')).toContainText('实时位置 · GPU');
    await expect.poll(() => livePointCount(page)).toBe(2001);
    const moved = await screenPoint(page, ...MOVED, MARGIN);
    await expect.poll(() => pixelColour(page, moved.x, moved.y).then(isTeam)).toBe(true);
    const first = await screenPoint(page, ...FIRST, MARGIN);
    expect(isTeam(await pixelColour(page, first.x, first.y))).toBe(false);
    // Still live: a new fix moves it back.
    await callApi('positions:report', toPositionBatch([mover(FIRST, START + 2000)]));
    await expect.poll(() => pixelColour(page, first.x, first.y).then(isTeam)).toBe(true);
    await page.waitForTimeout(300);
    await shot(page, 'map-live-positions-webgl.png');
  });
});
