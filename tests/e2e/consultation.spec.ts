import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import type { Incident } from '../../shared/domain/incident.ts';
import { callApi, featureCount } from './mapPage.ts';

const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOTS, name) });

interface Words { lang: 'zh' | 'en'; title: string; agency: string; person: string; evidence: string; judgement: string; decision: string; action: string; unit: string; signer: string }
const ZH: Words = { lang: 'zh', title: '外滩防汛墙渗漏', agency: '市应急局', person: '王主任', evidence: '会商开始时的态势', judgement: '高潮位超警戒 0.3 米', decision: '启动防汛 III 级响应', action: '封堵防汛墙渗漏点', unit: '黄浦区防汛指挥部', signer: '王主任' };
const EN: Words = { lang: 'en', title: 'Bund floodwall seepage', agency: 'City EMA', person: 'Director Li', evidence: 'Situation at the start', judgement: 'High tide 0.3 m above warning level', decision: 'Start level III flood response', action: 'Seal the floodwall seepage', unit: 'Huangpu flood HQ', signer: 'Director Li' };

async function open(page: Page, words: Words): Promise<void> {
  await page.goto('/#token=e2e-token');
  await expect(page.getByTestId('tree-summary')).toBeVisible();
  if (words.lang === 'en') {
    await page.getByTestId('language-switch').click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  }
}

const entry = (page: Page, kind: string) => page.getByTestId('session-entry').and(page.locator(`[data-kind="${kind}"]`));

async function record(page: Page, kind: string, text: string, extra: (page: Page) => Promise<void> = async () => {}): Promise<void> {
  const before = await entry(page, kind).count();
  await page.getByTestId(`composer-kind-${kind}`).click();
  await page.getByTestId('composer-agency').fill(ZH.agency);
  await extra(page);
  await page.getByTestId('composer-text').fill(text);
  await page.getByTestId('composer-submit').click();
  await expect(entry(page, kind)).toHaveCount(before + 1);
}

/** Incident → session → evidence → judgement → decision → task → done → verified → minutes, as a duty officer does it. */
async function wholeFlow(page: Page, words: Words): Promise<void> {
  const suffix = words.lang;
  await open(page, words);
  await page.getByTestId('nav-incidents').click();
  await page.getByTestId('report-title').fill(words.title);
  await page.getByTestId('report-type').selectOption('floodTide');
  await page.getByTestId('report-level').selectOption('II');
  await page.getByTestId('report-node-filter').fill(words.lang === 'zh' ? '外滩' : '310101002000');
  await page.getByTestId('report-pick').click();
  const sketch = page.getByTestId('map-pick');
  const box = (await sketch.boundingBox())!;
  await sketch.click({ position: { x: box.width * 0.55, y: box.height * 0.45 } });
  await expect(page.getByTestId('map-pick-position')).toHaveText(/^12\d\.\d{5}, 3\d\.\d{5}$/);
  await shot(page, `consultation-map-pick-${suffix}.png`);
  await page.getByTestId('map-pick-use').click();
  await expect(page.getByTestId('report-lon')).toHaveValue(/^12\d\.\d+$/);
  await page.getByTestId('report-submit').click();
  await expect(page.getByTestId('report-done')).toBeVisible();

  // Clicking the row opens the detail view; the status moves forward only.
  await page.getByTestId('incidents-grid').getByText(words.title, { exact: true }).click();
  const detail = page.getByTestId('incident-detail');
  await expect(detail).toHaveAttribute('data-status', 'reported');
  await page.getByTestId('incident-status-select').selectOption('responding');
  await page.getByTestId('incident-status-apply').click();
  await expect(detail).toHaveAttribute('data-status', 'responding');
  await expect(page.getByTestId('incident-status-select').locator('option[value="verified"]')).toHaveCount(0);
  await expect(page.getByTestId('incident-timeline').getByTestId('timeline-entry')).toHaveCount(2);
  await shot(page, `consultation-incident-detail-${suffix}.png`);

  // A session opened from the incident.
  await page.getByTestId('incident-open-session').click();
  await expect(page.getByTestId('session-open-title')).toHaveValue(new RegExp(words.title));
  await page.getByTestId('session-person-name-0').fill(words.person);
  await page.getByTestId('session-person-agency-0').fill(words.agency);
  await page.getByTestId('session-person-add').click();
  await page.getByTestId('session-person-name-1').fill('Liaison');
  await page.getByTestId('session-person-agency-1').fill('Water Authority');
  await page.getByTestId('session-person-attendance-1').selectOption('remote');
  await page.getByTestId('session-open-agenda').fill(words.lang === 'zh' ? '潮位研判\n封堵与转移' : 'Tide assessment\nSealing and evacuation');
  await page.getByTestId('session-open-submit').click();
  await expect(page.getByTestId('session-view')).toHaveAttribute('data-status', 'open');

  // Attendance changes during the session: the liaison arrives in person, a meteorologist joins by video.
  await page.getByTestId('session-attendance-1').selectOption('present');
  await expect(page.getByTestId('session-person-1')).toHaveClass(/session__person--present/);
  await page.getByTestId('session-join').click();
  await expect(page.getByTestId('session-attendance-problem')).toContainText(words.lang === 'zh' ? '姓名' : 'Name');
  await page.getByTestId('session-join-name').fill('Met duty forecaster');
  await page.getByTestId('session-join-agency').fill(words.lang === 'zh' ? '市气象局' : 'Met Bureau');
  await page.getByTestId('session-join-attendance').selectOption('remote');
  await page.getByTestId('session-join').click();
  await expect(page.getByTestId('session-person-2')).toHaveClass(/session__person--remote/);
  await expect(page.getByTestId('session-entry')).toHaveCount(2);
  await expect(page.getByTestId('session-entry').filter({ hasText: words.lang === 'zh' ? 'Liaison（Water Authority）出席：远程 → 到场' : 'Liaison (Water Authority): remote → present' })).toHaveCount(1);
  await page.getByTestId('session-attendance').scrollIntoViewIfNeeded();
  await shot(page, `consultation-attendance-${suffix}.png`);

  // An empty entry is refused on screen and nothing is stored.
  await page.getByTestId('composer-kind-note').click();
  await page.getByTestId('composer-text').fill('   ');
  await page.getByTestId('composer-submit').click();
  await expect(page.getByTestId('composer-message')).toHaveText(words.lang === 'zh' ? '记录内容不能为空。' : 'The entry is empty.');
  await expect(page.getByTestId('session-entry')).toHaveCount(2);

  await record(page, 'evidence', words.evidence);
  await expect(page.getByTestId('evidence-card')).toBeVisible();
  await expect(page.getByTestId('evidence-map').locator('circle').first()).toBeVisible();
  await record(page, 'judgement', words.judgement, async (p) => { await p.getByTestId('composer-confidence').selectOption('high'); });
  await record(page, 'decision', words.decision, (p) => p.getByTestId('composer-approved').fill(words.signer));
  await record(page, 'action', words.action, async (p) => {
    await p.getByTestId('composer-unit').fill(words.unit);
    await p.getByTestId('composer-due').fill('2030-06-01T12:00');
  });
  await expect(entry(page, 'action').getByTestId('session-entry-task')).toContainText(words.unit);
  await expect(page.getByTestId('session-progress')).toContainText('0/1');
  await shot(page, `consultation-session-${suffix}.png`);

  // The task is carried to closure on the task board.
  await page.getByTestId('nav-tasks').click();
  await page.getByTestId('board-tasks').getByText(words.action, { exact: true }).click();
  for (const step of ['accepted', 'inProgress', 'done', 'verified']) {
    await page.getByTestId(`task-advance-${step}`).click();
    await expect(page.getByTestId('task-actions')).toHaveAttribute('data-status', step);
  }
  await expect(page.getByTestId('task-history').locator('li')).toHaveCount(5);
  await page.getByTestId('tasks-filter-status').selectOption('all');
  await shot(page, `consultation-tasks-${suffix}.png`);

  await page.getByTestId('nav-consultation').click();
  await expect(page.getByTestId('session-progress')).toContainText('1/1');
  const [md] = await Promise.all([page.waitForEvent('download'), page.getByTestId('session-minutes-md').click()]);
  const markdown = fs.readFileSync((await md.path())!, 'utf8');
  expect(markdown).toContain(words.decision);
  expect(markdown).toContain(words.judgement);
  const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByTestId('session-minutes-pdf').click()]);
  const pdfPath = path.join(SCREENSHOTS, `consultation-minutes-${suffix}.pdf`);
  await pdf.saveAs(pdfPath);
  // The PDF's text, as poppler extracts it, carries the session's words (Chinese included).
  const text = execFileSync('pdftotext', [pdfPath, '-'], { encoding: 'utf8' });
  expect(text).toContain(words.decision);
  expect(text).toContain(words.lang === 'zh' ? '会商纪要' : 'Consultation minutes');

  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByTestId('session-signer').fill(words.signer);
  await page.getByTestId('session-signoff').click();
  await expect(page.getByTestId('session-view')).toHaveAttribute('data-status', 'closed');
  await expect(page.getByTestId('entry-composer')).toHaveCount(0);

  await page.getByTestId('session-room').click();
  await expect(page.getByTestId('room-decisions')).toContainText(words.decision);
  await shot(page, `consultation-room-${suffix}.png`);
}

