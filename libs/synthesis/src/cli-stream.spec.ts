import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { BatchEncoder, BlockStore, LineSplitter, StoreRunner, blocksReportJsonChunks, type BlockJson, type CommentBatch, type StoreReply, type StoreRequest } from './cli-stream';
import { buildReport, reportJsonChunks } from './report';
import { BlockCollector } from './synthesize';
import { validateCommentInput } from './validate';
import { loadFixture, shuffled } from '../test/support';
import type { CommentInput } from './types';

const fixture = loadFixture();

/** The fixture with a few lines in legacy encodings, supporters, contributors' own comments, and blocks without a document. */
function comments(): CommentInput[] {
  return fixture.map((line, index) => {
    const extra =
      index % 7 === 0 ? { supporters: 3, supportersTotal: 5 } : index % 11 === 0 ? { supporters: 2 } : index % 5 === 0 ? { unit: `user:${index % 3}`, contributor: true } : {};
    const value = { ...line, ...extra, ...(index % 13 === 0 ? { documentId: undefined } : {}) };
    const result = validateCommentInput(JSON.parse(JSON.stringify(value)));
    if (!result.ok) throw new Error(result.reason);
    return result.value;
  });
}

function singleThreadReport(inputs: readonly CommentInput[], extraStats: Record<string, number>): string {
  const collector = new BlockCollector();
  for (const comment of inputs) collector.add(comment);
  const clusters = [];
  let legacyConverted = 0;
  for (const block of collector.clusterBlocks()) {
    clusters.push(...block.clusters);
    legacyConverted += block.legacyConverted;
  }
  return [...reportJsonChunks(buildReport(clusters, { rejectedLines: 4, legacyConverted, extraStats }))].join('');
}

function streamedReport(
  inputs: readonly CommentInput[],
  threads: number,
  sample: number,
  batchSize: number,
  extraStats: Record<string, number>,
  moved = 0,
  /** The first store is the main thread's: it analyses its batches, as given, once the file is read. */
  withMainStore = false,
): string {
  const stores = Array.from({ length: threads }, (_, thread) => new BlockStore({ deferAnalysis: withMainStore && thread === 0 }));
  const encoder = new BatchEncoder(
    threads,
    // as postMessage would hand it over (the main thread's own store gets the batch itself)
    (thread, batch) => stores[thread].receive(withMainStore && thread === 0 ? batch : (structuredClone(batch) as CommentBatch)),
    sample,
    batchSize,
    withMainStore ? [1.5, ...new Array<number>(threads - 1).fill(1)] : undefined,
  );
  for (const comment of inputs) encoder.add(comment);
  encoder.finish();
  expect(encoder.comments).toBe(inputs.length);
  // blocks given up by the first thread to the last one, as a thread that runs out of blocks gets them
  for (let index = 0; index < moved; index++) {
    const block = stores[0].give();
    if (block) stores[threads - 1].adopt(structuredClone(block));
  }
  // half of them as UTF-8, as the threads send them
  const parts: BlockJson[] = stores.flatMap((store) => [...store.cluster()].map((part, index) => structuredClone(index % 2 === 0 ? part : { ...part, json: new TextEncoder().encode(part.json as string) })));
  expect(parts).toHaveLength(encoder.blockCount);
  const utf8 = new TextDecoder();
  return [...blocksReportJsonChunks(parts, { rejectedLines: 4, extraStats })].map((chunk) => (typeof chunk === 'string' ? chunk : utf8.decode(chunk))).join('');
}

