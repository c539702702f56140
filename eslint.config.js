import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

/** Import zones: which layer may import which (style.md). A wrong import fails `npm test`. */
const NODE_BUILTINS = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'worker_threads', 'net', 'http', 'https', 'crypto', 'stream', 'url', 'util', 'zlib', 'events'];

const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: patterns.map((group) => ({ group: [group], message })) }],
});

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'out/', '.vite/', 'data/', 'test-results/', 'playwright-report/', 'resources/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    files: ['shared/**/*.ts'],
    rules: restrict([...NODE_BUILTINS, 'electron', 'better-sqlite3', 'react', 'react-dom', 'ol', 'ol/*', 'ag-grid-*', 'ws', '**/electron/**', '**/renderer/**'],
      'shared/ is pure TypeScript: no Node, Electron, DOM libraries or other layers.'),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts'],
    rules: restrict([...NODE_BUILTINS, 'electron', 'better-sqlite3', 'ws', '**/electron/**'],
      'renderer/ sees only shared/ and reaches the main process only through ConsoleApi.'),
  },
  {
    // Hooks called in a fixed order (an error) and effects that name what they read (a warning: some refs are deliberate).
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: restrict(['electron', 'electron/*', '**/renderer/**', '**/electron/main/**', '**/electron/preload/**', '**/electron/host/**'],
      'electron/core/ runs in plain Node: never import electron or the shells.'),
  },
  {
    files: ['electron/core/**/*.ts'],
    ignores: ['electron/core/store/**'],
    rules: restrict(['electron', 'electron/*', 'better-sqlite3', '**/renderer/**', '**/electron/main/**', '**/electron/preload/**', '**/electron/host/**'],
      'better-sqlite3 is imported only under electron/core/store/; electron/core never imports electron or the shells.'),
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: restrict([...NODE_BUILTINS, 'better-sqlite3', '**/electron/core/**', '**/electron/main/**', '**/electron/host/**', '**/renderer/**'],
      'the preload sees only the shared contract, contextBridge and ipcRenderer.'),
  },
  {
    files: ['electron/host/**/*.ts'],
    rules: restrict(['electron', 'electron/*', 'better-sqlite3', '**/renderer/**', '**/electron/main/**'],
      'electron/host/ is plain Node: shared/ and electron/core/ only.'),
  },
  {
    files: ['electron/main/**/*.ts'],
    rules: restrict(['better-sqlite3', '**/renderer/**', '**/electron/host/**'],
      'electron/main/ reaches the database only through electron/core/.'),
  },
);
