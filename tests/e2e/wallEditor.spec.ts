import { expect, test, type Page } from '@playwright/test';
import { callApi, shot } from './mapPage.ts';

/** Drags across the picture of the wall, from one display to another, as an operator marks a cell. */
async function drag(page: Page, from: string, to: string) {
  await page.getByTestId('wall-editor-display-B2').scrollIntoViewIfNeeded();
  const a = (await page.getByTestId(`wall-editor-display-${from}`).boundingBox())!;
  const b = (await page.getByTestId(`wall-editor-display-${to}`).boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x + b.width) / 2, (a.y + b.y + b.height) / 2, { steps: 4 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 4 });
  await page.mouse.up();
}

test('an operator draws a preset on the picture of the wall, saves it and puts it on the wall', async ({ page }) => {
  await page.goto('/#token=e2e-token');
  await page.getByTestId('nav-wall').click();
  await expect(page.getByTestId('wall-current')).not.toBeEmpty();
  await page.getByTestId('wall-new-preset').click();
  await page.getByTestId('wall-editor-name').fill('夜间值守');
  await page.getByTestId('wall-editor-panel').selectOption('map');
  await drag(page, 'A1', 'B1');
  await page.getByTestId('wall-editor-panel').selectOption('incidents');
  await drag(page, 'A2', 'A2');
  await page.getByTestId('wall-editor-panel').selectOption('board/shelters');
  await drag(page, 'B2', 'B2');
  await expect(page.getByTestId('wall-editor-cell')).toHaveText(['A1–B1 · 态势一张图', 'A2 · 事件', 'B2 · 避难场所']);
  await page.getByTestId('wall-editor-save').click();
  await expect(page.getByTestId('wall-editor-message')).toContainText('已保存预案“夜间值守”');
  await shot(page, 'wall-editor-zh.png');

  const state = await callApi<{ presets: { id: string; name: string; cells: { display: string; colSpan: number; route: string }[] }[] }>('wall:state', {});
  const saved = state.presets.find((preset) => preset.name === '夜间值守')!;
  expect(saved.cells).toEqual([
    { display: 'A1', colSpan: 2, rowSpan: 1, route: '/map' },
    { display: 'A2', colSpan: 1, rowSpan: 1, route: '/incidents' },
    { display: 'B2', colSpan: 1, rowSpan: 1, route: '/board/shelters' },
  ]);
  await page.getByTestId(`wall-preset-${saved.id}`).click();
  await expect(page.getByTestId('wall-current')).toHaveText('夜间值守');
  await expect(page.getByTestId('wall-window-row')).toHaveText([/A1\s*A1–B1 · 态势一张图/, /B1\s*A1–B1 · 态势一张图/, /A2\s*A2 · 事件/, /B2\s*B2 · 避难场所/]);

  await page.getByTestId('language-switch').click();
  await expect(page.getByTestId('wall-editor-cell')).toHaveText(['A1–B1 · Situation map', 'A2 · Incidents', 'B2 · Shelters']);
  await shot(page, 'wall-editor-en.png');
  // Back to daily duty for the other specs sharing this host.
  await callApi('wall:switch', { preset: '日常值守' });
  await callApi('wall:deletePreset', { id: saved.id });
});

// Runs last in this suite (files run in name order): the incident it reports stays, as incidents do.
test('a typhoon raised to level II proposes 台风应急; one click puts it on the wall with its reason', async ({ page }) => {
  await page.goto('/#token=e2e-token');
  await page.getByTestId('nav-wall').click();
  await expect(page.getByTestId('wall-current')).toHaveText('日常值守');
  await callApi('incidents:report', { title: '演练：台风“海葵”升级', type: 'typhoon', level: 'II', nodeCode: '310000000000', exercise: true });
  const proposal = page.getByTestId('wall-proposal');
  await expect(proposal).toContainText('建议切换到“台风应急”');
  await expect(proposal).toContainText('台风“海葵”升级');
  await shot(page, 'wall-proposal-zh.png');
  await page.getByTestId('wall-accept').click();
  await expect(page.getByTestId('wall-current')).toHaveText('台风应急');
  await expect(proposal).toHaveCount(0);
  await expect(page.getByTestId('panel-wall')).toContainText('台风“海葵”升级');
  await callApi('wall:switch', { preset: '日常值守' });
});
