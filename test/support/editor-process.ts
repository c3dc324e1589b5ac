import { buildBlockIndex, congressSchema } from '@vankien/document-schema';
import * as Y from 'yjs';
import { seedDemoData } from '../../apps/feedback/src/seed/demo-seed';
import { blockText, type CollabClient } from './collab-client';
import { freePort, halfBuilt, spawnApp, waitFor, waitForStableBuild, type AppProcess } from './processes';
import { apiClient, login, openDataSource, serviceEnvironment, startApp } from './test-app';
import { testRedisUrl, type TestDatabase } from './test-database';

// Built editors (dist/apps/editor/src/main.js) as processes of their own, for tests that kill,
// restart or multiply them, and the small pieces those tests share.

export interface EditorProcess {
  app: AppProcess;
  url: string;
  port: number;
  /** What the process printed lately, for a failure message. */
  describe(): string;
}

/** The variables a spawned editor gets: this file's database, its Jest worker's Redis database. */
export function editorEnvironment(database: TestDatabase, port: number): Record<string, string> {
  return {
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    REDIS_URL: testRedisUrl(),
    JWT_SECRET: process.env.JWT_SECRET ?? 'a-test-secret-that-is-long-enough-for-hs256',
    EDITOR_PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'error',
  };
}

/**
 * Spawns a built editor on a free port and waits (bounded) until its /health answers 200.
 * A start from a half-rewritten dist/ (another run rebuilding it) is retried, at most 3 times.
 * `overrides` replace variables of its environment (say REDIS_URL through a proxy).
 */
export async function spawnEditor(database: TestDatabase, timeoutMs = 30_000, overrides: Record<string, string> = {}): Promise<EditorProcess> {
  for (let attempt = 1; ; attempt += 1) {
    await waitForStableBuild();
    const port = await freePort();
    const app = spawnApp('editor', { ...editorEnvironment(database, port), ...overrides });
    const url = `http://127.0.0.1:${port}`;
    const describe = (): string =>
      `--- editor on ${port} (${app.hasExited() ? `exited ${app.child.exitCode ?? app.child.signalCode}` : 'running'}):\n${app.stderr().slice(-2000)}${app.stdout().slice(-1000)}`;
    const ready = await waitFor(`${url}/health`, timeoutMs, (answer) => answer.status === 200 || app.hasExited(), describe).catch((error: Error) => error);
    if (app.hasExited()) {
      if (attempt < 3 && halfBuilt(app.stderr())) {
        await new Promise((resolve) => setTimeout(resolve, 1000 * attempt));
        continue;
      }
      throw new Error(`the editor exited while starting\n${describe()}`);
    }
    if (ready instanceof Error) {
      await app.stop(2000);
      throw ready;
    }
    return { app, url, port, describe };
  }
}

/** SIGKILL: no shutdown hook runs, nothing is flushed. Resolves once the process is gone. */
export async function killHard(editor: EditorProcess): Promise<NodeJS.Signals | null> {
  editor.app.child.kill('SIGKILL');
  const exit = await editor.app.exited;
  return exit.signal;
}

export interface Drafter {
  token: string;
  organizationId: string;
}

/**
 * Seeds the demo data and logs the province's drafter in through an in-process feedback app
 * (closed again at once).
 */
export async function seedAndLoginDrafter(database: TestDatabase): Promise<Drafter> {
  const dataSource = await openDataSource(database);
  try {
    await seedDemoData(dataSource);
  } finally {
    await dataSource.destroy();
  }
  const feedback = await startApp('feedback', serviceEnvironment(database, { LOGIN_ATTEMPTS_PER_MINUTE: '1000' }));
  try {
    const token = (await login(feedback.url, 'tieuban@vankien.local')).accessToken;
    const me = await apiClient(feedback.url).get<{ memberships: { organizationId: string }[] }>('/api/me', token);
    return { token, organizationId: me.body.memberships[0].organizationId };
  } finally {
    await feedback.close();
  }
}

export interface ContentNode {
  type: string;
  text?: string;
  attrs?: Record<string, unknown>;
  content?: ContentNode[];
}

export interface DocumentView {
  id: string;
  content: ContentNode;
}

