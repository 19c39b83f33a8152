import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

// The window (renderer/) is built into out/renderer and served by the web host (and,
// later, loaded by the desktop shell). No inline scripts or styles: it runs under a
// strict Content-Security-Policy.
export default defineConfig({
  root: 'renderer',
  base: './',
  // Whitespace between tags keeps its HTML meaning (a line break between two inline
  // elements is a space), which is what Prettier assumes when it wraps templates.
  plugins: [vue({ template: { compilerOptions: { whitespace: 'preserve' } } })],
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    modulePreload: { polyfill: false },
    cssCodeSplit: false,
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1500,
    sourcemap: true,
  },
  logLevel: 'warn',
});
