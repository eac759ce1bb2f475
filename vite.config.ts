import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer (renderer/), built once into dist/renderer and served by Electron's app:// protocol and by
// `nianbao serve` under the same CSP (`script-src 'self'`): everything is bundled, nothing is
// loaded from a CDN, no inline scripts, relative asset paths so both hosts can serve it.
const root = fileURLToPath(new URL('./renderer', import.meta.url));

// At the top level, not in renderer/: this file runs in Node at build time, and renderer/ holds
// only code for the sandboxed page.
export default defineConfig(({ mode }) => ({
  root,
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
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
