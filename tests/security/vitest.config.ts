import path from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * The security suite (`npm run test:security`, part of `npm test`): issue 10's findings replayed
 * against real hub processes on 127.0.0.1. One file at a time: each starts its own hubs.
 */
export default defineConfig({
  root: path.resolve(import.meta.dirname, '../..'),
  test: {
    include: ['tests/security/**/*.test.ts'],
    pool: 'forks',
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
