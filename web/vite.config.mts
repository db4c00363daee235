import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The console bundle: everything (code, catalogues, CSS) in web/dist with
 * hashed names; no CDN, no web fonts. `npm run dev:web` proxies the API of a
 * server started with `npm run dev` (PORT 4000 unless HUZHU_API says otherwise).
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const api = process.env['HUZHU_API'] ?? 'http://127.0.0.1:4000';
export default defineConfig({
  root: here,
  base: '/',
  plugins: [react()],
  resolve: { alias: { '@': path.resolve(here, 'src') } },
  build: { outDir: path.resolve(here, 'dist'), emptyOutDir: true, sourcemap: true, assetsDir: 'assets', chunkSizeWarningLimit: 800 },
  server: { proxy: { '/graphql': api, '/auth': api, '/healthz': api } },
});
