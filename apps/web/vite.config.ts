import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { precompressPlugin } from './pwa/precompressPlugin';
import { serviceWorkerPlugin } from './pwa/serviceWorkerPlugin';

// The server serves dist/ at / (SPA fallback) and the API at /api on the same origin.
export default defineConfig({
  plugins: [react(), serviceWorkerPlugin(), precompressPlugin()],
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
  preview: {
    port: 4173,
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // scripts/size-mobile.mjs reads it to measure the phone's first-load JavaScript (issue 4 budget).
    manifest: true,
    // antd and antd-mobile are large; the console and the phone pages are split into lazy chunks.
    chunkSizeWarningLimit: 1600,
  },
});
