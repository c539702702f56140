/// <reference types="@electron-forge/plugin-vite/forge-vite-env" />
import { defineConfig, type Plugin } from 'vite';

// Modules left to node_modules at run time: the native SQLite binding (rebuilt for Electron and
// unpacked from the asar by Forge, see forge.config.ts) and its loader.
const RUNTIME_EXTERNALS = ['better-sqlite3', 'bindings', 'file-uri-to-path'];

// Bundled CommonJS dependencies (electron-updater, fs-extra, …) call require() for Node built-ins;
// an ES module has no require, so give the bundle one.
const REQUIRE_BANNER = "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);";

/**
 * In library mode Vite inlines every `new URL('…', import.meta.url)` asset as a data: URL, which
 * fs cannot read (the core reads package.json and the region pack that way). In the bundle those
 * URLs stay run-time URLs; main passes the core its version and resources folder explicitly.
 */
function keepModuleUrls(): Plugin {
  return {
    name: 'resilience:keep-module-urls',
    enforce: 'pre',
    transform(code, id) {
      if (!/[/\\]electron[/\\]core[/\\]/.test(id) || !code.includes('import.meta.url')) return null;
      const rewritten = code.replace(/new URL\(\s*(['"`])/g, 'new URL(/* @vite-ignore */ $1');
      return rewritten === code ? null : { code: rewritten, map: null };
    },
  };
}

/**
 * Vite config for the main-process targets of Forge's Vite plugin (main.js and storeWorker.js).
 * ES modules, because package.json says "type": "module"; each entry is named so the files land
 * as .vite/build/main.js (package.json "main") and .vite/build/storeWorker.js (found by storeClient).
 */
export default defineConfig((env) => {
  const target = env.forgeConfigSelf;
  if (!('entry' in target)) throw new Error('vite.main.config.ts is for build targets, not renderers');
  return {
    plugins: [keepModuleUrls()],
    build: {
      lib: {
        entry: target.entry,
        formats: ['es'],
        fileName: () => '[name].js',
      },
      rollupOptions: {
        external: RUNTIME_EXTERNALS,
        output: { banner: REQUIRE_BANNER },
      },
      // Readable names in stack traces of a console that must be debuggable in the field.
      minify: false,
      sourcemap: true,
    },
  };
});
