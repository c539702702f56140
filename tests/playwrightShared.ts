import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PlaywrightTestConfig } from '@playwright/test';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** What every Playwright suite here shares: one worker, no retries, results under test-results/<suite>. */
export function sharedConfig(suite: string): PlaywrightTestConfig {
  return {
    testDir: '.',
    testMatch: '**/*.spec.ts',
    outputDir: path.join(repoRoot, 'test-results', suite),
    workers: 1,
    fullyParallel: false,
    retries: 0,
    timeout: 60_000,
    expect: { timeout: 15_000 },
    reporter: [['list']],
  };
}
