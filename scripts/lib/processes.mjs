// Runs the apps as child processes with readable, prefixed output, and stops them cleanly.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './ensure-built.mjs';

export const appEntries = {
  editor: 'dist/apps/editor/src/main.js',
  feedback: 'dist/apps/feedback/src/main.js',
  worker: 'dist/apps/worker/src/main.js',
  gateway: 'dist/apps/gateway/src/main.js',
};

const levelNames = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' };

/** Turns a pino JSON line into one short human line; other lines pass through. */
export function formatLogLine(service, line) {
  let entry;
  try {
    entry = JSON.parse(line);
  } catch {
    return `${service.padEnd(8)} ${line}`;
  }
  // Nest's start-up inventory (modules, routes) is for debugging, not for the console
  if (entry.level <= 30 && ['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory', 'NestApplication'].includes(entry.context)) return null;
  const time = new Date(entry.time ?? Date.now()).toISOString().slice(11, 19);
  const level = (levelNames[entry.level] ?? 'info').toUpperCase().padEnd(5);
  const request = entry.req ? ` ${entry.req.method} ${entry.req.url} → ${entry.res?.statusCode ?? '?'} ${entry.responseTime ?? ''}ms` : '';
  const error = entry.err?.message ? ` (${entry.err.message})` : '';
  return `${time} ${service.padEnd(8)} ${level} ${entry.msg ?? ''}${request}${error}`;
}

function pipeLines(stream, service, write) {
  let buffer = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk) => {
    buffer += chunk;
    let newline;
    while ((newline = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + 1);
      const formatted = line.trim() ? formatLogLine(service, line) : null;
      if (formatted) write(formatted);
    }
  });
}

/** Starts one app; `onExit(code, signal)` is called when it ends. */
export function startApp(service, env, { onExit, write = (line) => process.stdout.write(`${line}\n`) } = {}) {
  const child = spawn(process.execPath, ['--enable-source-maps', join(repoRoot, appEntries[service])], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  pipeLines(child.stdout, service, write);
  pipeLines(child.stderr, service, write);
  child.on('exit', (code, signal) => onExit?.(code, signal));
  return child;
}

/** SIGTERM, then SIGKILL after `graceMs`. Resolves when the process has exited. */
export function stopProcess(child, graceMs = 10000) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Polls a URL until it answers 200 or the time runs out. */
export async function waitForHealthy(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.status === 200) return await response.json();
      last = `${response.status} ${await response.text()}`;
    } catch (error) {
      last = error.message;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not become healthy within ${timeoutMs / 1000} s: ${last}`);
}
