// `npm run synthesize -- INPUT.jsonl [--out REPORT.json]` (contract in shared/architecture.md),
// or an XLSX comment template as INPUT. The only file of the library that touches the file system.
import { closeSync, createReadStream, createWriteStream, existsSync, openSync, readFileSync, readSync, statSync, type WriteStream } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, extname, join } from 'node:path';
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { BatchEncoder, BlockStore, LineSplitter, StoreRunner, blocksReportJsonChunks, type BlockJson, type StoreReply, type StoreRequest } from './cli-stream';
import { buildReport, reportJsonChunks } from './report';
import { BlockCollector } from './synthesize';
import { validateCommentInput } from './validate';
import { SOURCE_TYPES, type Cluster, type CommentInput, type SourceType } from './types';

const USAGE = 'usage: npm run synthesize -- INPUT.jsonl|INPUT.xlsx [--out REPORT.json] [--unit NAME] [--source-type TYPE] [--quiet] [--threads N]';
/** Below this many comments worker threads cost more to start than they save. */
const THREADS_FROM = 50_000;
/**
 * What a comment costs the main thread's store against a worker thread's: the main thread
 * analyses its comments' texts once the file is read (the read is what everything waits for),
 * and a thread during the read; both cluster them afterwards. On the benchmark's 200,000 comments
 * analysing took about half as long as clustering (1.2 s against 2.3 s on one thread), hence 1.5;
 * the stores then take each other's unstarted blocks, which evens out what this leaves.
 */
const MAIN_STORE_WEIGHT = 1.5;

/**
 * One data row of a table (an XLSX comment template), as a TableReader hands it over: the fields
 * a JSON line would carry, except id, unit and sourceType (a table is one unit's: the command line
 * gives those), or the problems that keep it from being a comment.
 */
export interface TableRow {
  /** The row number the person who filled in the table sees. */
  readonly rowNumber: number;
  /** documentId?, blockId, kind, text, supporters?, supportersTotal?: checked like a JSON line's. */
  readonly fields: Readonly<Record<string, unknown>>;
  /** Why the row cannot be read as a comment; the row is rejected when there is one. */
  readonly problems: readonly string[];
}

/** Reads a whole table file into its data rows; throws when the file itself cannot be read. */
export type TableReader = (file: Buffer) => Promise<{ rows: readonly TableRow[]; warnings: readonly string[] }>;

export interface CliReaders {
  /**
   * Reads the XLSX comment template. Excel files are read by libs/office, which depends on this
   * library (for its normalisation), so this library cannot import it: the entry point
   * (scripts/synthesize.mjs) passes office's reader in. Without one, XLSX input is refused.
   */
  readonly xlsx?: TableReader;
}

interface CliArguments {
  readonly input: string;
  readonly out?: string;
  /** XLSX input: the unit whose table it is (default: the file's name) and its kind of source. */
  readonly unit?: string;
  readonly sourceType?: SourceType;
  readonly quiet: boolean;
  /**
   * Worker threads besides the main thread, which then takes a share of the blocks too; undefined:
   * one on large input when there are two cores or more.
   */
  readonly threads?: number;
}

