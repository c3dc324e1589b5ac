import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The web client. `npm run web:dev` serves it with hot reload and forwards /api and /collab to a
// running backend (VANKIEN_BACKEND, default http://localhost:3000, i.e. `npm start`).
const backend = process.env.VANKIEN_BACKEND ?? 'http://localhost:3000';
const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  resolve: {
    // the editor uses the document schema of the server itself, never a copy of it
    alias: { '@vankien/document-schema': fileURLToPath(new URL('../../libs/document-schema/src/index.ts', import.meta.url)) },
    // one copy of Yjs and ProseMirror for y-prosemirror, the provider and the schema
    dedupe: ['yjs', 'y-prosemirror', 'y-protocols', 'lib0', 'prosemirror-model', 'prosemirror-state', 'prosemirror-view', 'prosemirror-transform'],
  },
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      onwarn(warning, warn) {
        // Mantine marks its modules "use client" (a React Server Components hint): meaningless here
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: {
    port: Number(process.env.WEB_DEV_PORT ?? 5173),
    proxy: {
      '/api': { target: backend, changeOrigin: true },
      '/collab': { target: backend, ws: true, changeOrigin: true },
    },
  },
});
