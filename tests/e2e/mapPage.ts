import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { expect, type Page } from '@playwright/test';
import WebSocket from 'ws';
import type { ConsoleMapHook } from '../../renderer/panels/MapPanel.tsx';

/**
 * What the map specs share: opening the map panel, reading it through `window.__consoleMap`,
 * sampling screen pixels, screenshots, and calls to the console service's WebSocket API.
 */

/** `host:port` of the console service under test; RC_E2E_PORT as in playwright.config.ts. */
export const SERVICE_HOST = `127.0.0.1:${Number(process.env.RC_E2E_PORT ?? 5199)}`;

const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));

/** Saves a screenshot of the page as tests/e2e/screenshots/<name>. */
export const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOTS, name) });

export type Rgb = [number, number, number];

/** A `#rrggbb` colour as [r, g, b]. */
export const hex = (colour: string): Rgb => [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16)) as Rgb;

/** Whether two colours differ by at most `tolerance` in every channel. */
export const near = (a: Rgb, b: Rgb, tolerance = 4) => a.every((value, i) => Math.abs(value - b[i]!) <= tolerance);

/**
 * The colour of one screen pixel, from a 1×1 screenshot. A single-pixel PNG row needs no
 * unfiltering: every PNG filter predicts 0 for the first pixel of the first row.
 */
export async function pixelColour(page: Page, x: number, y: number): Promise<Rgb> {
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

export type LayerName = Parameters<ConsoleMapHook['featureCount']>[0];

/** Features held by a map layer; -1 before the map is up. */
export const featureCount = (page: Page, layer: LayerName) => page.evaluate((id) => window.__consoleMap?.featureCount(id) ?? -1, layer);

/** Whether a map layer is shown; null before the map is up. */
export const layerVisible = (page: Page, layer: LayerName) => page.evaluate((id) => window.__consoleMap?.layerVisible(id) ?? null, layer);

/** Whether the map has fitted its view to the districts. */
export const fitted = (page: Page) => page.evaluate(() => window.__consoleMap?.fitted() ?? false);

/** Screen position of a WGS84 point on the map; fails unless it lies more than `margin` pixels inside the map. */
export async function screenPoint(page: Page, lon: number, lat: number, margin = 5): Promise<{ x: number; y: number }> {
  const box = await page.getByTestId('map-canvas').boundingBox();
  const pixel = await page.evaluate(([x, y]) => window.__consoleMap!.pixelOf(x!, y!), [lon, lat]);
  if (!box || !pixel) throw new Error('map not rendered');
  const inView = `(${lon}, ${lat}) is in view`;
  expect(pixel[0], inView).toBeGreaterThan(margin);
  expect(pixel[1], inView).toBeGreaterThan(margin);
  expect(pixel[0], inView).toBeLessThan(box.width - margin);
  expect(pixel[1], inView).toBeLessThan(box.height - margin);
  return { x: box.x + pixel[0]!, y: box.y + pixel[1]! };
}

/** Opens the console on the map panel (`query` goes after `?e2e`) and waits until the 16 districts are drawn and fitted. */
export async function openMap(page: Page, query = ''): Promise<void> {
  await page.goto(`/?e2e${query}#token=e2e-token`);
  await page.getByTestId('nav-map').click();
  await expect(page.getByTestId('map-canvas').locator('canvas').first()).toBeVisible();
  await expect.poll(() => featureCount(page, 'boundaries')).toBe(16);
  await expect.poll(() => fitted(page)).toBe(true);
}

/** The service's reply to one API call, as sent. */
export interface ApiReply<T = unknown> { ok: boolean; result?: T; error?: { message: string } }

/** One call to the console service's WebSocket API, as another screen or a script would make it. */
export async function apiReply<T = unknown>(method: string, input: unknown): Promise<ApiReply<T>> {
  const socket = new WebSocket(`ws://${SERVICE_HOST}/api?token=e2e-token`);
  try {
    await new Promise((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    });
    const reply = new Promise<ApiReply<T>>((resolve, reject) => {
      socket.on('message', (data) => {
        const message = JSON.parse(String(data)) as { id?: number; reply?: ApiReply<T> };
        if (message.id === 1 && message.reply) resolve(message.reply);
      });
      socket.once('close', () => reject(new Error('socket closed before the reply')));
    });
    socket.send(JSON.stringify({ id: 1, method, input }));
    return await reply;
  } finally {
    socket.close();
  }
}

/** Like apiReply, but the result itself; throws if the service refuses the call. */
export async function callApi<T = unknown>(method: string, input: unknown): Promise<T> {
  const reply = await apiReply<T>(method, input);
  if (!reply.ok) throw new Error(`${method} refused: ${JSON.stringify(reply.error)}`);
  return reply.result as T;
}
