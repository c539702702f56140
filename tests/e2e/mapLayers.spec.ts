import { expect, test, type Page } from '@playwright/test';
import { callApi, featureCount, layerVisible, openMap, shot, type LayerName } from './mapPage.ts';

const select = (page: Page, layer: LayerName, id: string) => page.evaluate(([l, f]) => window.__consoleMap!.select(l as LayerName, f!), [layer, id]);

test.describe('situation map layers', () => {
  test('alerts, demo incidents by type and level, and the command nodes are drawn; each layer switches off', async ({ page }) => {
    await openMap(page);
    // The seeded exercise: a typhoon alert over the coastal districts and a rainstorm alert polygon.
    await expect.poll(() => featureCount(page, 'alerts')).toBeGreaterThanOrEqual(2);
    await expect.poll(() => featureCount(page, 'incidents')).toBeGreaterThanOrEqual(10);
    await expect.poll(() => featureCount(page, 'nodes')).toBe(17);
    await expect(page.getByTestId('legend-count-nodes')).toHaveText('17');
    await expect(page.getByTestId('legend-item-type-hazmat')).toContainText('危化品事故');
    await expect(page.getByTestId('legend-item-severity-Severe')).toBeVisible();
    await expect(page.getByTestId('legend-item-link-degraded')).toContainText('降级');
    // A standalone console has no sync links, and the legend says so.
    expect(await featureCount(page, 'links')).toBe(0);
    await expect(page.getByTestId('legend-links-empty')).toBeVisible();

    for (const layer of ['alerts', 'incidents', 'nodes', 'links', 'risk'] as const) {
      await expect(page.getByTestId(`legend-${layer}`)).toHaveAttribute('data-visible', 'true');
      await page.getByTestId(`layer-toggle-${layer}`).uncheck();
      await expect(page.getByTestId(`legend-${layer}`)).toHaveAttribute('data-visible', 'false');
      expect(await layerVisible(page, layer)).toBe(false);
    }
    // Remembered with the panel's state.
    await page.reload();
    await page.getByTestId('nav-map').click();
    await expect(page.getByTestId('legend-alerts')).toHaveAttribute('data-visible', 'false');
    expect(await layerVisible(page, 'alerts')).toBe(false);
    for (const layer of ['alerts', 'incidents', 'nodes', 'links', 'risk'] as const) {
      await page.getByTestId(`layer-toggle-${layer}`).check();
      expect(await layerVisible(page, layer)).toBe(true);
    }
  });

  test('details for an alert, an incident and this console\'s node; a screenshot for the wall', async ({ page }) => {
    await openMap(page);
    await expect.poll(() => featureCount(page, 'alerts')).toBeGreaterThanOrEqual(2);
    await expect.poll(() => featureCount(page, 'incidents')).toBeGreaterThanOrEqual(10);

    await select(page, 'alerts', 'alert:demo-alert-typhoon:0');
    await expect(page.getByTestId('detail-title')).toHaveText('台风橙色预警');
    await expect(page.getByTestId('detail-severity')).toHaveText('严重（Severe）');
    await expect(page.getByTestId('detail-urgency')).toHaveText('1 小时内行动（Expected）');
    await expect(page.getByTestId('detail-certainty')).toHaveText('很可能（Likely）');
    await expect(page.getByTestId('detail-alert-area')).toContainText('浦东');

    await select(page, 'incidents', 'demo-incident-2');
    await expect(page.getByTestId('detail-title')).toContainText('石化园区储罐泄漏');
    await expect(page.getByTestId('map-details-body')).toContainText('危化品事故');
    await expect(page.getByTestId('detail-level')).toContainText('Ⅰ级');

    const info = await callApi<{ nodeCode: string; role: string }>('app:info', {});
    if (info.role !== 'street') {
      await expect.poll(() => featureCount(page, 'nodes')).toBe(17);
      await select(page, 'nodes', `node:${info.nodeCode}`);
      await expect(page.getByTestId('detail-local')).toHaveText('本节点');
    }

    // The picture an officer sees on the wall: alerts and incidents over the districts.
    for (const layer of ['shelters', 'depots', 'teams']) await page.getByTestId(`layer-toggle-${layer}`).uncheck();
    const live = page.getByTestId('layer-toggle-live');
    if (await live.count()) await live.uncheck();
    await select(page, 'alerts', 'alert:demo-alert-rainstorm:0');
    await expect(page.getByTestId('detail-title')).toHaveText('暴雨黄色预警');
    await page.waitForTimeout(500);
    await shot(page, 'map-layers.png');
    await page.getByTestId('language-switch').click();
    await expect(page.getByTestId('legend-alerts')).toContainText('Alert areas');
    await expect(page.getByTestId('detail-urgency')).toHaveText('Immediate');
    await page.waitForTimeout(400);
    await shot(page, 'map-layers-en.png');
    await page.getByTestId('language-switch').click();
    for (const layer of ['shelters', 'depots', 'teams']) await page.getByTestId(`layer-toggle-${layer}`).check();
  });

  test('an area saved for risk is drawn in the risk layer, not with the other named areas', async ({ page }) => {
    await openMap(page);
    const areasBefore = await featureCount(page, 'areas');
    const corners = [[121.08, 30.93], [121.17, 30.93], [121.17, 30.99], [121.08, 30.99]] as const;
    const box = (await page.getByTestId('map-canvas').boundingBox())!;
    await page.getByTestId('map-tool-drawPolygon').click();
    const points = [];
    for (const [lon, lat] of corners) {
      const pixel = (await page.evaluate(([x, y]) => window.__consoleMap!.pixelOf(x!, y!), [lon, lat]))!;
      points.push({ x: box.x + pixel[0]!, y: box.y + pixel[1]! });
    }
    for (const point of points) {
      await page.mouse.click(point.x, point.y);
      await page.waitForTimeout(150);
    }
    await page.mouse.click(points[0]!.x, points[0]!.y);
    await page.getByTestId('map-area-name-input').fill('松江南部易涝风险区');
    await page.getByTestId('map-area-purpose').selectOption('risk');
    await page.getByTestId('map-area-save').click();
    await expect(page.getByTestId('map-notice')).toContainText('松江南部易涝风险区');
    try {
      await expect.poll(() => featureCount(page, 'risk')).toBe(1);
      expect(await featureCount(page, 'areas')).toBe(areasBefore);
      await expect(page.getByTestId('legend-count-risk')).toHaveText('1');
      const saved = await callApi<{ id: string; name: string; purpose?: string }[]>('map:listAreas', {});
      const risk = saved.find((area) => area.name === '松江南部易涝风险区')!;
      expect(risk.purpose).toBe('risk');
      await select(page, 'risk', risk.id);
      await expect(page.getByTestId('map-details-body')).toContainText('风险区域');
      await expect(page.getByTestId('detail-purpose')).toHaveText('风险区域');
      await page.waitForTimeout(300);
      await shot(page, 'map-risk-area.png');
    } finally {
      // Other suites share this console's data and list its named areas exactly.
      const saved = await callApi<{ id: string; name: string }[]>('map:listAreas', {});
      for (const area of saved.filter((candidate) => candidate.name === '松江南部易涝风险区')) await callApi('map:deleteArea', { id: area.id });
    }
    await expect.poll(() => featureCount(page, 'risk')).toBe(0);
  });
});