function parseArguments(argv: readonly string[]): CliArguments | string {
  let input: string | undefined;
  let out: string | undefined;
  let unit: string | undefined;
  let sourceType: SourceType | undefined;
  let quiet = false;
  let threads: number | undefined;
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index];
    if (argument === '--unit' || argument.startsWith('--unit=')) {
      unit = argument === '--unit' ? argv[++index] : argument.slice('--unit='.length);
      if (unit === undefined || unit.trim() === '') return '--unit needs a name';
      continue;
    }
    if (argument === '--source-type' || argument.startsWith('--source-type=')) {
      const value = argument === '--source-type' ? argv[++index] : argument.slice('--source-type='.length);
      if (value === undefined || !(SOURCE_TYPES as readonly string[]).includes(value)) return `--source-type needs one of ${SOURCE_TYPES.join(', ')}`;
      sourceType = value as SourceType;
      continue;
    }
    if (argument === '--threads' || argument.startsWith('--threads=')) {
      const value = argument === '--threads' ? argv[++index] : argument.slice('--threads='.length);
      threads = Number(value);
      if (value === undefined || !/^\d+$/.test(value) || threads > 64) return '--threads needs a whole number from 0 to 64';
      continue;
    }
    if (argument === '--out' || argument === '-o') {
      const value = argv[++index];
      if (value === undefined || value === '') return `${argument} needs a file name`;
      out = value;
    } else if (argument.startsWith('--out=')) {
      out = argument.slice('--out='.length);
      if (out === '') return '--out needs a file name';
    } else if (argument === '--quiet' || argument === '-q') quiet = true;
    else if (argument.startsWith('-') && argument !== '-') return `unknown option ${argument}`;
    else if (input === undefined) input = argument;
    else return `unexpected argument ${argument} (one input file only)`;
  }
  if (input === undefined) return 'missing INPUT.jsonl';
  return { input, out, unit, sourceType, quiet, threads };
}

/** An XLSX file: by its extension, or by the ZIP signature at its start whatever its name. */
function isXlsx(path: string): boolean {
  if (extname(path).toLowerCase() === '.xlsx') return true;
  const head = Buffer.alloc(4);
  const descriptor = openSync(path, 'r');
  try {
    return readSync(descriptor, head, 0, 4, 0) === 4 && head.equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  } finally {
    closeSync(descriptor);
  }
}

async function write(stream: NodeJS.WritableStream, chunk: string | Uint8Array): Promise<void> {
  if (!stream.write(chunk)) await once(stream, 'drain');
}

/** Where the first pass puts the validated comments: a BlockCollector, or the worker threads. */
interface CommentSink {
  readonly intern: (value: string) => string;
  add(comment: CommentInput, compact: true): void;
  readonly comments: number;
  readonly blockCount: number;
}

/** The lines of a file, as node:readline gives them, a large chunk of the file at a time. */
async function* lineBatches(path: string): AsyncGenerator<string[]> {
  const splitter = new LineSplitter();
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 18 })) yield splitter.push(chunk as Buffer);
  yield splitter.end();
}

/** Reads the JSON lines into the collector; bad lines go to stderr with their number. */
async function readComments(
  path: string,
  collector: CommentSink,
  say: (message: string) => void,
  printRejected = true,
): Promise<{ lines: number; rejected: number }> {
  const lineOfId = new Map<string, number>();
  let lineNumber = 0;
  let rejected = 0;
  const reject = (reason: string): void => {
    rejected++;
    if (printRejected) process.stderr.write(`line ${lineNumber}: ${reason}\n`);
  };
  for await (const lines of lineBatches(path)) {
    for (const rawLine of lines) {
      lineNumber++;
      if (lineNumber % 100_000 === 0) say(`read ${lineNumber} lines`);
      const line = lineNumber === 1 && rawLine.charCodeAt(0) === 0xfeff ? rawLine.slice(1) : rawLine;
      if (line.trim() === '') continue;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (error: unknown) {
        reject(`not valid JSON (${error instanceof Error ? error.message : String(error)})`);
        continue;
      }
      const result = validateCommentInput(value, collector.intern);
      if (!result.ok) {
        reject(result.reason);
        continue;
      }
      const earlier = lineOfId.get(result.value.id);
      if (earlier !== undefined) {
        reject(`id ${JSON.stringify(result.value.id)} already used on line ${earlier}`);
        continue;
      }
      lineOfId.set(result.value.id, lineNumber);
      collector.add(result.value, true);
    }
  }
  return { lines: lineNumber, rejected };
}

/**
 * Reads the rows of a table file into the collector like JSON lines: each bad row goes to stderr
 * with its number and is skipped. Each comment's id is the file's name and its row number.
 */
