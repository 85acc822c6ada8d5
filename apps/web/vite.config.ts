import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

// The API serves the built app (apps/web/dist) on its own port. In development, `pnpm dev` in this
// folder serves the app with hot reload and forwards /api (HTTP and WebSocket) to the API on :3000.
const api = process.env.ASSAY_API ?? 'http://127.0.0.1:3000';

/**
 * Writes `.br` and `.gz` beside every text asset of the build, which the API serves to browsers that
 * accept them: Monaco's chunks and its TypeScript worker are megabytes before compression.
 */
function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'assay-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      const walk = (dir: string): string[] =>
        readdirSync(dir).flatMap((name) => {
          const path = join(dir, name);
          return statSync(path).isDirectory() ? walk(path) : [path];
        });
      for (const file of walk(outDir)) {
        if (!/\.(js|css|html|svg|ttf|json)$/.test(file) || statSync(file).size < 1024) continue;
        const data = readFileSync(file);
        writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }));
        writeFileSync(`${file}.br`, brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }));
      }
    },
  };
}

export default defineConfig({
  plugins: [react(), precompress()],
  resolve: {
    alias: [
      // y-monaco imports Monaco by its file path, which monaco-editor 0.57's exports map no longer
      // resolves; point it at the same module the app's editor uses, so there is one Monaco.
      {
        find: /^monaco-editor\/esm\/vs\/editor\/editor\.api\.js$/,
        replacement: 'monaco-editor/editor/editor.api.js',
      },
    ],
  },
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
