import { randomUUID } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { buildBlockIndex, congressSchema } from '@vankien/document-schema';
import { loadYDoc } from '@vankien/database';
import { DocumentUpdate } from '@vankien/domain';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { UpdateValidator } from '../apps/editor/src/collaboration/update-validator';
import { allSaved, blockText, connectClient, typeInto } from './support/collab-client';
import { seededSystem, type SeededSystem } from './support/seeded-system';
import { apiClient, login } from './support/test-app';
import { mulberry32 } from '../libs/synthesis/src/hash';
import { authMessage, hocuspocusMessage } from './support/raw-collab';

// A bounded fuzz pass over the collaboration protocol, over real sockets to the editor: random
// and boundary frames (garbage, truncated varints, huge claimed lengths, unknown message types,
// awareness garbage, authentication with bad tokens, damaged updates), before and after
// authentication, as a drafter and as a reader. Each case must get an answer (a reply to a
// probe, a refusal, or a close) within a few seconds; afterwards nothing of it is stored and a
// healthy client still edits. FUZZ_CASES (default 300) and FUZZ_SEED reproduce or widen a run.

const cases = Number(process.env.FUZZ_CASES ?? 300);
const seed = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const concurrency = 6;
const answerTimeoutMs = 5_000;

jest.setTimeout(Math.max(60_000, cases * 200));

type Who = 'drafter' | 'reader';

interface FuzzCase {
  kind: string;
  /** Authenticate for the fuzz document first (as whom), or send the frames on a fresh socket. */
  authenticateAs?: Who;
  frames: (Uint8Array | string)[];
}

const bigLengths = [2 ** 31, 2 ** 32 + 1, 2 ** 50, Number.MAX_SAFE_INTEGER];

function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** SyncStep1 with an empty state vector: a live connection answers it with SyncStep2. */
const probe = (documentName: string): Uint8Array =>
  hocuspocusMessage(documentName, 0, (encoder) => {
    encoding.writeVarUint(encoder, 0);
    encoding.writeVarUint8Array(encoder, Y.encodeStateVector(new Y.Doc()));
  });