async function readTableComments(
  path: string,
  reader: TableReader,
  source: { unit: string; sourceType: SourceType },
  collector: CommentSink,
  say: (message: string) => void,
  printRejected = true,
): Promise<{ rows: number; rejected: number }> {
  const { rows, warnings } = await reader(readFileSync(path));
  if (printRejected) for (const warning of warnings) say(warning);
  const fileName = basename(path);
  let rejected = 0;
  for (const row of rows) {
    const reject = (reason: string): void => {
      rejected++;
      if (printRejected) process.stderr.write(`row ${row.rowNumber}: ${reason}\n`);
    };
    if (row.problems.length > 0) {
      reject(row.problems.join('; '));
      continue;
    }
    const result = validateCommentInput({ ...row.fields, id: `${fileName}:${row.rowNumber}`, unit: source.unit, sourceType: source.sourceType }, collector.intern);
    if (!result.ok) {
      reject(result.reason);
      continue;
    }
    collector.add(result.value, true);
  }
  return { rows: rows.length, rejected };
}

/** Runs the command line and returns the exit code: 0 all good, 2 some lines (rows) rejected, 1 usage. */
export async function runCli(argv: readonly string[], readers: CliReaders = {}): Promise<number> {
  const stderr = process.stderr;
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const parsed = parseArguments(argv);
  if (typeof parsed === 'string') {
    stderr.write(`synthesize: ${parsed}\n${USAGE}\n`);
    return 1;
  }
  if (!existsSync(parsed.input) || !statSync(parsed.input).isFile()) {
    stderr.write(`synthesize: cannot read ${parsed.input}: no such file\n`);
    return 1;
  }
  const xlsx = isXlsx(parsed.input);
  if (!xlsx && (parsed.unit !== undefined || parsed.sourceType !== undefined)) {
    stderr.write(`synthesize: --unit and --source-type are for XLSX input (JSON lines carry their own)\n${USAGE}\n`);
    return 1;
  }
  const tableReader = readers.xlsx;
  if (xlsx && tableReader === undefined) {
    stderr.write(`synthesize: cannot read ${parsed.input}: XLSX input needs the comment-table reader (run it with npm run synthesize)\n`);
    return 1;
  }
  const started = Date.now();
  const say = (message: string): void => {
    if (!parsed.quiet) stderr.write(`synthesize: ${message}\n`);
  };

  // Worker threads start now, so that they load while the file begins to be read. Without
  // --threads: one on a large file (by its size: lines are a few hundred bytes), with the main
  // thread as the second store. Two threads and the main thread on two cores took the cores from
  // the main thread's read, which everything waits for: the file was read in 2.2 s instead of 1.6.
  const workerFile = join(__dirname, 'cli-worker.js');
  // (an XLSX is compressed, about five times: its size says less, but the rule stays the same)
  const largeFile = statSync(parsed.input).size >= THREADS_FROM * (xlsx ? 40 : 200);
  const threads = !existsSync(workerFile) ? 0 : (parsed.threads ?? (largeFile ? Math.min(2, availableParallelism()) - 1 : 0));
  const lines = xlsx ? 'rows' : 'lines';
  const seconds = (): string => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  const readInput = (collector: CommentSink, printRejected: boolean): Promise<{ lines: number; rejected: number }> => {
    if (xlsx && tableReader !== undefined) {
      const source = { unit: parsed.unit ?? basename(parsed.input, extname(parsed.input)), sourceType: parsed.sourceType ?? 'lower_organization' };
      return readTableComments(parsed.input, tableReader, source, collector, say, printRejected).then((table) => ({ lines: table.rows, rejected: table.rejected }));
    }
    return readComments(parsed.input, collector, say, printRejected);
  };

  let read: { lines: number; rejected: number } | undefined;
  let chunks: Iterable<string | Uint8Array> | undefined;
  // the worker threads, stopping while the report is written
  let stopped: Promise<unknown> = Promise.resolve();
  let totals = { comments: 0, clusters: 0 };
  if (threads > 0) {
    // First pass with threads: each validated comment goes to the store that owns its block: a
    // worker thread, which analyses it at once, or the main thread's own, which keeps it until the
    // file is read. Then each store clusters its blocks and hands over their part of the report.
    interface StoreEndpoint {
      post(request: StoreRequest): void;
      terminate(): Promise<unknown>;
    }
    const workers = Array.from(
      { length: threads },
      // A larger young generation: preparing and clustering allocate many short-lived objects.
      () => new Worker(workerFile, { resourceLimits: { maxYoungGenerationSizeMb: 64 } }),
    );
    const parts: BlockJson[] = [];
    let failure: string | undefined;
    let closing = false;
    let blocks = 0;
    let nextReport = 1;
    // A store that has run out of blocks asks (through this thread) another one for a block it
    // has not started. A thread is stopped as soon as no block is left for it: tearing down its
    // heap (hundreds of megabytes on a large round) takes a good fraction of a second, which then
    // overlaps the other stores' clustering or the writing of the report.
    interface StoreState {
      readonly endpoint: StoreEndpoint;
      /** It said done, and has not been given a block since. */
      idle: boolean;
      /** A request to give up a block is on its way to it; the block goes to giveTo. */
      asked: boolean;
      giveTo?: StoreState;
      /** It had no block to give up: not asked again. */
      exhausted: boolean;
      /** It waits for a block from another store. */
      waiting: boolean;
      stopped: boolean;
    }
    const stopping: Array<Promise<unknown>> = [];
    let settle = (): void => undefined;
    const settled = new Promise<void>((resolve) => (settle = resolve));
    const fail = (message: string): void => {
      failure ??= message;
      settle();
    };
    const stop = (state: StoreState): void => {
      if (state.stopped) return;
      state.stopped = true;
      stopping.push(state.endpoint.terminate());
      if (states.every((other) => other.stopped)) settle();
    };
    const whenIdle = (state: StoreState): void => {
      if (!state.idle || state.waiting || state.asked || state.stopped) return;
      const victim = states.find((other) => other !== state && !other.idle && !other.asked && !other.exhausted && !other.stopped);
      if (victim === undefined) return stop(state);
      victim.asked = true;
      victim.giveTo = state;
      state.waiting = true;
      victim.endpoint.post({ type: 'give' });
    };
    const onReply = (state: StoreState, reply: StoreReply): void => {
      if (reply.type === 'block') {
        parts.push(reply.block);
        if (parts.length >= nextReport || parts.length === blocks) {
          say(`clustered ${parts.length}/${blocks} blocks (${seconds()})`);
          nextReport += Math.max(1, Math.ceil(blocks / 10));
        }
      } else if (reply.type === 'done') {
        state.idle = true;
        whenIdle(state);
      } else if (reply.type === 'given') {
        const taker = state.giveTo as StoreState;
        state.asked = false;
        state.giveTo = undefined;
        taker.waiting = false;
        if (reply.block !== undefined) {
          taker.idle = false;
          taker.endpoint.post({ type: 'take', block: reply.block });
        } else {
          state.exhausted = true;
          whenIdle(taker);
        }
        whenIdle(state);
      } else fail(reply.message);
    };
    const newState = (endpoint: StoreEndpoint): StoreState => ({ endpoint, idle: false, asked: false, exhausted: false, waiting: false, stopped: false });
    // The main thread's store: batches are kept as they come; the other requests wait for the next
    // turn of the event loop, as a thread's would.
    const ownState: StoreState = newState({
      post: (request) => (request.type === 'batch' ? own.handle(request) : void setImmediate(() => own.handle(request))),
      terminate: () => Promise.resolve(),
    });
    const own = new StoreRunner(new BlockStore({ deferAnalysis: true }), (reply) => onReply(ownState, reply), { utf8: false, later: setImmediate });
    const states: StoreState[] = [
      ownState,
      ...workers.map((worker) => {
        const state = newState({ post: (request) => worker.postMessage(request, request.type === 'batch' ? [request.numbers.buffer as ArrayBuffer] : []), terminate: () => worker.terminate() });
        worker.on('message', (reply: StoreReply) => onReply(state, reply));
        worker.on('error', (error: Error) => fail(error.message));
        worker.on('exit', (code) => {
          if (!closing && !state.stopped) fail(`worker thread stopped (exit code ${code})`);
        });
        return state;
      }),
    ];
    const encoder = new BatchEncoder(states.length, (store, batch) => states[store].endpoint.post(batch), undefined, undefined, [MAIN_STORE_WEIGHT, ...workers.map(() => 1)]);
    try {
      read = await readInput(encoder, true);
      encoder.finish();
    } catch (error: unknown) {
      closing = true;
      await Promise.all(workers.map((worker) => worker.terminate()));
      stderr.write(`synthesize: cannot read ${parsed.input}: ${error instanceof Error ? error.message : String(error)}\n`);
      return 1;
    }
    blocks = encoder.blockCount;
    nextReport = Math.max(1, Math.ceil(blocks / 10));
    say(`read ${read.lines} ${lines}: ${encoder.comments} comments in ${blocks} blocks, ${read.rejected} rejected (${seconds()})`);
    for (const state of states) state.endpoint.post({ type: 'finish' });
    await settled;
    closing = true;
    for (const state of states) stop(state);
    stopped = Promise.all(stopping);
    if (failure === undefined) {
      // rejected rows of a table are counted as rejected lines: one field, whatever the input
      chunks = blocksReportJsonChunks(parts, { rejectedLines: read.rejected, extraStats: { [lines]: read.lines } });
      for (const part of parts) totals = { comments: totals.comments + part.comments, clusters: totals.clusters + part.clusters };
    } else {
      // A thread that could not start or stopped: everything again on this thread (the bad lines
      // were reported already).
      say(`worker threads failed (${failure.split('\n')[0]}); reading again without them`);
      parts.length = 0;
      await stopped;
    }
  }
  if (chunks === undefined) {
    // First pass: read, validate and group by block. Each bad line is reported and skipped.
    const printRejected = read === undefined;
    const collector = new BlockCollector();
    try {
      read = await readInput(collector, printRejected);
    } catch (error: unknown) {
      stderr.write(`synthesize: cannot read ${parsed.input}: ${error instanceof Error ? error.message : String(error)}\n`);
      return 1;
    }
    const blocks = collector.blockCount;
    if (printRejected) say(`read ${read.lines} ${lines}: ${collector.comments} comments in ${blocks} blocks, ${read.rejected} rejected (${seconds()})`);

    // Second pass: block by block.
    const clusters: Cluster[] = [];
    let legacyConverted = 0;
    let done = 0;
    let nextReport = Math.max(1, Math.ceil(blocks / 10));
    for (const block of collector.clusterBlocks()) {
      for (const cluster of block.clusters) clusters.push(cluster);
      legacyConverted += block.legacyConverted;
      done++;
      if (done >= nextReport || done === blocks) {
        say(`clustered ${done}/${blocks} blocks: ${clusters.length} clusters (${seconds()})`);
        nextReport += Math.max(1, Math.ceil(blocks / 10));
      }
    }
    // rejected rows of a table are counted as rejected lines: one field, whatever the input
    const report = buildReport(clusters, { rejectedLines: read.rejected, legacyConverted, extraStats: { [lines]: read.lines } });
    totals = { comments: report.comments, clusters: report.clusters.length };
    chunks = reportJsonChunks(report);
  }
  const { rejected } = read as { lines: number; rejected: number };

  let output: NodeJS.WritableStream = process.stdout;
  let file: WriteStream | undefined;
  try {
    if (parsed.out !== undefined) {
      file = createWriteStream(parsed.out, { encoding: 'utf8' });
      output = file;
      await once(file, 'open');
    }
    for (const chunk of chunks) await write(output, chunk);
    if (file) {
      file.end();
      await once(file, 'finish');
    }
  } catch (error: unknown) {
    stderr.write(`synthesize: cannot write ${parsed.out ?? 'the report'}: ${error instanceof Error ? error.message : String(error)}\n`);
    await stopped;
    return 1;
  }
  await stopped;
  say(`${totals.comments} comments, ${totals.clusters} clusters, ${rejected} rejected ${lines} (${seconds()})`);
  return rejected > 0 ? 2 : 0;
}
