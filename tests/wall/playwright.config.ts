import { defineConfig } from '@playwright/test';
import { sharedConfig } from '../playwrightShared.ts';

/**
 * The video wall in headed Chromium under Xvfb (one 3840×2160 screen, see run.sh): real windows
 * placed side by side, each its own browser context, against a `serve` host the spec starts itself
 * (so it can stop and restart it under the open windows).
 */
export default defineConfig({
  ...sharedConfig('wall'),
  timeout: 180_000,
  use: {
    headless: false,
    viewport: null,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
        '--disable-features=Translate,TranslateUI', '--lang=zh-CN', '--hide-scrollbars', '--disable-renderer-backgrounding', '--disable-backgrounding-occluded-windows'],
    },
    trace: 'retain-on-failure',
  },
});
