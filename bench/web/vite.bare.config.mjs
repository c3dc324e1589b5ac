import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Builds the bare ProseMirror page of bench/web (BARE_OUT: where to).
export default defineConfig({
  root: fileURLToPath(new URL('./bare', import.meta.url)),
  logLevel: 'warn',
  resolve: { alias: { '@vankien/document-schema': fileURLToPath(new URL('../../libs/document-schema/src/index.ts', import.meta.url)) } },
  build: { outDir: process.env.BARE_OUT, emptyOutDir: true, target: 'es2022' },
});
