// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import pluginVue from 'eslint-plugin-vue';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Layer rules (DESIGN.md, "Layout and the rules of the house").
 * Do not relax these rules: they are what keeps the model honest. The browser model,
 * the network thread and the renderer stand-in talk only through shared/ messages.
 */
const root = path.dirname(fileURLToPath(import.meta.url));

const layerZones = [
  // shared/: pure TypeScript, imports nothing outside shared/.
  { target: './shared', from: './electron', message: 'shared/ is pure: it may not import electron/.' },
  { target: './shared', from: './renderer', message: 'shared/ is pure: it may not import renderer/.' },
  { target: './shared', from: './test', message: 'shared/ may not import tests.' },
  // The three runtimes never import each other.
  {
    target: './electron/browser',
    from: [
      './electron/network',
      './electron/renderer-process',
      './electron/lab',
      './electron/hosts',
      './electron/preload',
      './electron/real-chromium',
    ],
    message: 'The browser model talks to other runtimes only through shared/ messages.',
  },
  {
    target: './electron/network',
    from: [
      './electron/browser',
      './electron/renderer-process',
      './electron/lab',
      './electron/hosts',
      './electron/preload',
      './electron/real-chromium',
    ],
    message: 'The network thread talks to other runtimes only through shared/ messages.',
  },
  {
    target: './electron/renderer-process',
    from: [
      './electron/browser',
      './electron/network',
      './electron/lab',
      './electron/hosts',
      './electron/preload',
      './electron/real-chromium',
    ],
    message: 'The renderer stand-in talks to other runtimes only through shared/ messages.',
  },
  {
    target: './electron/lab',
    from: [
      './electron/browser',
      './electron/network',
      './electron/renderer-process',
      './electron/hosts',
      './electron/preload',
      './electron/real-chromium',
    ],
    message: 'The lab is the outside world: it knows nothing of the browser.',
  },
  {
    target: './electron/node',
    from: [
      './electron/browser',
      './electron/network',
      './electron/renderer-process',
      './electron/lab',
      './electron/hosts',
      './electron/preload',
      './electron/real-chromium',
    ],
    message: 'electron/node/ holds helpers for every Node runtime and imports none of them.',
  },
  {
    target: './electron/preload',
    from: [
      './electron/browser',
      './electron/network',
      './electron/renderer-process',
      './electron/lab',
      './electron/hosts',
      './electron/node',
      './electron/real-chromium',
    ],
    message: 'The preload sees only shared/ (the API and its protocol) and electron.',
  },
  {
    // The real-Chromium recorder drives a system Chromium: it sees shared/ and electron/node/ only,
    // and only the hosts use it.
    target: './electron/real-chromium',
    from: [
      './electron/browser',
      './electron/network',
      './electron/renderer-process',
      './electron/lab',
      './electron/hosts',
      './electron/preload',
    ],
    message: 'electron/real-chromium/ may import only shared/ and electron/node/.',
  },
  // The window is DOM-only.
  { target: './renderer', from: ['./electron', './test'], message: 'The window (renderer/) may import only shared/.' },
  { target: './electron', from: ['./renderer', './test'], message: 'electron/ may not import the window or tests.' },
];

/**
 * A local rule: resolves every relative import against the importing file and
 * rejects it when the pair falls in a forbidden zone above. (No plugin dependency:
 * the resolver-based plugins pull native bindings this registry cannot lock.)
 */
const inside = (file, folder) => {
  const rel = path.relative(path.resolve(root, folder), file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};
const layersPlugin = {
  rules: {
    'no-restricted-paths': {
      meta: { type: 'problem', schema: [] },
      create(context) {
        const file = context.filename;
        const zones = layerZones.filter((z) => inside(file, z.target));
        if (zones.length === 0) return {};
        const check = (node, source) => {
          if (typeof source !== 'string' || !source.startsWith('.')) return;
          const target = path.resolve(path.dirname(file), source);
          for (const zone of zones) {
            const froms = Array.isArray(zone.from) ? zone.from : [zone.from];
            if (froms.some((from) => inside(target, from))) {
              context.report({ node, message: `${zone.message} (imports ${source})` });
              return;
            }
          }
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
