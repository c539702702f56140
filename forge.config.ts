import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MakerDeb } from '@electron-forge/maker-deb';
import { MakerZIP } from '@electron-forge/maker-zip';
import { AutoUnpackNativesPlugin } from '@electron-forge/plugin-auto-unpack-natives';
import { FusesPlugin } from '@electron-forge/plugin-fuses';
import { VitePlugin } from '@electron-forge/plugin-vite';
import type { ForgeConfig } from '@electron-forge/shared-types';
import { FuseV1Options, FuseVersion } from '@electron/fuses';

const projectDir = path.dirname(fileURLToPath(import.meta.url));

/**
 * Modules the bundles load from node_modules at run time (see electron/main/vite.main.config.ts).
 * Forge's Vite plugin packages only .vite/, so they are copied in after the copy step; Forge then
 * rebuilds better-sqlite3 against Electron's ABI and auto-unpack-natives keeps the .node outside the asar.
 */
const RUNTIME_MODULES = ['better-sqlite3', 'bindings', 'file-uri-to-path'];

/**
 * The Electron fuses: no running as plain Node, no NODE_OPTIONS or inspector flags, the app only
 * from its integrity-checked asar, and file:// without the extra privileges it has by default
 * (the console loads from app://, so file:// pages get nothing beyond a normal web page).
 */
export const FUSES = {
  version: FuseVersion.V1,
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
} as const;

const config: ForgeConfig = {
  packagerConfig: {
    asar: true,
    name: 'Resilience Console',
    executableName: 'resilience-console',
    // The region pack the core seeds from; lands at process.resourcesPath/region (see electron/main/index.ts).
    extraResource: ['resources/region'],
  },
  rebuildConfig: {
    onlyModules: ['better-sqlite3'],
  },
  hooks: {
    packageAfterCopy: async (_forgeConfig, buildPath) => {
      for (const name of RUNTIME_MODULES) {
        await fs.cp(path.join(projectDir, 'node_modules', name), path.join(buildPath, 'node_modules', name), {
          recursive: true,
          // Build intermediates of the host's own compile; the Electron rebuild makes its own.
          filter: (source) => !source.includes(`${path.sep}build${path.sep}Release${path.sep}obj`),
        });
      }
    },
  },
  makers: [
    new MakerZIP({}, ['linux', 'darwin', 'win32']),
    new MakerDeb({
      options: {
        name: 'resilience-console',
        productName: 'Resilience Console',
        bin: 'resilience-console',
        categories: ['Utility'],
      },
    }),
  ],
  plugins: [
    new VitePlugin({
      build: [
        { entry: { main: 'electron/main/index.ts' }, config: 'electron/main/vite.main.config.ts', target: 'main' },
        { entry: { preload: 'electron/preload/index.ts' }, config: 'electron/preload/vite.preload.config.ts', target: 'preload' },
        // The store's worker thread ships beside main.js, where storeClient looks for storeWorker.js.
        { entry: { storeWorker: 'electron/core/store/storeWorker.ts' }, config: 'electron/main/vite.main.config.ts', target: 'main' },
        // MBTiles and tile-cache reads run in their own worker, beside main.js where tileWorkerClient looks for tileWorker.js.
        { entry: { tileWorker: 'electron/core/store/tiles/tileWorker.ts' }, config: 'electron/main/vite.main.config.ts', target: 'main' },
      ],
      // renderer/vite.config.ts wrapped so the build lands in .vite/renderer/main_window for packaging.
      renderer: [{ name: 'main_window', config: 'electron/main/vite.renderer.config.ts' }],
    }),
    new AutoUnpackNativesPlugin({}),
    // Fuses are flipped at package time, before signing (checked in electron/main/securityBaseline.test.ts).
    new FusesPlugin(FUSES),
  ],
};

export default config;
