import WebSocket from 'ws';
import { connectClient } from './support/collab-client';
import { freePort, spawnApp, stopAllApps, waitFor, waitForStableBuild } from './support/processes';
import { seededDatabase, flushWorkerRedis, type SeededDatabase } from './support/seeded-system';
import { apiClient, login, serviceEnvironment, startApp, type RunningApp } from './support/test-app';

// Cross-site WebSocket hijacking (ASVS 4.4.2): a page of another origin must not open /collab
// in a user's browser. The editor checks Origin against PUBLIC_ORIGINS (by default the public
// address on this machine) and answers 403 on the upgrade, directly and through the gateway,
// which forwards the header untouched. Clients that send no Origin (Node, tools) are let through.

interface UpgradeAnswer {
  status: number;
  body: string;
}

/** Opens a WebSocket on /collab with the given Origin; resolves with 101 or the refusal's status and body. */
function upgrade(baseUrl: string, origin?: string): Promise<UpgradeAnswer> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/collab`, origin === undefined ? {} : { headers: { Origin: origin } });
    socket.once('open', () => {
      socket.close();
      resolve({ status: 101, body: '' });
    });
    socket.once('unexpected-response', (_request, response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    socket.once('error', reject);
  });
}

describe('/collab upgrades are checked against the public origins', () => {
  let seeded: SeededDatabase;
  let editor: RunningApp;
  let feedback: RunningApp;
  let gateway: string;
  let allowed: string;
  let documentId: string;
  let token: string;

  beforeAll(async () => {
    await flushWorkerRedis();
    await waitForStableBuild();
    seeded = await seededDatabase();
    const port = await freePort();
    allowed = `http://localhost:${port}`;
    // PUBLIC_ORIGINS unset: the default, the gateway's own address on this machine
    const environment = serviceEnvironment(seeded.database, { PORT: String(port), LOGIN_ATTEMPTS_PER_MINUTE: '1000' });
    feedback = await startApp('feedback', environment);
    editor = await startApp('editor', environment);
    spawnApp('gateway', { ...environment, EDITOR_URL: editor.url, FEEDBACK_URL: feedback.url, HOST: '127.0.0.1' });
    gateway = `http://127.0.0.1:${port}`;
    await waitFor(`${gateway}/health`, 20_000, (answer) => answer.status > 0);
    token = (await login(feedback.url, 'tieuban@vankien.local')).accessToken;
    const created = await apiClient(editor.url).post<{ id: string }>(
      '/api/documents',
      { organizationId: seeded.org.LC, kind: 'resolution', title: 'Nghị quyết', term: '2025–2030' },
      token,
    );
    documentId = created.body.id;
  });

  afterAll(async () => {
    await stopAllApps();
    await editor?.close();
    await feedback?.close();
    await seeded?.close();
  });

  it.each([
    ['the editor directly', () => editor.url],
    ['the gateway', () => gateway],
  ])('through %s: a foreign or opaque origin gets 403, the public origin and no origin are let in', async (_where, base) => {
    const evil = await upgrade(base(), 'http://evil.example');
    expect(evil.status).toBe(403);
    expect(JSON.parse(evil.body)).toMatchObject({ code: 'ORIGIN_NOT_ALLOWED' });
    expect((await upgrade(base(), 'null')).status).toBe(403);
    // a look-alike: same host name under another port or scheme is another origin
    expect((await upgrade(base(), allowed.replace(/:\d+$/, ':1'))).status).toBe(403);
    expect((await upgrade(base(), allowed.replace('http:', 'https:'))).status).toBe(403);

    expect((await upgrade(base(), allowed)).status).toBe(101);
    expect((await upgrade(base(), allowed.replace('localhost', 'LOCALHOST'))).status).toBe(101);
    expect((await upgrade(base(), allowed.replace('localhost', '127.0.0.1'))).status).toBe(101);
    expect((await upgrade(base())).status).toBe(101);
    // and a provider (Node: no Origin) goes on to edit
    const client = await connectClient(base(), documentId, token);
    expect(client.readOnly()).toBe(false);
    client.close();
  });
});