describe('the command line on worker threads (cli-stream)', () => {
  it('gives the single-thread report byte for byte, whatever the threads, sample, batches and order', () => {
    const inputs = comments();
    const expected = singleThreadReport(inputs, { lines: 200 });
    expect(JSON.parse(expected).stats.legacyConverted).toBeGreaterThan(0);
    // the figures that travel in the batches' columns: stated supporters, contributors
    expect(JSON.parse(expected).stats.statedSupporters).toBeGreaterThan(0);
    expect(expected).toMatch(/"contributors":[1-9]/);
    for (const [threads, sample, batchSize, seed] of [
      [1, 20_000, 4096, 1],
      [2, 20_000, 4096, 2],
      [2, 10, 7, 3],
      [3, 0, 1, 4],
      [2, 1000, 50, 5],
    ]) {
      expect(streamedReport(shuffled(inputs, seed), threads, sample, batchSize, { lines: 200 })).toBe(expected);
    }
    // with blocks moved from one thread to another before clustering (their analyses travel along)
    expect(streamedReport(shuffled(inputs, 6), 2, 10, 7, { lines: 200 }, 3)).toBe(expected);
    expect(streamedReport(shuffled(inputs, 7), 3, 0, 1, { lines: 200 }, 100)).toBe(expected);
    // the main thread's store among them, giving blocks up or not
    expect(streamedReport(shuffled(inputs, 8), 2, 20_000, 4096, { lines: 200 }, 0, true)).toBe(expected);
    expect(streamedReport(shuffled(inputs, 9), 2, 10, 7, { lines: 200 }, 4, true)).toBe(expected);
    expect(streamedReport(shuffled(inputs, 10), 3, 0, 1, { lines: 200 }, 100, true)).toBe(expected);
  });

  it('gives blocks to threads by their share of the sample, so that the threads get about as many comments', () => {
    const received = [0, 0];
    const blocksOf = [new Set<number>(), new Set<number>()];
    const encoder = new BatchEncoder(
      2,
      (thread, batch) => {
        received[thread] += batch.ids.length;
        for (let index = 0; index < batch.ids.length; index++) blocksOf[thread].add(batch.numbers[index * 7]);
      },
      200,
      10,
    );
    // blocks of 400, 300, 200, 100 comments, in random order
    const blocks = [400, 300, 200, 100].flatMap((size, block) => Array.from({ length: size }, () => `b${block}`));
    shuffled(blocks, 7).forEach((blockId, id) => encoder.add({ id: String(id), unit: 'u', sourceType: 'public', blockId, kind: 'add', text: 'Bổ sung' }));
    encoder.finish();
    expect(received).toEqual([500, 500]);
    // no block is split between threads
    expect([...blocksOf[0]].filter((block) => blocksOf[1].has(block))).toEqual([]);
  });

  it('weighs what a comment costs each store: a store whose comments cost twice as much gets a third of them', () => {
    const received = [0, 0];
    const encoder = new BatchEncoder(2, (thread, batch) => (received[thread] += batch.ids.length), 300, 10, [2, 1]);
    // 30 blocks of 30 comments
    const blocks = Array.from({ length: 900 }, (_, index) => `b${index % 30}`);
    shuffled(blocks, 11).forEach((blockId, id) => encoder.add({ id: String(id), unit: 'u', sourceType: 'public', blockId, kind: 'add', text: 'Bổ sung' }));
    encoder.finish();
    expect(received).toEqual([300, 600]);
  });

  it('answers the main thread’s requests the same way on a thread and on the main thread (StoreRunner)', () => {
    const inputs = comments();
    const blockCount = new Set(inputs.map((comment) => `${comment.documentId}/${comment.blockId}`)).size;
    const runners = [false, true].map((deferAnalysis) => {
      const replies: Array<{ reply: StoreReply; transfer?: ArrayBuffer[] }> = [];
      const queued: Array<() => void> = [];
      const runner = new StoreRunner(new BlockStore({ deferAnalysis }), (reply, transfer) => replies.push({ reply, transfer }), { utf8: !deferAnalysis, later: (task) => queued.push(task) });
      const drain = (): void => {
        while (queued.length) (queued.shift() as () => void)();
      };
      return { runner, replies, drain };
    });
    const [thread, main] = runners;
    // the main thread's store gets the batches themselves, the thread's a copy
    const encoder = new BatchEncoder(2, (store, batch) => (store === 0 ? main.runner.handle(batch) : thread.runner.handle(structuredClone(batch) as CommentBatch)), 0, 50, [1.5, 1]);
    for (const comment of inputs) encoder.add(comment);
    encoder.finish();
    // the thread clusters its blocks one per turn, and sends UTF-8 it hands over
    thread.runner.handle({ type: 'finish' });
    expect(thread.replies.map((entry) => entry.reply.type)).toEqual(['block']);
    thread.drain();
    expect(thread.replies.at(-1)?.reply.type).toBe('done');
    for (const { reply, transfer } of thread.replies.filter((entry) => entry.reply.type === 'block')) {
      const json = (reply as Extract<StoreReply, { type: 'block' }>).block.json;
      expect(json).toBeInstanceOf(Uint8Array);
      expect(transfer).toEqual([(json as Uint8Array).buffer]);
    }
    // the main thread's store gives up its largest block (analysed only now) to the idle thread
    main.runner.handle({ type: 'give' });
    const given = main.replies.pop()?.reply as Extract<StoreReply, { type: 'given' }>;
    expect(given.block?.ids.length).toBeGreaterThan(0);
    thread.runner.handle({ type: 'take', block: structuredClone(given.block) } as StoreRequest);
    thread.drain();
    expect(thread.replies.slice(-2).map((entry) => entry.reply.type)).toEqual(['block', 'done']);
    main.runner.handle({ type: 'finish' });
    main.drain();
    expect(main.replies.at(-1)?.reply.type).toBe('done');
    const parts = [...main.replies, ...thread.replies].flatMap(({ reply }) => (reply.type === 'block' ? [reply.block] : []));
    expect(parts).toHaveLength(blockCount);
    expect(parts.filter((part) => typeof part.json === 'string').length).toBeGreaterThan(0);
    // nothing left to give; a block that is not one is an error reply, not a throw
    main.runner.handle({ type: 'give' });
    expect(main.replies.at(-1)?.reply).toEqual({ type: 'given', block: undefined });
    main.runner.handle({ type: 'take', block: { blockId: 'x', ids: ['a'], analyses: [], numbers: [], legacyConverted: 0 } });
    main.drain();
    expect(main.replies.at(-1)?.reply).toMatchObject({ type: 'error', message: expect.any(String) });
    // the parts make the single-thread report
    const utf8 = new TextDecoder();
    expect([...blocksReportJsonChunks(parts, { rejectedLines: 4, extraStats: { lines: 200 } })].map((chunk) => (typeof chunk === 'string' ? chunk : utf8.decode(chunk))).join('')).toBe(
      singleThreadReport(inputs, { lines: 200 }),
    );
  });

  it('cuts lines exactly as node:readline with crlfDelay Infinity, however the text is cut into chunks', async () => {
    // (cut anywhere, even inside a character: a line is decoded once it is complete)
    const texts = ['', 'a', 'a\n', '\n', '\n\n', 'a\r\nb', 'a\rb\r', '\r', 'a\r\r\nb\n', '\r\n\r\n', 'a\n\rb\r\n\r', 'x\r\r\ry', 'Tán thành\r\nĐề nghị\n'];
    for (const text of texts) {
      const expected: string[] = [];
      for await (const line of createInterface({ input: Readable.from([text]), crlfDelay: Number.POSITIVE_INFINITY })) expected.push(line);
      const bytes = Buffer.from(text);
      for (let cut = 0; cut <= bytes.length; cut++) {
        for (let second = cut; second <= bytes.length; second++) {
          const splitter = new LineSplitter();
          const lines = [...splitter.push(bytes.subarray(0, cut)), ...splitter.push(bytes.subarray(cut, second)), ...splitter.push(bytes.subarray(second)), ...splitter.end()];
          expect([text, cut, second, lines]).toEqual([text, cut, second, expected]);
        }
      }
    }
  });

  it('gives an empty report like reportJsonChunks when there is nothing', () => {
    expect([...blocksReportJsonChunks([], { rejectedLines: 2, extraStats: { lines: 2 } })].join('')).toBe(
      [...reportJsonChunks(buildReport([], { rejectedLines: 2, extraStats: { lines: 2 } }))].join(''),
    );
  });

  // The threads run the compiled library (npm test builds dist/ before it runs Jest).
  it('writes the same report with --threads 1 and 2 as with --threads 0 (compiled command line)', () => {
    const compiled = join(__dirname, '..', '..', '..', 'dist', 'libs', 'synthesis', 'src', 'cli.js');
    if (!existsSync(compiled)) throw new Error(`${compiled} is missing: run npm run build (npm test does)`);
    const directory = mkdtempSync(join(tmpdir(), 'synthesis-cli-stream-'));
    const input = join(directory, 'comments.jsonl');
    writeFileSync(input, [...comments().map((comment) => JSON.stringify(comment)), '{bad', ''].join('\n'));
    const run = (threads: string): { report: string; stderr: string } => {
      const out = join(directory, `report-${threads}.json`);
      const script = `require(${JSON.stringify(compiled)}).runCli(process.argv.slice(1)).then((code) => { process.exitCode = code; })`;
      let stderr = '';
      try {
        execFileSync(process.execPath, ['-e', script, '--', input, '--out', out, '--threads', threads, '--quiet'], { stdio: 'pipe' });
      } catch (error: unknown) {
        const failed = error as { status: number; stderr: Buffer };
        expect(failed.status).toBe(2);
        stderr = failed.stderr.toString();
      }
      return { report: readFileSync(out, 'utf8'), stderr };
    };
    const single = run('0');
    expect(single.stderr).toMatch(/^line 171: not valid JSON/m);
    // one thread and the main thread (the default on two cores), two threads and the main thread
    expect(run('1')).toEqual(single);
    expect(run('2')).toEqual(single);
  });
});
