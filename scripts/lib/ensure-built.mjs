// Compiles the TypeScript sources to dist/ when dist/ is missing or older than any source, so
// the command-line entry points (npm start, npm run synthesize, …) always run current code.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const repoRoot = new URL('../..', import.meta.url).pathname.replace(/\/$/, '');
const stampFile = join(repoRoot, 'dist', '.build-stamp');

function newestSourceTime(directory) {
  let newest = 0;
  if (!existsSync(directory)) return newest;
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const path = join(directory, entry.name);
    // the web client is built by Vite (ensureWebBuilt), not by tsc
    if (path === join(repoRoot, 'apps', 'web')) continue;
    if (entry.isDirectory()) newest = Math.max(newest, newestSourceTime(path));
    else if (entry.name.endsWith('.ts') || entry.name.endsWith('.json')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

export function ensureBuilt({ quiet = false } = {}) {
  const sources = Math.max(
    ...['apps', 'libs', 'bench'].map((folder) => newestSourceTime(join(repoRoot, folder))),
    ...['tsconfig.json', 'tsconfig.build.json'].map((file) => statSync(join(repoRoot, file)).mtimeMs),
  );
  const built = existsSync(stampFile) ? statSync(stampFile).mtimeMs : 0;
  if (built >= sources) return;
  if (!quiet) process.stderr.write('Building the TypeScript sources (npm run build)…\n');
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit'] });
  execFileSync(process.execPath, ['-e', `require('fs').writeFileSync(${JSON.stringify(stampFile)}, String(Date.now()))`]);
}

// The web client (apps/web, Vite): built into apps/web/dist when that is missing or older than
// its sources or the document schema it imports. The gateway serves it.
const webDir = join(repoRoot, 'apps', 'web');
const webIndex = join(webDir, 'dist', 'index.html');

function newestFileTime(directory) {
  let newest = 0;
  if (!existsSync(directory)) return newest;
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const path = join(directory, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestFileTime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

export function webIsStale() {
  if (!existsSync(webIndex)) return true;
  const sources = Math.max(newestFileTime(webDir), newestFileTime(join(repoRoot, 'libs', 'document-schema', 'src')), statSync(join(repoRoot, 'package.json')).mtimeMs);
  return statSync(webIndex).mtimeMs < sources;
}

export function ensureWebBuilt({ quiet = false } = {}) {
  if (!webIsStale()) return;
  if (!quiet) process.stderr.write('Building the web interface (npm run web:build)…\n');
  execFileSync('npm', ['run', '--silent', 'web:build', '--', '--logLevel', 'warn'], { cwd: repoRoot, stdio: ['ignore', quiet ? 'ignore' : 'inherit', 'inherit'] });
}
