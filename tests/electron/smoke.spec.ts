import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { electronBinaryPath } from '../../electron/host/electronBinary.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const mainEntry = path.join(repoRoot, '.vite', 'build', 'main.js');
// Never require('electron') here: with the binary missing it tries to download it.
const executablePath = electronBinaryPath(repoRoot);

function whyNotRunnable(): string | null {
  if (!executablePath) {
    return 'Electron smoke test skipped: the Electron binary is not installed (node_modules/electron/path.txt or the file it names '
      + 'under node_modules/electron/dist is missing; it cannot be downloaded on this machine).';
  }
  if (!fs.existsSync(mainEntry)) {
    return `Electron smoke test skipped: no build at ${path.relative(repoRoot, mainEntry)} (run \`npx electron-forge package\` or \`npx electron-forge start\` once).`;
  }
  return null;
}
const skipReason = whyNotRunnable();

test.describe('the Electron shell', () => {
  test.describe.configure({ mode: 'serial' });
  let app: ElectronApplication | undefined;
  let page: Page;
  let dataDir: string;

  test.beforeAll(async () => {
    if (skipReason) {
      console.log(skipReason);
      return;
    }
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-electron-smoke-'));
    app = await electron.launch({
      executablePath: executablePath!,
      args: [mainEntry],
      cwd: repoRoot,
      env: { ...process.env, RESILIENCE_CONSOLE_DATA_DIR: dataDir, ELECTRON_ENABLE_LOGGING: '1' },
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  test.afterAll(async () => {
    await app?.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test.beforeEach(() => {
    test.skip(skipReason !== null, skipReason ?? '');
  });

  test('opens the console window from app://console', async () => {
    await expect(page).toHaveTitle(/Resilience Console/);
    expect(page.url()).toMatch(/^app:\/\/console\//);
  });

  test('gives the page the typed console API and no Node', async () => {
    const probe = await page.evaluate(() => {
      const scope = globalThis as unknown as Record<string, unknown>;
      return {
        api: typeof scope.resilienceConsole,
        on: typeof (scope.resilienceConsole as { on?: unknown } | undefined)?.on,
        require: typeof scope.require,
        process: typeof scope.process,
        module: typeof scope.module,
        ipcRenderer: typeof scope.ipcRenderer,
      };
    });
    expect(probe).toEqual({ api: 'object', on: 'function', require: 'undefined', process: 'undefined', module: 'undefined', ipcRenderer: 'undefined' });
    const info = await page.evaluate(() => (globalThis as unknown as { resilienceConsole: { app: { info(input: object): Promise<{ role: string }> } } })
      .resilienceConsole.app.info({}));
    expect(info.role).toBe('city');
  });

  test('refuses to navigate away or open windows', async () => {
    const before = page.url();
    await page.evaluate(() => { window.location.href = 'https://example.org/'; });
    await page.waitForTimeout(1_000);
    expect(page.url()).toBe(before);
    expect(await page.evaluate(() => window.open('https://example.org/') === null)).toBe(true);
    expect(app!.windows()).toHaveLength(1);
  });
});
