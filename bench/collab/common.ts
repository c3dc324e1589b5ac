// Helpers shared by the collaboration benchmark's processes: /proc readings, percentiles, and a
// provider-ready WebSocket for Node (the v4 provider ignores the old WebSocketPolyfill option).
import { readFileSync, readdirSync } from 'node:fs';
import WebSocket from 'ws';
import * as Y from 'yjs';

Object.assign(globalThis, { WebSocket: (globalThis as { WebSocket?: unknown }).WebSocket ?? WebSocket });

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ, 100 on Linux). */
const ticksPerSecond = 100;

export interface ProcessReading {
  /** user + system CPU of every thread, ms */
  cpuMs: number;
  /** of which in the kernel (system), ms */
  systemMs: number;
  /** of which on the main thread (the event loop), ms */
  mainThreadMs: number;
  rssMb: number;
}

/** utime and stime of a /proc stat line, ms. */
function statTimes(stat: string): { userMs: number; systemMs: number } {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // after the command: state(0) ppid(1) … utime(11) stime(12)
  return { userMs: (Number(fields[11]) * 1000) / ticksPerSecond, systemMs: (Number(fields[12]) * 1000) / ticksPerSecond };
}

/** CPU and RSS of one process, from /proc (undefined when it has exited). */
export function readProcess(pid: number): ProcessReading | undefined {
  try {
    const { userMs, systemMs } = statTimes(readFileSync(`/proc/${pid}/stat`, 'utf8'));
    const mainThread = statTimes(readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8'));
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return { cpuMs: userMs + systemMs, systemMs, mainThreadMs: mainThread.userMs + mainThread.systemMs, rssMb: rssKb / 1024 };
  } catch {
    return undefined;
  }
}

/** A process and all its children (PostgreSQL's postmaster and backends), summed. */
export function readProcessTree(rootPid: number): ProcessReading {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // exited meanwhile
    }
  }
  const members = new Set([rootPid]);
  for (let grew = true, rounds = 0; grew && rounds < 10; rounds += 1) {
    grew = false;
    for (const [pid, parent] of parents) {
      if (members.has(parent) && !members.has(pid)) {
        members.add(pid);
        grew = true;
      }
    }
  }
  const sum: ProcessReading = { cpuMs: 0, systemMs: 0, mainThreadMs: 0, rssMb: 0 };
  for (const pid of members) {
    const reading = readProcess(pid);
    if (reading) {
      sum.cpuMs += reading.cpuMs;
      sum.systemMs += reading.systemMs;
      sum.mainThreadMs += reading.mainThreadMs;
      sum.rssMb += reading.rssMb;
    }
  }
  return sum;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `condition` every 20 ms; throws after `timeoutMs`. */
export async function waitUntil(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(20);
  }
}

/** Wall-clock milliseconds with sub-millisecond precision, comparable between processes. */
export const now = (): number => performance.timeOrigin + performance.now();

/** A small deterministic generator (mulberry32). */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The paragraphs' first text nodes of a ProseMirror Y.Doc (what a typist types into). */
export function paragraphTexts(ydoc: Y.Doc): Y.XmlText[] {
  const texts: Y.XmlText[] = [];
  const walker = ydoc.getXmlFragment('prosemirror').createTreeWalker((node) => node instanceof Y.XmlElement && node.nodeName === 'paragraph');
  for (const element of walker) {
    const text = (element as Y.XmlElement).toArray().find((child): child is Y.XmlText => child instanceof Y.XmlText);
    if (text) texts.push(text);
  }
  return texts;
}

export const mb = (bytes: number): number => Math.round((bytes / 1024 / 1024) * 10) / 10;
