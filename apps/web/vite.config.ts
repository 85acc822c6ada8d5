import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API serves the built app (apps/web/dist) on its own port. In development, `pnpm dev` in this
// folder serves the app with hot reload and forwards /api (HTTP and WebSocket) to the API on :3000.
const api = process.env.ASSAY_API ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: {
      '/api': { target: api, ws: true },
      '/docs': { target: api },
    },
  },
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 6000,
  },
  worker: { format: 'es' },
});
