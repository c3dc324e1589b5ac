import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

/** The built entry points, as `npm start` runs them (scripts/lib/processes.mjs). */
export type AppName = 'editor' | 'feedback' | 'worker' | 'gateway';

export const repoRoot = resolve(__dirname, '../..');

export const appEntries: Record<AppName, string> = {
  editor: 'dist/apps/editor/src/main.js',
  feedback: 'dist/apps/feedback/src/main.js',
  worker: 'dist/apps/worker/src/main.js',
  gateway: 'dist/apps/gateway/src/main.js',
};

interface BuildState {
  newest: number;
  unresolved: number;
}

/** The newest compiled file, and how many still import '@vankien/…' (tsc has run, tsc-alias not yet). */
function buildState(directory: string, state: BuildState = { newest: 0, unresolved: 0 }): BuildState {
  if (!existsSync(directory)) return state;
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    try {
      if (entry.isDirectory()) buildState(path, state);
      else if (entry.name.endsWith('.js')) {
        state.newest = Math.max(state.newest, statSync(path).mtimeMs);
        if (readFileSync(path, 'utf8').includes('require("@vankien/')) state.unresolved += 1;
      }
    } catch {
      // removed while we looked: a build is rewriting it
    }
  }
  return state;
}

const sleep = (ms: number): Promise<void> => new Promise((resolveDelay) => setTimeout(resolveDelay, ms));

let buildNeverSettled = false;

/**
 * Waits (bounded) until no `npm run build` is half-way through rewriting dist/: other test runs
 * on this machine rebuild it when sources change, and between tsc and tsc-alias the compiled
 * files still import '@vankien/…', which Node cannot resolve.
 */
export async function waitForStableBuild(timeoutMs = 30_000): Promise<void> {
  // a build that failed half-way stays unfinished until someone fixes it: wait for it once only
  if (buildNeverSettled) return;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const apps = buildState(join(repoRoot, 'dist', 'apps'));
    const state = buildState(join(repoRoot, 'dist', 'libs'), apps);
    if (state.unresolved === 0 && Date.now() - state.newest > 1500) return;
    await sleep(500);
  }
  buildNeverSettled = true;
}

/** The output of an app started from a half-written build (see waitForStableBuild). */
export function halfBuilt(stderr: string): boolean {
  return /Cannot find module '@vankien\//.test(stderr);
}

/** A TCP port nobody listens on now, on 127.0.0.1 (the kernel picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (address === null || typeof address === 'string') return reject(new Error('no TCP address'));
      server.close(() => resolvePort(address.port));
    });
  });
}

/**
 * Only what Node needs to run: the apps must see exactly the variables a test gives them, not
 * the ones Jest's process happens to have (REDIS_URL, JWT_SECRET from npm test…).
 */
