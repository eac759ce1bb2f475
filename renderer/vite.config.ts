import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer, built once into dist/renderer and served by Electron's app:// protocol and by
// `nianbao serve` under the same CSP (`script-src 'self'`): everything is bundled, nothing is
// loaded from a CDN, no inline scripts, relative asset paths so both hosts can serve it.
const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig(({ mode }) => ({
  root,
  base: './',
  plugins: [react()],
  resolve: {
    // NIANBAO_EDITOR=off: build the shell without the editor (reports open read-only).
    alias: process.env.NIANBAO_EDITOR === 'off' ? [{ find: /^\.\/editor-loader\.js$/, replacement: fileURLToPath(new URL('./src/editor-loader.none.ts', import.meta.url)) }] : [],
  },
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    sourcemap: mode !== 'production',
    // Vite would inline small scripts/assets as data: URLs; the CSP allows data: only for images and fonts.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 2000,
    target: 'chrome120',
  },
  server: { host: '127.0.0.1' },
}));
