import { expect, test, type Page } from '@playwright/test';
import { callApi, openMap, screenPoint, shot } from './mapPage.ts';

/** Issue 16's map defects, each as the duty officer met it. */
const view = (page: Page) => page.evaluate(() => window.__consoleMap!.view());

test.describe('map fixes', () => {
  test('a depot popup sits above the point, and clicks beside it reach the map', async ({ page }) => {
    await openMap(page);
    for (const layer of ['shelters', 'teams', 'incidents', 'nodes']) await page.getByTestId(`layer-toggle-${layer}`).uncheck();
    const depots = await callApi<{ id: string; location: { lon: number; lat: number } }[]>('resources:listDepots', {});
    const depot = depots.find((candidate) => candidate.location.lon > 121.2 && candidate.location.lon < 121.7 && candidate.location.lat > 31.0 && candidate.location.lat < 31.4)!;
    const at = await screenPoint(page, depot.location.lon, depot.location.lat, 150);
    await page.mouse.click(at.x, at.y);
    const popup = page.getByTestId('map-popup');
    await expect(page.getByTestId('map-popup-title')).toBeVisible();
    const box = (await popup.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(at.y);
    // Where the old, invisible box lay (right of and below the click), the map answers.
    const under = await page.evaluate(([x, y]) => {
      const element = document.elementFromPoint(x!, y!);
      return element?.closest('.ol-overlay-container') ? 'overlay' : element?.tagName ?? '';
    }, [at.x + 60, at.y + 30]);
    expect(under).not.toBe('overlay');
    await shot(page, 'map-popup-anchored.png');
  });

  test('picking a street closes the list and says it is shown by its district', async ({ page }) => {
    await openMap(page);
    const streets = await callApi<{ code: string; name: string; level: string }[]>('nodes:search', { query: '街道', limit: 50 });
    const street = streets.find((node) => node.level === 'street' && node.code.startsWith('310101'))!;
    await page.getByTestId('map-search').fill(street.name);
    const hit = page.getByTestId('map-search-hit').filter({ hasText: street.name }).first();
    await hit.click();
    await page.waitForTimeout(600);
    await expect(page.getByTestId('map-search-results')).toHaveCount(0);
    await expect(page.getByTestId('map-notice')).toContainText(street.name);
    await expect(page.getByTestId('map-notice')).toContainText('黄浦区');
    await shot(page, 'map-search-street.png');
  });

  test('zooming to 黄浦区 shows all of it, clear of the tool bar', async ({ page }) => {
    await openMap(page);
    const boundaries = await callApi<{ code: string; geometry: { coordinates: number[][][][] } }[]>('map:boundaries', {});
    const huangpu = boundaries.find((boundary) => boundary.code === '310101000000')!;
    const points = huangpu.geometry.coordinates.flat(2);
    const north = points.reduce((best, point) => (point[1]! > best[1]! ? point : best));
    const south = points.reduce((best, point) => (point[1]! < best[1]! ? point : best));
    await page.getByTestId('map-zoom').selectOption('310101000000');
    await page.waitForTimeout(800);
    const canvas = (await page.getByTestId('map-canvas').boundingBox())!;
    const tools = (await page.getByTestId('map-tools').boundingBox())!;
    const top = await page.evaluate(([lon, lat]) => window.__consoleMap!.pixelOf(lon!, lat!), north);
    const bottom = await page.evaluate(([lon, lat]) => window.__consoleMap!.pixelOf(lon!, lat!), south);
    expect(canvas.y + top![1]!).toBeGreaterThan(tools.y + tools.height);
    expect(bottom![1]!).toBeLessThan(canvas.height - 20);
    await shot(page, 'map-zoom-huangpu.png');
  });

  test('incident status reads in the officer\'s language', async ({ page }) => {
    await openMap(page);
    const incidents = await callApi<{ id: string; status: string; location?: unknown }[]>('incidents:list', {});
    const responding = incidents.find((incident) => incident.status === 'responding' && incident.location)!;
    await page.evaluate((id) => window.__consoleMap!.select('incidents', id), responding.id);
    await expect(page.getByTestId('map-details-body')).toContainText('处置中');
    await expect(page.getByTestId('map-details-body')).not.toContainText('responding');
    await page.getByTestId('language-switch').click();
    await expect(page.getByTestId('map-details-body')).toContainText('Responding');
  });

  test('Esc cancels measuring', async ({ page }) => {
    await openMap(page);
    const tool = page.getByTestId('map-tool-measureLength');
    await tool.click();
    await expect(tool).toHaveAttribute('aria-pressed', 'true');
    const a = await screenPoint(page, 121.3, 31.2);
    await page.mouse.click(a.x, a.y);
    await page.mouse.move(a.x + 80, a.y + 20);
    await page.keyboard.press('Escape');
    await expect(tool).toHaveAttribute('aria-pressed', 'false');
    await expect(page.getByTestId('map-hint')).toHaveCount(0);
  });

  test('saving an area leaves the map where it was', async ({ page }) => {
    await openMap(page);
    await page.getByTestId('map-tool-drawCircle').click();
    const centre = await screenPoint(page, 121.6, 31.1);
    await page.mouse.click(centre.x, centre.y);
    await page.mouse.click(centre.x + 40, centre.y);
    await page.getByTestId('map-area-name-input').fill('浦东圆形演练区');
    const canvasBefore = await page.getByTestId('map-canvas').boundingBox();
    const viewBefore = await view(page);
    const pointBefore = await screenPoint(page, 121.6, 31.1);
    await page.getByTestId('map-area-save').click();
    await expect(page.getByTestId('map-notice')).toContainText('浦东圆形演练区');
    await page.waitForTimeout(400);
    expect(await page.getByTestId('map-canvas').boundingBox()).toEqual(canvasBefore);
    expect(await view(page)).toEqual(viewBefore);
    expect(await screenPoint(page, 121.6, 31.1)).toEqual(pointBefore);
    // Other specs share this host and count the named areas: leave none behind.
    const areas = await callApi<{ id: string; name: string }[]>('map:listAreas', {});
    for (const area of areas.filter((candidate) => candidate.name === '浦东圆形演练区')) await callApi('map:deleteArea', { id: area.id });
  });
});
