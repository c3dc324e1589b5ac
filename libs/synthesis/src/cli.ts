// `npm run synthesize -- INPUT.jsonl [--out REPORT.json]` (contract in shared/architecture.md).
// The only file of the library that touches the file system.
import { createReadStream, createWriteStream, existsSync, statSync, type WriteStream } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import type { WorkerReply, WorkerRequest } from './cli-worker';
import { buildReport, reportJsonChunks } from './report';
import { BlockCollector } from './synthesize';
import { validateCommentInput } from './validate';
import type { Cluster, CommentInput } from './types';
import type { ValidationResult } from './validate';

const USAGE = 'usage: npm run synthesize -- INPUT.jsonl [--out REPORT.json] [--quiet] [--threads N]';
/** Below this many comments worker threads cost more to start than they save. */
const THREADS_FROM = 50_000;

interface CliArguments {
  readonly input: string;
  readonly out?: string;
  readonly quiet: boolean;
  /** Worker threads besides the main one; undefined: one on a large input when there are 2 cores. */
  readonly threads?: number;
}

function parseArguments(argv: readonly string[]): CliArguments | string {
  let input: string | undefined;
  let out: string | undefined;
  let quiet = false;
  let threads: number | undefined;
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index];
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
  return { input, out, quiet, threads };
}

async function write(stream: NodeJS.WritableStream, chunk: string): Promise<void> {
  if (!stream.write(chunk)) await once(stream, 'drain');
}

/** Where the first pass puts the good lines. */
interface CommentSink {
  readonly intern: (value: string) => string;
  /** `line` is the JSON text the comment was read from (already validated). */
  add(comment: CommentInput, compact: boolean, line: string): void;
}

/** Reads the JSON lines into the sink; bad lines go to stderr with their number. */
async function readComments(
  path: string,
  sink: CommentSink,
  say: (message: string) => void,
): Promise<{ lines: number; rejected: number }> {
  const lineOfId = new Map<string, number>();
  let lineNumber = 0;
  let rejected = 0;
  const reject = (reason: string): void => {
    rejected++;
    process.stderr.write(`line ${lineNumber}: ${reason}\n`);
  };
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Number.POSITIVE_INFINITY });
  for await (const rawLine of lines) {
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
    const result: ValidationResult = validateCommentInput(value, sink.intern);
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
    sink.add(result.value, true, line);
  }
  return { lines: lineNumber, rejected };
}

/**
 * Shares the blocks between the main thread (its BlockCollector) and the worker threads: a new
 * block goes to whoever has the least work for its weight. Workers receive their lines in
 * batches and prepare them while the file is still being read; the main thread, which also reads,
 * gets a smaller share (weight 0.6 against 1 for a worker), so all threads finish the second pass
 * at about the same time. Which thread clusters which block does not change the report: it is
 * sorted afterwards.
 */
class WorkerRouter implements CommentSink {
  private static readonly MAIN_WEIGHT = 0.6;
  readonly intern: (value: string) => string;
  private readonly owner = new Map<string, Map<string, number>>();
  /** Comments routed so far: [main thread, worker 1, …]. */
  private readonly load: number[];
  private readonly batches: string[][];
  blocks = 0;
  comments = 0;

  constructor(
    private readonly workers: readonly Worker[],
    private readonly local: BlockCollector,
  ) {
    this.intern = local.intern;
    this.load = [0, ...workers.map(() => 0)];
    this.batches = workers.map(() => []);
  }

  private leastLoaded(): number {
    let best = 0;
    let bestScore = this.load[0] / WorkerRouter.MAIN_WEIGHT;
    for (let index = 1; index < this.load.length; index++) {
      if (this.load[index] < bestScore) {
        best = index;
        bestScore = this.load[index];
      }
    }
    return best;
  }

  add(comment: CommentInput, _compact: boolean, line: string): void {
    const documentId = comment.documentId ?? '';
    let document = this.owner.get(documentId);
    if (!document) {
      document = new Map();
      this.owner.set(documentId, document);
    }
    let target = document.get(comment.blockId);
    if (target === undefined) {
      target = this.leastLoaded();
      document.set(comment.blockId, target);
      this.blocks++;
    }
    this.load[target]++;
    this.comments++;
    if (target === 0) {
      this.local.add(comment, true);
      return;
    }
    // The line itself travels: copying a string to a thread costs far less than copying an object,
    // and the worker parses it again in parallel.
    const batch = this.batches[target - 1];
    batch.push(line);
    if (batch.length >= 2000) this.flush(target - 1);
  }

  private flush(worker: number): void {
    if (this.batches[worker].length === 0) return;
    const request: WorkerRequest = { type: 'lines', lines: this.batches[worker] };
    this.workers[worker].postMessage(request);
    this.batches[worker] = [];
  }

