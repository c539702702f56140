import { defineConfig } from '@playwright/test';
import { sharedConfig } from '../playwrightShared.ts';

/**
 * The Electron shell's smoke test through Playwright's `_electron`. It needs the Electron binary and
 * a Forge/Vite build (.vite/build/main.js); where either is missing it skips with one printed reason.
 */
export default defineConfig(sharedConfig('electron'));