function baseEnvironment(): Record<string, string> {
  const keep = ['PATH', 'HOME', 'TMPDIR', 'LANG', 'TZ'];
  return Object.fromEntries(keep.filter((name) => process.env[name] !== undefined).map((name) => [name, process.env[name] as string]));
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface AppProcess {
  readonly name: AppName;
  readonly child: ChildProcess;
  /** Resolves when the process has exited (never rejects). */
  readonly exited: Promise<Exit>;
  /** Everything written to stdout and stderr so far. */
  stdout(): string;
  stderr(): string;
  hasExited(): boolean;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves with the exit and whether it was killed. */
  stop(graceMs?: number): Promise<Exit & { killed: boolean; durationMs: number }>;
}

const running = new Set<AppProcess>();

/** Kept bounded so a chatty process cannot fill the test's memory. */
const maxCapturedChars = 200_000;

/** Starts one built app with exactly `environment` (plus PATH/HOME). */
export function spawnApp(name: AppName, environment: Record<string, string>): AppProcess {
  const child = spawn(process.execPath, ['--enable-source-maps', join(repoRoot, appEntries[name])], {
    cwd: repoRoot,
    env: { ...baseEnvironment(), ...environment },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    out = (out + chunk).slice(-maxCapturedChars);
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    err = (err + chunk).slice(-maxCapturedChars);
  });
  let exitInfo: Exit | undefined;
  const exited = new Promise<Exit>((resolveExit) => {
    child.once('exit', (code, signal) => {
      exitInfo = { code, signal };
      resolveExit(exitInfo);
    });
    child.once('error', () => {
      exitInfo ??= { code: null, signal: null };
      resolveExit(exitInfo);
    });
  });
  const process_: AppProcess = {
    name,
    child,
    exited,
    stdout: () => out,
    stderr: () => err,
    hasExited: () => exitInfo !== undefined,
    async stop(graceMs = 10_000) {
      const started = Date.now();
      let killed = false;
      if (exitInfo === undefined) {
        const timer = setTimeout(() => {
          killed = true;
          child.kill('SIGKILL');
        }, graceMs);
        child.kill('SIGTERM');
        await exited;
        clearTimeout(timer);
      }
      const exit = await exited;
      return { ...exit, killed, durationMs: Date.now() - started };
    },
  };
  running.add(process_);
  void exited.then(() => running.delete(process_));
  return process_;
}

/** Runs an app that is expected to exit by itself; kills it after `timeoutMs` (then `timedOut`). */
export async function runUntilExit(
  name: AppName,
  environment: Record<string, string>,
  timeoutMs: number,
): Promise<Exit & { stdout: string; stderr: string; durationMs: number; timedOut: boolean }> {
  for (let attempt = 1; ; attempt += 1) {
    await waitForStableBuild();
    const started = Date.now();
    const app = spawnApp(name, environment);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      app.child.kill('SIGKILL');
    }, timeoutMs);
    const exit = await app.exited;
    clearTimeout(timer);
    // the pipes may still hold the last lines after 'exit'
    if (!(app.child.stdout?.closed && app.child.stderr?.closed)) await Promise.race([new Promise((resolveClosed) => app.child.once('close', resolveClosed)), sleep(2000)]);
    const run = { ...exit, stdout: app.stdout(), stderr: app.stderr(), durationMs: Date.now() - started, timedOut };
    // a concurrent rebuild of dist/ is not what the test is about: try again (bounded)
    if (attempt < 4 && halfBuilt(run.stderr)) {
      await sleep(1000 * attempt);
      continue;
    }
    return run;
  }
}

/** Kills every app this test file started and that is still running (for afterAll). */
export async function stopAllApps(graceMs = 5000): Promise<void> {
  await Promise.all([...running].map((app) => app.stop(graceMs)));
}

export interface HealthAnswer<T = unknown> {
  status: number;
  body: T;
}

/** GETs `url` as JSON; a connection failure or timeout answers status 0. */
export async function getJson<T = unknown>(url: string, timeoutMs = 3000): Promise<HealthAnswer<T>> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body: body as T };
  } catch (error) {
    return { status: 0, body: (error instanceof Error ? error.message : String(error)) as T };
  }
}

/**
 * Polls `url` until `accept` says yes (default: status 200) or `timeoutMs` runs out; throws with
 * the last answer (and `describe()` of the processes, when given) if it never does.
 */
export async function waitFor<T = unknown>(
  url: string,
  timeoutMs: number,
  accept: (answer: HealthAnswer<T>) => boolean = (answer) => answer.status === 200,
  describe: () => string = () => '',
): Promise<HealthAnswer<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: HealthAnswer<T> = { status: 0, body: 'no answer' as T };
  for (let attempt = 0; attempt < 10_000 && Date.now() < deadline; attempt += 1) {
    last = await getJson<T>(url, Math.max(100, Math.min(3000, deadline - Date.now())));
    if (accept(last)) return last;
    await new Promise((resolveDelay) => setTimeout(resolveDelay, 250));
  }
  throw new Error(`${url} did not answer as expected within ${timeoutMs / 1000} s; last: ${last.status} ${JSON.stringify(last.body)}\n${describe()}`);
}
