import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const rendererDir = fileURLToPath(new URL('.', import.meta.url));

/** Builds the screens into dist/renderer; relative paths so app:// (Electron) and the host (browser) both serve them. */
export default defineConfig({
  root: rendererDir,
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    // Loaded from the local disk or LAN, not the internet: one ~1.5 MB grid bundle is fine.
    chunkSizeWarningLimit: 2500,
  },
});
