/**
 * Every background job Vankien runs, in one typed registry: job name → queue → payload type,
 * with the payload validated when it is enqueued and again when a worker takes it (a job may
 * have been written by an older or newer version of the code).
 */
export const queueNames = ['maintenance', 'documents', 'synthesis', 'imports'] as const;
export type QueueName = (typeof queueNames)[number];

/** The Redis keys of a queue are prefixed with this (one Redis may serve several deployments). */
export const queuePrefix = 'vankien';

export interface JobPayloads {
  /** Deletes refresh tokens that expired, or were revoked or used, more than `graceDays` ago. */
  'maintenance.purge-refresh-tokens': { graceDays: number };
  /** Folds a document's Yjs update log into a snapshot. */
  'documents.compact': { documentId: string };
  /** Writes a new synthesis revision of a round (bursts of submissions collapse into one). */
  'synthesis.round': { roundId: string };
  /** Reads an uploaded Word or Excel table of comments into a preview. */
  'imports.comment-table': { importId: string };
}
export type JobName = keyof JobPayloads;

export class InvalidJobPayload extends Error {
  constructor(
    readonly jobName: string,
    readonly problem: string,
  ) {
    super(`invalid payload for ${jobName}: ${problem}`);
  }
}

interface JobDefinition<N extends JobName> {
  queue: QueueName;
  /** Returns a problem, or null when the payload is valid. */
  check(payload: unknown): string | null;
  /** Attempts and backoff: explicit for every job. */
  attempts: number;
  backoffMs: number;
  /** Deterministic job id: the same logical work is queued once (BullMQ deduplicates by id). */
  jobId?(payload: JobPayloads[N]): string;
  /** Delay before the job runs: with a jobId, bursts of requests collapse into one run. */
  debounceMs?: number;
  /**
   * With a jobId: a new request replaces a job of that id that failed for good. BullMQ keeps
   * failed jobs (7 days here) and ignores an add with an existing id, so without this one failure
   * would silence every later request for the same work.
   */
  replaceFailed?: boolean;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export const jobRegistry: { [N in JobName]: JobDefinition<N> } = {
  'maintenance.purge-refresh-tokens': {
    queue: 'maintenance',
    check: (payload) =>
      isObject(payload) && Number.isInteger(payload.graceDays) && Number(payload.graceDays) >= 0 ? null : 'graceDays must be a whole number ≥ 0',
    attempts: 3,
    backoffMs: 10_000,
  },
  'documents.compact': {
    queue: 'documents',
    check: (payload) => (isObject(payload) && typeof payload.documentId === 'string' && uuidPattern.test(payload.documentId) ? null : 'documentId must be a UUID'),
    attempts: 5,
    backoffMs: 5_000,
    // one compaction per document at a time; a burst of edits triggers one run
    jobId: (payload) => `compact-${payload.documentId}`,
    debounceMs: 5_000,
    // each request is a new need (more appends since): a compaction that failed must not stop the next
    replaceFailed: true,
  },
  'synthesis.round': {
    queue: 'synthesis',
    check: (payload) => (isObject(payload) && typeof payload.roundId === 'string' && uuidPattern.test(payload.roundId) ? null : 'roundId must be a UUID'),
    attempts: 5,
    backoffMs: 10_000,
    jobId: (payload) => `synthesis-${payload.roundId}`,
    debounceMs: 2_000,
  },
  'imports.comment-table': {
    queue: 'imports',
    check: (payload) => (isObject(payload) && typeof payload.importId === 'string' && uuidPattern.test(payload.importId) ? null : 'importId must be a UUID'),
    attempts: 3,
    backoffMs: 5_000,
    jobId: (payload) => `import-${payload.importId}`,
  },
};

export function validatePayload<N extends JobName>(name: N, payload: unknown): JobPayloads[N] {
  const definition = jobRegistry[name];
  if (!definition) throw new InvalidJobPayload(name, 'unknown job name');
  const problem = definition.check(payload);
  if (problem) throw new InvalidJobPayload(name, problem);
  return payload as JobPayloads[N];
}

export function isJobName(name: string): name is JobName {
  return Object.prototype.hasOwnProperty.call(jobRegistry, name);
}
