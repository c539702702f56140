/// <reference types="@electron-forge/plugin-vite/forge-vite-env" />
import path from 'node:path';
import { defineConfig, loadConfigFromFile, mergeConfig } from 'vite';

/**
 * The renderer's own Vite config (renderer/vite.config.ts, shared with the browser console) with one
 * change for Forge: the build goes to .vite/renderer/<name>, which is what Forge packages and where
 * main's app:// handler serves from, instead of dist/renderer.
 */
export default defineConfig(async (env) => {
  const loaded = await loadConfigFromFile(env, path.join(env.root, 'renderer', 'vite.config.ts'), env.root);
  if (!loaded) throw new Error('renderer/vite.config.ts not found');
  const name = 'name' in env.forgeConfigSelf ? env.forgeConfigSelf.name : 'main_window';
  return mergeConfig(loaded.config, {
    build: { outDir: path.join(env.root, '.vite', 'renderer', name) },
  });
});
