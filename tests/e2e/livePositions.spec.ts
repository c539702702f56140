import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import WebSocket from 'ws';
import { toPositionBatch, type Position } from '../../shared/domain/position.ts';
import { KIND_COLOURS, rgbOf } from '../../renderer/map/live/palette.ts';

const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
type Rgb = [number, number, number];
const TEAM = rgbOf(KIND_COLOURS[0]!);
const near = (a: Rgb, b: Rgb, tolerance = 12) => a.every((value, i) => Math.abs(value - b[i]!) <= tolerance);

/** The colour of one screen pixel, from a 1×1 screenshot (the first pixel of a PNG needs no unfiltering). */
async function pixelColour(page: Page, x: number, y: number): Promise<Rgb> {
  const png = await page.screenshot({ clip: { x: Math.round(x), y: Math.round(y), width: 1, height: 1 } });
  const chunks: Buffer[] = [];
  for (let offset = 8; offset < png.length;) {
    const length = png.readUInt32BE(offset);
    if (png.toString('ascii', offset + 4, offset + 8) === 'IDAT') chunks.push(png.subarray(offset + 8, offset + 8 + length));
    offset += 12 + length;
  }
  const raw = zlib.inflateSync(Buffer.concat(chunks));
  return [raw[1]!, raw[2]!, raw[3]!];
}

/** Calls the console API over the host's WebSocket, as a vehicle-tracking gateway would. */
async function callApi(method: string, input: unknown): Promise<unknown> {
  const socket = new WebSocket('ws://127.0.0.1:5199/api?token=e2e-token');
  try {
    await new Promise((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    });
    const reply = new Promise<{ ok: boolean; result?: unknown; error?: { message: string } }>((resolve, reject) => {
      socket.on('message', (data) => {
        const message = JSON.parse(String(data)) as { id?: number; reply?: { ok: boolean; result?: unknown } };
        if (message.id === 1 && message.reply) resolve(message.reply);
      });
      socket.once('close', () => reject(new Error('socket closed before the reply')));
    });
    socket.send(JSON.stringify({ id: 1, method, input }));
    const answer = await reply;
    if (!answer.ok) throw new Error(`${method} refused: ${answer.error?.message}`);
    return answer.result;
  } finally {
    socket.close();
  }
}

const livePointCount = (page: Page) => page.evaluate(() => window.__consoleMap?.livePointCount() ?? -1);
const livePath = (page: Page) => page.evaluate(() => window.__consoleMap?.livePath() ?? null);
const liveVisible = (page: Page) => page.evaluate(() => window.__consoleMap?.liveVisible() ?? null);

async function screenPoint(page: Page, lon: number, lat: number): Promise<{ x: number; y: number }> {
  const box = await page.getByTestId('map-canvas').boundingBox();
  const pixel = await page.evaluate(([x, y]) => window.__consoleMap!.pixelOf(x!, y!), [lon, lat]);
  if (!box || !pixel) throw new Error('map not rendered');
  expect(pixel[0]).toBeGreaterThan(10);
  expect(pixel[1]).toBeGreaterThan(10);
  expect(pixel[0]).toBeLessThan(box.width - 10);
  expect(pixel[1]).toBeLessThan(box.height - 10);
  return { x: box.x + pixel[0]!, y: box.y + pixel[1]! };
}

async function openMap(page: Page, query = ''): Promise<void> {
  await page.goto(`/?e2e${query}#token=e2e-token`);
  await page.getByTestId('nav-map').click();
  await expect(page.getByTestId('map-canvas').locator('canvas').first()).toBeVisible();
  await expect.poll(() => page.evaluate(() => window.__consoleMap?.featureCount('boundaries') ?? -1)).toBe(16);
  await expect.poll(() => page.evaluate(() => window.__consoleMap?.fitted() ?? false)).toBe(true);
}

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

    const first = await screenPoint(page, ...FIRST);
    await expect.poll(() => pixelColour(page, first.x, first.y).then((c) => near(c, TEAM))).toBe(true);

    // Moved: drawn at the new place, gone from the old one.
    await callApi('positions:report', toPositionBatch([mover(MOVED, START + 1000)]));
    const moved = await screenPoint(page, ...MOVED);
    await expect.poll(() => pixelColour(page, moved.x, moved.y).then((c) => near(c, TEAM))).toBe(true);
    expect(near(await pixelColour(page, first.x, first.y), TEAM)).toBe(false);
    // An older fix arriving late changes nothing.
    expect(await callApi('positions:report', toPositionBatch([mover(FIRST, START + 500)]))).toEqual({ accepted: 0, stale: 1 });
    await page.waitForTimeout(300);
    expect(near(await pixelColour(page, moved.x, moved.y), TEAM)).toBe(true);

    // A click on the point selects it; the label follows it.
    await page.mouse.click(moved.x, moved.y);
    await expect(page.getByTestId('live-selection')).toContainText('e2e-mover');

    await page.getByTestId('layer-toggle-live').uncheck();
    await expect(legend).toHaveAttribute('data-visible', 'false');
    expect(await liveVisible(page)).toBe(false);
    await expect.poll(() => pixelColour(page, moved.x, moved.y).then((c) => near(c, TEAM))).toBe(false);
    await page.getByTestId('layer-toggle-live').check();
    expect(await liveVisible(page)).toBe(true);
    await expect.poll(() => pixelColour(page, moved.x, moved.y).then((c) => near(c, TEAM))).toBe(true);
    // Other layers are untouched by the live layer's switch.
    expect(await page.evaluate(() => window.__consoleMap?.layerVisible('depots'))).toBe(true);

    await page.waitForTimeout(300);
    await page.screenshot({ path: path_(`map-live-positions.png`) });
  });

  test('a console opened later gets every position from the snapshot, drawn by the WebGL path when asked', async ({ page }) => {
    await openMap(page, '&live=webgl');
    expect(await livePath(page)).toBe('webgl');
    await expect(page.getByTestId('legend-live')).toContainText('实时位置 · GPU');
    await expect.poll(() => livePointCount(page)).toBe(2001);
    const moved = await screenPoint(page, ...MOVED);
    await expect.poll(() => pixelColour(page, moved.x, moved.y).then((c) => near(c, TEAM))).toBe(true);
    const first = await screenPoint(page, ...FIRST);
    expect(near(await pixelColour(page, first.x, first.y), TEAM)).toBe(false);
    // Still live: a new fix moves it back.
    await callApi('positions:report', toPositionBatch([mover(FIRST, START + 2000)]));
    await expect.poll(() => pixelColour(page, first.x, first.y).then((c) => near(c, TEAM))).toBe(true);
    await page.waitForTimeout(300);
    await page.screenshot({ path: path_('map-live-positions-webgl.png') });
  });
});

function path_(name: string): string {
  return path.join(SCREENSHOTS, name);
}
