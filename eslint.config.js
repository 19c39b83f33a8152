// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import pluginVue from 'eslint-plugin-vue';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Layer rules (README, "Architecture"): an allow-list. Every source folder is placed
 * below with the folders it may import besides its own; a folder that is not placed
 * may not hold code until it is (placing it is a decision, not an accident). Do not
 * relax these rules: they are what keeps the model honest. The browser model, the
 * network thread and the renderer stand-in talk only through shared/ messages.
 *
 * shared/ has an order of its own: base < net, web < ipc < trace < real, import, story, api.
 */
const root = path.dirname(fileURLToPath(import.meta.url));

const SHARED_BELOW_TRACE = ['shared/base', 'shared/net', 'shared/web', 'shared/ipc'];
const layers = {
  'shared/base': { may: [], why: 'shared/base/ is the bottom of shared/: it imports nothing' },
  'shared/net': { may: ['shared/base'], why: 'shared/net/ sits on shared/base/ only' },
  'shared/web': { may: ['shared/base', 'shared/net'], why: 'the web algorithms need only base/ and net/' },
  'shared/ipc': {
    may: ['shared/base', 'shared/net', 'shared/web'],
    why: 'the message catalogue and transport know nothing of the trace above them',
  },
  'shared/trace': { may: SHARED_BELOW_TRACE, why: 'the trace sits on the messages, not above them' },
  'shared/real': {
    may: [...SHARED_BELOW_TRACE, 'shared/trace'],
    why: 'real-Chromium traces are read into NavScope trace events',
  },
  'shared/import': {
    may: [...SHARED_BELOW_TRACE, 'shared/trace', 'shared/real'],
    why: 'importers produce NavScope traces',
  },
  'shared/story': { may: [...SHARED_BELOW_TRACE, 'shared/trace'], why: 'the story is told from the trace' },
  'shared/api': {
    may: [...SHARED_BELOW_TRACE, 'shared/trace'],
    why: 'the window’s API carries the trace and the browser’s results',
  },
  'electron/node': {
    may: ['shared'],
    why: 'electron/node/ holds helpers for every Node runtime and imports none of them',
  },
  'electron/browser': {
    may: ['shared', 'electron/node'],
    why: 'The browser model talks to other runtimes only through shared/ messages',
  },
  'electron/network': {
    may: ['shared', 'electron/node'],
    why: 'The network thread talks to other runtimes only through shared/ messages',
  },
  'electron/renderer-process': {
    may: ['shared', 'electron/node'],
    why: 'The renderer stand-in talks to other runtimes only through shared/ messages',
  },
  'electron/lab': {
    may: ['shared', 'electron/node'],
    why: 'The lab is the outside world: it knows nothing of the browser',
  },
  'electron/real-chromium': {
    may: ['shared', 'electron/node'],
    why: 'The real-Chromium recorder drives a system Chromium; only the hosts use it',
  },
  'electron/preload': { may: ['shared'], why: 'The preload sees only shared/ (the API and its protocol) and electron' },
  'electron/hosts': { may: ['shared', 'electron'], why: 'the hosts compose the runtimes' },
  'electron/build.mjs': { may: [], why: 'the build script stands alone' },
  renderer: { may: ['shared'], why: 'The window (renderer/) may import only shared/' },
};
/** Where the rules apply: everything here must be in a placed layer. */
const RULED = ['shared', 'electron', 'renderer'];

/**
 * A local rule: resolves every relative import against the importing file and
 * rejects it unless its folder is the importer's own layer or one the layer may
 * import. (No plugin dependency: the resolver-based plugins pull native bindings
 * this registry cannot lock.)
 */
const inside = (file, folder) => {
  const rel = path.relative(path.resolve(root, folder), file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};
/** The placed layer a file belongs to (the longest that holds it), or null. */
const layerOf = (file) =>
  Object.keys(layers)
    .filter((folder) => inside(file, folder))
    .sort((a, b) => b.length - a.length)[0] ?? null;
const layersPlugin = {
  rules: {
    'no-restricted-paths': {
      meta: { type: 'problem', schema: [] },
      create(context) {
        const file = context.filename;
        if (!RULED.some((folder) => inside(file, folder))) return {};
        const layer = layerOf(file);
        if (layer === null) {
          const folder = path.relative(root, path.dirname(file)).split(path.sep).join('/');
          return {
            Program: (node) =>
              context.report({
                node,
                message: `${folder}/ is not placed in the layer rules: add it to the layers in eslint.config.js, with what it may import, before it holds code.`,
              }),
          };
        }
        const { may, why } = layers[layer];
        const check = (node, source) => {
          if (typeof source !== 'string' || !source.startsWith('.')) return;
          const target = path.resolve(path.dirname(file), source);
          if (inside(target, layer) || may.some((folder) => inside(target, folder))) return;
          const allowed = may.length ? `only ${may.map((f) => `${f}/`).join(', ')} and itself` : 'only itself';
          context.report({ node, message: `${why}: ${layer}/ may import ${allowed} (imports ${source})` });
        };
        return {
          ImportDeclaration: (node) => check(node.source, node.source.value),
          ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
          ExportAllDeclaration: (node) => check(node.source, node.source.value),
          ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
        };
      },
    },
  },
};

// Exact module names (regexes, so that a repo path like ../electron/lab is not matched).
const nodeBuiltins =
  '^(node:.*|fs|path|os|net|dgram|dns|tls|http|https|child_process|worker_threads|crypto|stream|zlib|url|util|events|process|buffer|timers|readline)(/.*)?$';
const electronPackage = '^electron(/.*)?$';

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'release/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/essential'],
  {
    files: ['**/*.vue'],
    languageOptions: {
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'], sourceType: 'module' },
    },
    rules: {
      // TypeScript checks names itself (typescript-eslint's advice).
      'no-undef': 'off',
      // Page-controlled text must never become HTML.
      'vue/no-v-html': 'error',
      'vue/no-v-text-v-html-on-component': 'error',
    },
  },
  {
    // Plain-JS tooling scripts run in Node.
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' },
    },
  },
  {
    plugins: { layers: layersPlugin },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'layers/no-restricted-paths': 'error',
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
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: electronPackage,
              message: 'Only electron/hosts/desktop and electron/preload may import electron.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: nodeBuiltins, message: 'shared/ may not use Node built-ins.' },
            { regex: electronPackage, message: 'shared/ may not import electron.' },
          ],
        },
      ],
    },
  },
);