describe(`fuzzing the collaboration protocol (${cases} cases, FUZZ_SEED=${seed})`, () => {
  let system: SeededSystem;
  let documentId: string;
  let blockId: string;
  let tokens: Record<Who, string>;
  let badTokens: string[];
  let validUpdate: Uint8Array;

  beforeAll(async () => {
    system = await seededSystem(['tieuban', 'thuongvu1', 'vanphong.tp']);
    tokens = { drafter: system.tokens.tieuban, reader: system.tokens.thuongvu1 };
    const created = await apiClient(system.editor.url).post<{ id: string; content: Parameters<typeof congressSchema.nodeFromJSON>[0] }>(
      '/api/documents',
      { organizationId: system.org.LC, kind: 'political_report', title: 'Báo cáo chính trị', term: '2025–2030' },
      tokens.drafter,
    );
    documentId = created.body.id;
    const paragraph = buildBlockIndex(congressSchema.nodeFromJSON(created.body.content)).find((block) => block.type === 'paragraph');
    if (!paragraph) throw new Error('no paragraph');
    blockId = paragraph.blockId;
    // a real keystroke of this document, to damage
    const { ydoc } = await loadYDoc(system.dataSource, documentId);
    ydoc.on('update', (update: Uint8Array) => (validUpdate = update));
    typeInto(ydoc, blockId, 0, 'Chữ thật. ');

    const payload = JSON.parse(Buffer.from(tokens.drafter.split('.')[1], 'base64url').toString()) as { sub: string };
    const rightSecret = new JwtService({ secret: process.env.JWT_SECRET });
    const claims = { sub: payload.sub, email: 'tieuban@vankien.local', typ: 'access', jti: randomUUID(), sid: randomUUID() };
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    badTokens = [
      '',
      'not-a-jwt',
      'a.b.c',
      `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`,
      new JwtService({ secret: 'another-secret-that-is-long-enough-for-hs256' }).sign(claims, { expiresIn: 60 }),
      rightSecret.sign(claims, { expiresIn: -10 }),
      rightSecret.sign({ sub: payload.sub, typ: 'access' }, { expiresIn: 60 }),
      rightSecret.sign({ ...claims, typ: 'refresh' }, { expiresIn: 60 }),
      system.tokens['vanphong.tp'],
      'x'.repeat(64 * 1024),
      '\u0000\uffff\ud800',
    ];
    // a logged-out session's token
    const session = await login(system.feedback.url, 'tieuban@vankien.local');
    await apiClient(system.feedback.url).post('/api/auth/logout', { refreshToken: session.refreshToken }, session.accessToken);
    badTokens.push(session.accessToken);
  });

  afterAll(async () => {
    await system?.closeAll();
  });

  /** One random case, drawn from the categories in turn. */
  const draw = (random: () => number, index: number): FuzzCase => {
    const int = (below: number): number => Math.floor(random() * below);
    const pick = <T>(items: readonly T[]): T => items[int(items.length)];
    const bytes = (length: number): Uint8Array => Uint8Array.from({ length }, () => int(256));
    const who: Who = random() < 0.5 ? 'drafter' : 'reader';
    const kinds = ['random-bytes', 'truncated-varint', 'huge-length', 'unknown-type', 'awareness', 'bad-auth', 'sync-garbage', 'damaged-update', 'other-types', 'other-document', 'text-frame'] as const;
    const kind = kinds[index % kinds.length];
    switch (kind) {
      case 'random-bytes':
        return { kind, frames: Array.from({ length: 1 + int(3) }, () => bytes(random() < 0.9 ? int(257) : 4096)) };
      case 'truncated-varint': {
        // a varint whose continuation bit never ends, in the name, the type, or a length
        const endless = Uint8Array.from({ length: 1 + int(12) }, () => 0x80 | int(128));
        const where = int(3);
        const prefix = where === 0 ? new Uint8Array() : where === 1 ? frame((e) => encoding.writeVarString(e, documentId)) : hocuspocusMessage(documentId, 0, (e) => encoding.writeVarUint(e, int(3)));
        return { kind, authenticateAs: where === 0 ? undefined : who, frames: [Uint8Array.from([...prefix, ...endless])] };
      }
      case 'huge-length': {
        const length = pick(bigLengths);
        const variant = int(4);
        if (variant === 0) return { kind, frames: [Uint8Array.from([...frame((e) => encoding.writeVarUint(e, length)), ...bytes(int(16))])] };
        const type = pick([0, 1, 5]);
        return {
          kind,
          authenticateAs: who,
          frames: [
            hocuspocusMessage(documentId, type, (e) => {
              if (type === 0) encoding.writeVarUint(e, int(3));
              encoding.writeVarUint(e, length);
              encoding.writeUint8Array(e, bytes(int(32)));
            }),
          ],
        };
      }
      case 'unknown-type': {
        const type = random() < 0.7 ? 11 + int(60) : pick(bigLengths);
        const subtype = random() < 0.5 ? undefined : 3 + int(250);
        return {
          kind,
          authenticateAs: who,
          frames: [subtype === undefined ? hocuspocusMessage(documentId, type, (e) => encoding.writeUint8Array(e, bytes(int(64)))) : hocuspocusMessage(documentId, 0, (e) => {
            encoding.writeVarUint(e, subtype);
            encoding.writeVarUint8Array(e, bytes(int(64)));
          })],
        };
      }
      case 'awareness': {
        const variant = int(5);
        const update = frame((e) => {
          if (variant === 0) encoding.writeUint8Array(e, bytes(int(128)));
          else if (variant === 1) encoding.writeVarUint(e, pick(bigLengths));
          else {
            encoding.writeVarUint(e, 1);
            encoding.writeVarUint(e, int(2 ** 30));
            encoding.writeVarUint(e, int(1000));
            const state = variant === 2 ? '{"user":{"name":' : variant === 3 ? '['.repeat(10_000 + int(100_000)) : JSON.stringify({ user: { name: 'Giả mạo' }, big: 'x'.repeat(int(200_000)) });
            encoding.writeVarString(e, state);
          }
        });
        return { kind, authenticateAs: who, frames: [hocuspocusMessage(documentId, 1, (e) => encoding.writeVarUint8Array(e, update))] };
      }
      case 'bad-auth': {
        const name = random() < 0.8 ? documentId : pick([randomUUID(), '', 'không-phải-uuid', '\u0000'.repeat(int(5))]);
        const token = random() < 0.85 ? pick(badTokens) : random() < 0.5 ? tokens.drafter : String.fromCharCode(...bytes(int(64)));
        // a valid token for a name that is not a document is a bad authentication too
        return { kind, frames: [authMessage(name === documentId && token === tokens.drafter ? randomUUID() : name, token, random() < 0.8 ? 0 : int(300))] };
      }
      case 'sync-garbage':
        return {
          kind,
          authenticateAs: who,
          frames: [hocuspocusMessage(documentId, pick([0, 4]), (e) => {
            encoding.writeVarUint(e, int(3));
            encoding.writeVarUint8Array(e, random() < 0.8 ? bytes(int(512)) : frame((inner) => [1, 2 ** 50, 7, 0, 0, 1, 0].forEach((value) => encoding.writeVarUint(inner, value))));
          })],
        };
      case 'damaged-update': {
        // truncated, or claiming more client sections than it has: never a valid update
        const damaged = random() < 0.6 ? validUpdate.slice(0, 1 + int(validUpdate.length - 1)) : Uint8Array.from([...frame((e) => encoding.writeVarUint(e, 2 + int(2 ** 20))), ...validUpdate.slice(1)]);
        return {
          kind,
          authenticateAs: who,
          frames: [hocuspocusMessage(documentId, 0, (e) => {
            encoding.writeVarUint(e, 1 + int(2));
            encoding.writeVarUint8Array(e, damaged);
          })],
        };
      }
      case 'other-types': {
        // stateless, broadcast-stateless (server-internal), query awareness, sync reply, close, sync status, ping, pong
        const type = pick([3, 4, 5, 6, 7, 8, 9, 10]);
        return { kind, authenticateAs: who, frames: [hocuspocusMessage(documentId, type, (e) => encoding.writeUint8Array(e, bytes(int(48))))] };
      }
      case 'other-document':
        // an update addressed to a document this socket never authenticated for
        return {
          kind,
          authenticateAs: who,
          frames: [hocuspocusMessage(randomUUID(), 0, (e) => {
            encoding.writeVarUint(e, 2);
            encoding.writeVarUint8Array(e, validUpdate);
          })],
        };
      case 'text-frame':
        return { kind, authenticateAs: random() < 0.5 ? who : undefined, frames: [String.fromCharCode(...bytes(int(200)))] };
    }
  };

  /**
   * Runs one case: resolves with how the server answered (a probe's reply or a refusal, or a
   * closed socket), or with what went wrong.
   */
  const run = async (fuzz: FuzzCase): Promise<'answered' | 'closed' | { problem: string }> => {
    const socket = new WebSocket(`${system.editor.url.replace(/^http/, 'ws')}/collab`);
    let answered = false;
    let closed = false;
    let authenticated = false;
    socket.on('close', () => (closed = true));
    socket.on('error', () => (closed = true));
    socket.on('message', (data: Buffer) => {
      try {
        const decoder = decoding.createDecoder(new Uint8Array(data));
        decoding.readVarString(decoder);
        const type = decoding.readVarUint(decoder);
        const subtype = decoding.hasContent(decoder) ? decoding.readVarUint(decoder) : -1;
        if (type === 2 && subtype === 2) authenticated = true;
        // SyncStep2 (the probe's reply), PermissionDenied, CLOSE
        if ((type === 0 && subtype === 1) || (type === 2 && subtype === 1) || type === 7) answered = true;
      } catch {
        // a message the test cannot read is not an answer
      }
    });
    const until = async (condition: () => boolean, ms: number): Promise<boolean> => {
      const deadline = Date.now() + ms;
      while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
      return condition();
    };
    try {
      if (!(await until(() => socket.readyState === WebSocket.OPEN || closed, answerTimeoutMs))) return { problem: 'the socket did not open' };
      if (closed) return { problem: 'the socket was refused' };
      if (fuzz.authenticateAs) {
        socket.send(authMessage(documentId, tokens[fuzz.authenticateAs]));
        if (!(await until(() => authenticated || closed, answerTimeoutMs))) return { problem: 'a valid authentication got no answer' };
        answered = false;
      }
      for (const data of fuzz.frames) socket.send(data);
      // a bad authentication is answered by its refusal; otherwise ask something every live connection answers
      if (fuzz.kind !== 'bad-auth') {
        if (!fuzz.authenticateAs) socket.send(authMessage(documentId, tokens.drafter));
        socket.send(probe(documentId));
      }
      if (!(await until(() => answered || closed, answerTimeoutMs))) return { problem: `no answer within ${answerTimeoutMs} ms` };
      return answered ? 'answered' : 'closed';
    } finally {
      socket.terminate();
    }
  };

  /** Sends a SyncStep2 as the reader; resolves with the close code, or "still open" after 5 s. */
  const readerSyncStep2 = async (update: Uint8Array): Promise<number | string> => {
    const socket = new WebSocket(`${system.editor.url.replace(/^http/, 'ws')}/collab`);
    const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
    await new Promise((resolve) => socket.once('open', resolve));
    const authenticated = new Promise<void>((resolve) => socket.on('message', () => resolve()));
    socket.send(authMessage(documentId, tokens.reader));
    await authenticated;
    socket.send(hocuspocusMessage(documentId, 0, (e) => {
      encoding.writeVarUint(e, 1);
      encoding.writeVarUint8Array(e, update);
    }));
    const code = await Promise.race([closed, new Promise<string>((resolve) => setTimeout(() => resolve('still open'), 5_000))]);
    socket.terminate();
    return code;
  };

  it('checks a reader’s SyncStep2 before Hocuspocus decodes it on the main thread: a heavy one is refused unread, a crafted one in a decoder thread', async () => {
    // one struct holding an array of a million `undefined`: valid, and about 0.1 s of CPU to
    // decode, which Hocuspocus spends on a read-only connection's SyncStep2 to answer it
    const heavy = frame((e) => {
      [1, 1, 7, 0].forEach((value) => encoding.writeVarUint(e, value));
      encoding.writeUint8(e, 8);
      encoding.writeVarUint(e, 1);
      encoding.writeVarString(e, 'prosemirror');
      encoding.writeVarUint(e, 1_000_000);
      for (let index = 0; index < 1_000_000; index += 1) encoding.writeUint8(e, 127);
      encoding.writeVarUint(e, 0);
    });
    // a few bytes claiming 2^50 structs
    const crafted = frame((e) => [1, 2 ** 50, 7, 0, 0, 1, 0].forEach((value) => encoding.writeVarUint(e, value)));
    const validator = system.editor.app.get(UpdateValidator);
    const before = { ...validator.decoded };
    expect(await readerSyncStep2(heavy)).toBe(4400);
    expect(validator.decoded).toEqual(before);
    expect(await readerSyncStep2(crafted)).toBe(4401);
    expect(validator.decoded.decoderThread).toBe(before.decoderThread + 1);
  });

  it('answers every case without crashing or hanging, stores nothing of it, and serves a healthy client afterwards', async () => {
    const rowsBefore = await system.dataSource.getRepository(DocumentUpdate).count();
    const random = mulberry32(seed);
    const drawn = Array.from({ length: cases }, (_, index) => draw(random, index));
    const failures: string[] = [];
    const outcomes = { answered: 0, closed: 0 };
    // Hocuspocus reports each refused frame on the console: hundreds of stack traces say nothing here
    const quiet = ['error', 'warn', 'log'].map((method) => jest.spyOn(console, method as 'error').mockImplementation(() => undefined));
    const started = Date.now();
    try {
      let next = 0;
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (next < drawn.length) {
            const index = next++;
            const outcome = await run(drawn[index]);
            if (typeof outcome === 'string') outcomes[outcome] += 1;
            else failures.push(`case ${index} (${drawn[index].kind}${drawn[index].authenticateAs ? `, as ${drawn[index].authenticateAs}` : ''}): ${outcome.problem}`);
          }
        }),
      );
    } finally {
      quiet.forEach((spy) => spy.mockRestore());
    }
    const elapsed = Date.now() - started;
    expect({ seed, failures }).toEqual({ seed, failures: [] });
    // not vacuous: many connections survived their garbage and answered the probe, many were closed
    expect(outcomes.answered).toBeGreaterThan(cases / 5);
    expect(outcomes.closed).toBeGreaterThan(cases / 10);
    expect(await system.dataSource.getRepository(DocumentUpdate).count()).toBe(rowsBefore);

    // the server still serves: a drafter edits and it is stored
    const healthy = await connectClient(system.editor.url, documentId, tokens.drafter);
    try {
      typeInto(healthy.ydoc, blockId, 0, 'Sau đợt thử. ');
      await allSaved(healthy);
    } finally {
      healthy.close();
    }
    const { ydoc } = await loadYDoc(system.dataSource, documentId);
    expect(blockText(ydoc, blockId)).toContain('Sau đợt thử.');
    expect(blockText(ydoc, blockId)).not.toContain('Chữ thật.');
    expect(elapsed).toBeLessThan(Math.max(30_000, cases * 100));
  });
});