/** Creates a political report; returns its id and the block ids of its first paragraphs. */
export async function createDocument(editorUrl: string, drafter: Drafter, title: string): Promise<{ id: string; paragraphs: string[] }> {
  const created = await apiClient(editorUrl).post<DocumentView>(
    '/api/documents',
    { organizationId: drafter.organizationId, kind: 'political_report', title, term: '2025–2030' },
    drafter.token,
  );
  if (created.status !== 201) throw new Error(`creating a document failed: ${created.status} ${JSON.stringify(created.body)}`);
  const index = buildBlockIndex(congressSchema.nodeFromJSON(created.body.content));
  const paragraphs = index.filter((block) => block.type === 'paragraph').map((block) => block.blockId);
  if (paragraphs.length < 2) throw new Error('the template has fewer than two paragraphs');
  return { id: created.body.id, paragraphs };
}

/** GET /api/documents/:id (the live draft, read from PostgreSQL). */
export async function fetchDocument(editorUrl: string, drafter: Drafter, documentId: string): Promise<DocumentView> {
  const answer = await apiClient(editorUrl).get<DocumentView>(`/api/documents/${documentId}`, drafter.token);
  if (answer.status !== 200) throw new Error(`GET /api/documents/${documentId} answered ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** The text of the block with this id in ProseMirror JSON ('' when absent). */
export function contentBlockText(node: ContentNode, blockId: string): string {
  const collect = (current: ContentNode): string => (current.text ?? '') + (current.content ?? []).map(collect).join('');
  const find = (current: ContentNode): ContentNode | undefined => {
    if (current.attrs?.blockId === blockId) return current;
    for (const child of current.content ?? []) {
      const found = find(child);
      if (found) return found;
    }
    return undefined;
  };
  const block = find(node);
  return block ? collect(block) : '';
}

/** The texts of these blocks in a client's Y.Doc. */
export function textsOf(ydoc: Y.Doc, blockIds: string[]): string[] {
  return blockIds.map((blockId) => blockText(ydoc, blockId));
}

/** The texts the union of these Yjs states has in these blocks (what a server holding them all shows). */
export function mergedTexts(states: Uint8Array[], blockIds: string[]): string[] {
  const ydoc = new Y.Doc();
  try {
    states.forEach((state) => Y.applyUpdate(ydoc, state));
    return textsOf(ydoc, blockIds);
  } finally {
    ydoc.destroy();
  }
}

/** Whether `part` is a subsequence of `whole` (insert-only edits keep every earlier character, in order). */
export function isSubsequence(part: string, whole: string): boolean {
  let at = 0;
  for (const character of part) {
    at = whole.indexOf(character, at);
    if (at < 0) return false;
    at += 1;
  }
  return true;
}

/** The Yjs clients whose structs `recorded` has and `actual` lacks: { clientId: [actual clock, recorded clock] }. */
export function missingStructs(actual: Map<number, number>, recorded: Map<number, number>): Record<string, [number, number]> {
  const missing: Record<string, [number, number]> = {};
  for (const [clientId, clock] of recorded) {
    const have = actual.get(clientId) ?? 0;
    if (have < clock) missing[String(clientId)] = [have, clock];
  }
  return missing;
}

/** What a client had when it last had no unacknowledged change (its provider's count fell to 0). */
export interface SyncedMoment {
  at: number;
  /** Its own edits typed so far (all acknowledged at that moment). */
  typed: number;
  stateVector: Map<number, number>;
  texts: string[];
}

/**
 * Records, at every moment the provider's unacknowledged-change count falls to zero, the state
 * of the client's document: every local edit in it was acknowledged, so stored, by then.
 */
export function recordSyncedMoments(client: CollabClient, blockIds: string[], typed: () => number): { last(): SyncedMoment | undefined; count(): number } {
  let last: SyncedMoment | undefined;
  let count = 0;
  client.provider.on('unsyncedChanges', ({ number }: { number: number }) => {
    if (number !== 0) return;
    count += 1;
    last = { at: Date.now(), typed: typed(), stateVector: Y.decodeStateVector(Y.encodeStateVector(client.ydoc)), texts: textsOf(client.ydoc, blockIds) };
  });
  return { last: () => last, count: () => count };
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
