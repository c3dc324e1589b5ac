// The JavaScript (and CSS) a browser downloads before the first screen: the entry script of
// apps/web/dist/index.html and the chunks it preloads, gzip-compressed as a server would send them.
// Usage: node bench/web/bundle-size.mjs   (after npm run web:build)
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export function bundleSizes(dist = fileURLToPath(new URL('../../apps/web/dist', import.meta.url))) {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const referenced = (pattern) => [...html.matchAll(pattern)].map((m) => m[1]);
  const firstJs = [...new Set([...referenced(/<script[^>]+src="([^"]+\.js)"/g), ...referenced(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g)])];
  const firstCss = referenced(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+\.css)"/g);
  const size = (path) => {
    const bytes = readFileSync(join(dist, path.replace(/^\//, '')));
    return { file: path, bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  };
  const kb = (n) => Math.round((n / 1024) * 10) / 10;
  const js = firstJs.map(size);
  const css = firstCss.map(size);
  const all = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js')).map((f) => size(`/assets/${f}`));
  const lazy = all.filter((f) => !firstJs.includes(f.file));
  const editor = lazy.filter((f) => /EditorPage|editor|src-/.test(f.file));
  return {
    firstScreenJsGzipKB: kb(js.reduce((s, f) => s + f.gzip, 0)),
    firstScreenJsKB: kb(js.reduce((s, f) => s + f.bytes, 0)),
    firstScreenCssGzipKB: kb(css.reduce((s, f) => s + f.gzip, 0)),
    firstScreenFiles: js.map((f) => `${f.file} ${kb(f.gzip)} KB gzip`),
    lazyJsGzipKB: kb(lazy.reduce((s, f) => s + f.gzip, 0)),
    editorChunksGzipKB: kb(editor.reduce((s, f) => s + f.gzip, 0)),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.stdout.write(`${JSON.stringify(bundleSizes(), null, 2)}\n`);
