import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

// The window (renderer/) is built into out/renderer and served by the web host (and,
// later, loaded by the desktop shell). No inline scripts or styles: it runs under a
// strict Content-Security-Policy.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [vue()],
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
