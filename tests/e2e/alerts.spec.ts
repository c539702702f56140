import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { featureCount, shot } from './mapPage.ts';

const PUDONG = '310115000000';
const SAMPLES = path.resolve(import.meta.dirname, '../../../shared/data/cap-samples/google-cap-library');
const WORLD = path.resolve(import.meta.dirname, '../fixtures/cap-world');
const alertRows = (page: Page) => page.getByTestId('board-alerts').locator('.ag-row');

async function openAlerts(page: Page): Promise<void> {
  await page.setViewportSize({ width: 1600, height: 1200 });
  await page.goto('/?e2e#token=e2e-token');
  await expect(page.getByTestId('tree-summary')).toBeVisible();
  await page.getByTestId('nav-alerts').click();
  await expect(page.getByTestId('alerts-panel')).toBeVisible();
}

test.describe('early warnings', () => {
  test('compose from a template → review → issue: on the board and the map, in Chinese and English', async ({ page }) => {
    test.setTimeout(180_000);
    await openAlerts(page);
    // The host is shared with other specs: count what is there before, rather than assume the seed alone.
    await page.getByTestId('nav-map').click();
    await expect.poll(() => featureCount(page, 'alerts'), { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
    const drawnBefore = await featureCount(page, 'alerts');
    await page.getByTestId('nav-alerts').click();
    await expect.poll(async () => Number(await page.getByTestId('board-alerts-count').getAttribute('data-total'))).toBeGreaterThanOrEqual(2);
    const issuedBefore = Number((await page.getByTestId('alerts-summary').textContent())!.match(/已发布 (\d+)/)![1]);
    const started = Date.now();
    await page.getByTestId('alert-template').selectOption('typhoon-orange');
    await expect(page.getByTestId('alert-event')).toHaveValue('台风橙色预警');
    await expect(page.getByTestId('alert-headline-1')).toHaveValue('Typhoon orange warning for Shanghai');
    await page.getByTestId('alert-districts').selectOption([PUDONG]);
    // The template chooses its release channels; the phone text of each language is measured.
    await expect(page.getByTestId('alert-channel-cellBroadcast')).toBeChecked();
    await expect(page.getByTestId('alert-channel-sirens')).not.toBeChecked();
    await expect(page.getByTestId('alert-sms-0')).toHaveText(/^zh-CN 短信：\d+ 字（UCS-2），分 1 条发送$/);
    await expect(page.getByTestId('alert-sms-1')).toHaveText('en 短信：132 字（GSM-7），分 1 条发送');
    await page.getByTestId('alert-channels').scrollIntoViewIfNeeded();
    await shot(page, 'alerts-composer-zh.png');
    await page.getByTestId('alert-save').click();

    const detail = page.getByTestId('alert-detail');
    await expect(detail).toHaveAttribute('data-state', 'draft');
    await expect(page.getByTestId('alert-detail-headline')).toHaveText('上海市台风橙色预警');
    await page.getByTestId('alert-review').click();
    await expect(detail).toHaveAttribute('data-state', 'reviewed');
    await page.getByTestId('alert-issue').click();
    await expect(detail).toHaveAttribute('data-state', 'issued');
    const seconds = (Date.now() - started) / 1000;
    console.log(`template → issued in ${seconds.toFixed(1)} s of scripted clicks`);
    expect(seconds).toBeLessThan(60);

    await expect(page.getByTestId('alert-detail-state')).toHaveText('已发布');
    await expect(page.getByTestId('alert-steps').locator('li')).toHaveCount(3);
    await expect(page.getByTestId('alert-detail-channels')).toHaveText('发布渠道：手机小区广播、短信、广播电视、户外电子显示屏、政务新媒体、应急广播（大喇叭）');
    await expect(page.getByTestId('alert-coverage')).toContainText('浦东新区');
    await expect(page.getByTestId('alert-people')).toHaveText('覆盖人口约 5,681,512 人');
    await expect(page.getByTestId('alert-population-source')).toContainText('上海市第七次全国人口普查');
    const row = alertRows(page).filter({ hasText: '上海市台风橙色预警' });
    await expect(row).toHaveCount(1);
    await expect(row.locator('.ag-cell[col-id="state"]')).toHaveText('已发布');
    await expect(row.locator('.ag-cell[col-id="headline"]')).toContainText('演练');
    await expect(page.getByTestId('alerts-summary')).toContainText(`已发布 ${issuedBefore + 1}`);
    await shot(page, 'alerts-issued-zh.png');

    // On the map: one more area (Pudong's boundary) than before.
    await page.getByTestId('nav-map').click();
    await expect.poll(() => featureCount(page, 'alerts'), { timeout: 30_000 }).toBe(drawnBefore + 1);
    await shot(page, 'alerts-map-zh.png');

    await page.getByTestId('language-switch').click();
    await page.getByTestId('nav-alerts').click();
    await expect(page.getByTestId('alerts-summary')).toContainText(`issued ${issuedBefore + 1}`);
    const english = alertRows(page).filter({ hasText: 'Typhoon orange warning for Shanghai' });
    await expect(english).toHaveCount(1);
    await expect(english.locator('.ag-cell[col-id="state"]')).toHaveText('Issued');
    await english.locator('.ag-cell[col-id="headline"]').click();
    await expect(page.getByTestId('alert-detail-headline')).toHaveText('Typhoon orange warning for Shanghai');
    await expect(page.getByTestId('alert-people')).toHaveText('About 5,681,512 people covered');
    await expect(page.getByTestId('alert-detail-channels')).toContainText('Release channels: Cell broadcast, SMS, Radio and TV');
    await expect(page.getByTestId('alert-population-source')).toContainText('counted 2020-11-01');
    await shot(page, 'alerts-issued-en.png');

    // An issued alert is changed only by a new one: the update starts as a draft that references it.
    await page.getByTestId('alert-update').click();
    await expect(detail).toHaveAttribute('data-state', 'draft');
    await expect(detail).toContainText('References:');
    await page.getByTestId('alert-edit').click();
    await expect(page.getByTestId('alert-districts')).toHaveValues([PUDONG]);
    await page.getByTestId('alert-headline-1').fill('Typhoon orange warning for Shanghai, update 1');
    await page.getByTestId('alert-save').click();
    await expect(page.getByTestId('alert-detail-headline')).toHaveText('Typhoon orange warning for Shanghai, update 1');
    await expect(detail).toHaveAttribute('data-state', 'draft');
    await expect(detail).toContainText('Update');
    await page.getByTestId('alerts-new').click();
    await shot(page, 'alerts-composer-en.png');
  });

  test('imports a CAP file from disk, and refuses an attack file naming what it refused, in both languages', async ({ page }) => {
    await openAlerts(page);
    const file = page.getByTestId('alerts-import-file');
    await file.setInputFiles(path.join(SAMPLES, 'xee.cap'));
    const message = page.getByTestId('alerts-message');
    await expect(message).toHaveAttribute('role', 'alert');
    await expect(message).toContainText('xee.cap：document：含有 DOCTYPE 声明');
    await expect(message).toContainText('未导入任何数据');
    await shot(page, 'alerts-import-refused-zh.png');
    await file.setInputFiles(path.join(WORLD, 'encoding-unknown-ebcdic.cap'));
    await expect(message).toContainText('encoding-unknown-ebcdic.cap：document：声明的编码“EBCDIC-CP-US”本系统无法读取');
    await shot(page, 'alerts-import-encoding-refused-zh.png');
    await page.getByTestId('language-switch').click();
    await file.setInputFiles(path.join(SAMPLES, 'invalid.cap'));
    await expect(message).toContainText('invalid.cap: alert.scope: is required and missing; nothing was imported.');

    await file.setInputFiles(path.join(SAMPLES, 'canada.cap'));
    await expect(message).toHaveText('Imported 1 alert(s) from canada.cap');
    await expect(page.getByTestId('alert-detail-state')).toHaveText('Issued');
    await expect(page.getByTestId('alert-steps')).toContainText('Imported');
    await shot(page, 'alerts-import-en.png');

    // The browser sends the file's bytes: a GBK file and a UTF-16 one arrive as their senders wrote them.
    await file.setInputFiles(path.join(WORLD, 'encoding-gbk.cap'));
    await expect(message).toHaveText('Imported 1 alert(s) from encoding-gbk.cap');
    await expect(page.getByTestId('alert-detail-headline')).toHaveText('深圳市颱風黄色预警（堃鹏台站）');
    await file.setInputFiles(path.join(WORLD, 'encoding-utf16le-bom.cap'));
    await expect(page.getByTestId('alert-detail-headline')).toHaveText('八號東北烈風或暴風信號現正生效');
    await file.setInputFiles(path.join(WORLD, 'hostile-gzip-body.cap.gz'));
    await expect(message).toContainText('hostile-gzip-body.cap.gz: document: is a gzip-compressed file, not XML');
    await shot(page, 'alerts-import-encodings-en.png');
  });
});
