import path from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * The fault-injection suite (`npm run test:fault`): real hub processes on 127.0.0.1 behind
 * fault proxies. One file at a time, in a forked process, with generous timeouts, because each
 * file runs its own seven-node network on a two-core machine.
 */
export default defineConfig({
  root: path.resolve(import.meta.dirname, '../..'),
  test: {
    include: ['tests/fault/**/*.test.ts'],
    pool: 'forks',
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 300_000,
    hookTimeout: 180_000,
    teardownTimeout: 60_000,
  },
});
