import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { repoRoot, sharedConfig } from '../playwrightShared.ts';
// RC_E2E_PORT lets two suites run side by side (each starts its own host).
const PORT = Number(process.env.RC_E2E_PORT ?? 5199);

// Every run seeds a fresh, empty data folder. Workers load this file again and inherit the
// runner's environment, so the folder is made once and shared through the variable.
process.env.RC_E2E_DATA ??= fs.mkdtempSync(path.join(os.tmpdir(), 'resilience-e2e-'));
const dataDir = process.env.RC_E2E_DATA;

/** The browser console in Debian's Chromium against a real `serve` host (never a downloaded browser). */
export default defineConfig({
  ...sharedConfig('e2e'),
  globalTeardown: './globalTeardown.ts',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    viewport: { width: 1600, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
    trace: 'retain-on-failure',
  },
  webServer: {
    command: `node electron/host/bin.mjs serve --data "${dataDir}" --port ${PORT} --token e2e-token`,
    cwd: repoRoot,
    url: `http://127.0.0.1:${PORT}/healthz`,
    // A server already on the port would not be seeded from empty: refuse to reuse it.
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