  /**
   * Sends what is left and asks every worker to cluster its blocks, clusters the main thread's
   * own blocks meanwhile, and resolves when all are done.
   */
  async clusterAll(collect: (clusters: readonly Cluster[], legacyConverted: number) => void): Promise<void> {
    const workersDone = Promise.all(
      this.workers.map(
        (worker, index) =>
          new Promise<void>((resolve, reject) => {
            let finished = false;
            worker.on('message', (reply: WorkerReply) => {
              if (reply.type === 'block') collect(reply.clusters, reply.legacyConverted);
              else {
                finished = true;
                resolve();
              }
            });
            worker.on('error', reject);
            worker.on('exit', (code) => {
              if (!finished) reject(new Error(`worker thread stopped (exit code ${code})`));
            });
            this.flush(index);
            const request: WorkerRequest = { type: 'cluster' };
            worker.postMessage(request);
          }),
      ),
    );
    // If a worker fails while this thread is busy, the rejection is observed by the await below.
    workersDone.catch(() => undefined);
    for (const block of this.local.clusterBlocks()) collect(block.clusters, block.legacyConverted);
    await workersDone;
  }
}

/** Runs the command line and returns the exit code: 0 all good, 2 some lines rejected, 1 usage. */
export async function runCli(argv: readonly string[]): Promise<number> {
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
  const started = Date.now();
  const say = (message: string): void => {
    if (!parsed.quiet) stderr.write(`synthesize: ${message}\n`);
  };

  // On a large file (judged by its size: lines are a few hundred bytes), worker threads prepare
  // and cluster the blocks; the main thread only reads, validates and routes. Otherwise, or with
  // --threads 0, everything runs here, block by block once the file is read.
  const workerFile = join(__dirname, 'cli-worker.js');
  const largeFile = statSync(parsed.input).size >= THREADS_FROM * 200;
  const threads = !existsSync(workerFile) ? 0 : (parsed.threads ?? (largeFile ? Math.min(1, availableParallelism() - 1) : 0));
  const workers = Array.from(
    { length: threads },
    // A larger young generation: preparing and clustering allocate many short-lived objects.
    () => new Worker(workerFile, { resourceLimits: { maxYoungGenerationSizeMb: 64 } }),
  );
  // A worker that fails must not crash the process; its failure ends the run with code 1.
  let workerError: unknown;
  for (const worker of workers) worker.on('error', (error: unknown) => (workerError ??= error));
  const stopWorkers = (): Promise<unknown> => Promise.all(workers.map((worker) => worker.terminate()));
  const collector = new BlockCollector();
  const router = workers.length > 0 ? new WorkerRouter(workers, collector) : undefined;

  // First pass: read and validate; each bad line is reported and skipped.
  let read: { lines: number; rejected: number };
  try {
    read = await readComments(parsed.input, router ?? collector, say);
  } catch (error: unknown) {
    await stopWorkers();
    stderr.write(`synthesize: cannot read ${parsed.input}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  const { lines: lineNumber, rejected } = read;
  const blocks = router ? router.blocks : collector.blockCount;
  const comments = router ? router.comments : collector.comments;
  const seconds = (): string => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  say(`read ${lineNumber} lines: ${comments} comments in ${blocks} blocks, ${rejected} rejected (${seconds()})`);

  // Second pass: block by block.
  const clusters: Cluster[] = [];
  let legacyConverted = 0;
  let done = 0;
  let nextReport = Math.max(1, Math.ceil(blocks / 10));
  const collect = (blockClusters: readonly Cluster[], converted: number): void => {
    for (const cluster of blockClusters) clusters.push(cluster);
    legacyConverted += converted;
    done++;
    if (done >= nextReport || done === blocks) {
      say(`clustered ${done}/${blocks} blocks: ${clusters.length} clusters (${seconds()})`);
      nextReport += Math.max(1, Math.ceil(blocks / 10));
    }
  };
  try {
    if (workerError !== undefined) throw workerError;
    if (router) await router.clusterAll(collect);
    else for (const block of collector.clusterBlocks()) collect(block.clusters, block.legacyConverted);
  } catch (error: unknown) {
    stderr.write(`synthesize: clustering failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    await stopWorkers();
  }
  const report = buildReport(clusters, { rejectedLines: rejected, legacyConverted, extraStats: { lines: lineNumber } });

  let output: NodeJS.WritableStream = process.stdout;
  let file: WriteStream | undefined;
  try {
    if (parsed.out !== undefined) {
      file = createWriteStream(parsed.out, { encoding: 'utf8' });
      output = file;
      await once(file, 'open');
    }
    for (const chunk of reportJsonChunks(report)) await write(output, chunk);
    if (file) {
      file.end();
      await once(file, 'finish');
    }
  } catch (error: unknown) {
    stderr.write(`synthesize: cannot write ${parsed.out ?? 'the report'}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  say(`${report.comments} comments, ${report.clusters.length} clusters, ${rejected} rejected lines (${seconds()})`);
  return rejected > 0 ? 2 : 0;
}
