// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';

/**
 * Layer rules (DESIGN.md, "Layout and the rules of the house").
 * Do not relax these rules: they are what keeps the model honest. The browser model,
 * the network thread and the renderer stand-in talk only through shared/ messages.
 */
const layerZones = [
  // shared/: pure TypeScript, imports nothing outside shared/.
  { target: './shared', from: './electron', message: 'shared/ is pure: it may not import electron/.' },
  { target: './shared', from: './renderer', message: 'shared/ is pure: it may not import renderer/.' },
  { target: './shared', from: './test', message: 'shared/ may not import tests.' },
  // The three runtimes never import each other.
  { target: './electron/browser', from: ['./electron/network', './electron/renderer-process', './electron/lab', './electron/hosts', './electron/preload'], message: 'The browser model talks to other runtimes only through shared/ messages.' },
  { target: './electron/network', from: ['./electron/browser', './electron/renderer-process', './electron/lab', './electron/hosts', './electron/preload'], message: 'The network thread talks to other runtimes only through shared/ messages.' },
  { target: './electron/renderer-process', from: ['./electron/browser', './electron/network', './electron/lab', './electron/hosts', './electron/preload'], message: 'The renderer stand-in talks to other runtimes only through shared/ messages.' },
  { target: './electron/lab', from: ['./electron/browser', './electron/network', './electron/renderer-process', './electron/hosts', './electron/preload'], message: 'The lab is the outside world: it knows nothing of the browser.' },
  { target: './electron/node', from: ['./electron/browser', './electron/network', './electron/renderer-process', './electron/lab', './electron/hosts', './electron/preload'], message: 'electron/node/ holds helpers for every Node runtime and imports none of them.' },
  // The window is DOM-only.
  { target: './renderer', from: ['./electron', './test'], message: 'The window (renderer/) may import only shared/.' },
  { target: './electron', from: ['./renderer', './test'], message: 'electron/ may not import the window or tests.' },
];

// Exact module names (regexes, so that a repo path like ../electron/lab is not matched).
const nodeBuiltins = '^(node:.*|fs|path|os|net|dgram|dns|tls|http|https|child_process|worker_threads|crypto|stream|zlib|url|util|events|process|buffer|timers|readline)(/.*)?$';
const electronPackage = '^electron(/.*)?$';

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'release/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Plain-JS tooling scripts run in Node.
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    plugins: { 'import-x': importX },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'import-x/no-restricted-paths': ['error', { zones: layerZones }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', 'process', 'Buffer', 'window', 'document', 'require', '__dirname'],
    },
  },
  {
    // Only the desktop host and the preload may import the electron package.
    files: ['electron/**/*.ts', 'shared/**/*.ts', 'test/**/*.ts'],
    ignores: ['electron/hosts/desktop/**', 'electron/preload/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: electronPackage, message: 'Only electron/hosts/desktop and electron/preload may import electron.' }] }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: nodeBuiltins, message: 'shared/ may not use Node built-ins.' }, { regex: electronPackage, message: 'shared/ may not import electron.' }] }],
    },
  },
);
