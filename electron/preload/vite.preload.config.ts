/// <reference types="@electron-forge/plugin-vite/forge-vite-env" />
import { defineConfig } from 'vite';

/**
 * Vite config for the preload target of Forge's Vite plugin. A sandboxed preload can only require
 * 'electron', so everything else (the shared contract, zod) is bundled into one CommonJS preload.js;
 * Forge's defaults already set format cjs and inlineDynamicImports.
 */
export default defineConfig({
  build: {
    rollupOptions: {
      external: ['better-sqlite3'],
    },
    minify: false,
  },
});