test.describe('consultation from incident to minutes', () => {
  test('the whole flow in Chinese', async ({ page }) => {
    test.setTimeout(180_000);
    await wholeFlow(page, ZH);
  });

  test('the whole flow in English', async ({ page }) => {
    test.setTimeout(180_000);
    await wholeFlow(page, EN);
  });

  test('the demo exercise session, the duty log and an overdue task stand out', async ({ page }) => {
    await open(page, ZH);
    await page.getByTestId('nav-consultation').click();
    await page.locator('[data-session-id="demo-session-lingang"]').click();
    await expect(page.getByTestId('session-view')).toHaveAttribute('data-status', 'closed');
    for (const kind of ['evidence', 'judgement', 'decision', 'action', 'warning', 'note', 'signOff']) await expect(entry(page, kind).first()).toBeVisible();
    await expect(page.getByTestId('session-progress')).toHaveClass(/consult-overdue/);
    await shot(page, 'consultation-demo-session-zh.png');
    await page.getByTestId('nav-tasks').click();
    await page.getByTestId('tasks-filter-overdue').check();
    await expect(page.getByTestId('board-tasks').locator('.task-row--overdue').first()).toBeVisible();
    await page.getByTestId('nav-incidents').click();
    await page.getByTestId('incidents-tab-log').click();
    await expect(page.getByTestId('duty-log').locator('.ag-row').first()).toBeVisible();
    await shot(page, 'consultation-duty-log-zh.png');
  });

  test('every incident the board lists has a location, so the map shows them all (issue 16)', async ({ page }) => {
    // `?e2e` exposes the map's feature counts to the test (renderer/panels/MapPanel.tsx).
    await page.goto('/?e2e#token=e2e-token');
    const incidents = await callApi<Incident[]>('incidents:list', {});
    expect(incidents.filter((incident) => !incident.location).map((incident) => incident.title)).toEqual([]);
    await page.getByTestId('nav-map').click();
    await expect.poll(() => featureCount(page, 'incidents'), { timeout: 60_000 }).toBe(incidents.length);
  });
});
