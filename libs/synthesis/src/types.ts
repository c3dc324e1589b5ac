// The shapes that cross the library's boundary: input lines, prepared comments (stored by the
// worker), clusters and the report. All are plain JSON values.
import type { Operation } from './features';
import type { LegacyEncoding } from './legacy-encoding';

export const SOURCE_TYPES = [
  'lower_organization',
  'retired_leaders',
  'fatherland_front',
  'socio_political',
  'expert',
  'public',
] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];

export const COMMENT_KINDS = ['agree', 'amend', 'add', 'delete', 'question', 'general'] as const;
export type CommentKind = (typeof COMMENT_KINDS)[number];

/**
 * Comments are clustered only within one family: plain agreement with the draft is counted apart
 * from proposals for change, and questions apart from both.
 */
export type CommentFamily = 'agreement' | 'proposal' | 'question';

/** One comment line, as the command line and the worker receive it. */
export interface CommentInput {
  readonly id: string;
  readonly unit: string;
  readonly sourceType: SourceType;
  readonly documentId?: string;
  readonly blockId: string;
  readonly kind: CommentKind;
  readonly text: string;
  /** How many people of the unit stand behind the line ("12/15 chi bộ" → 12); 1 when absent. */
  readonly supporters?: number;
  readonly supportersTotal?: number;
}

/** Everything clustering needs about one comment, computed once; JSON-serialisable. */
export interface PreparedComment {
  readonly id: string;
  readonly unit: string;
  readonly sourceType: SourceType;
  readonly documentId?: string;
  readonly blockId: string;
  readonly kind: CommentKind;
  /** The text as submitted (NFC, trimmed; converted when it was typed in TCVN3 or VNI). */
  readonly text: string;
  readonly supporters: number;
  readonly supportersTotal?: number;
  readonly family: CommentFamily;
  /** Comparison form: lower case, canonical tone placement, no punctuation or numbering. */
  readonly normalized: string;
  /** Content syllables, in order, without stop words, operation words and numbers. */
  readonly content: string[];
  readonly operations: Operation[];
  readonly numbers: string[];
  readonly quantitative: boolean;
  /**
   * The words naming the object of the request (a subset of `content`): two comments that each
   * name an object the other lacks are different proposals. Absent in forms prepared before it
   * existed: such a comment is then kept apart by the other rules only.
   */
  readonly objects?: string[];
  /** MinHash signature (64 unsigned 32-bit values) over the content shingles. */
  readonly signature: number[];
  readonly legacyEncoding?: LegacyEncoding;
}

/** Comments and distinct units per source type, keys in the order of SOURCE_TYPES. */
export type SourceCounts = Partial<Record<SourceType, number>>;

export interface Cluster {
  /** Stable key: survives new revisions (see stableClusterKeys) so that dispositions do too. */
  key: string;
  documentId?: string;
  blockId: string;
  family: CommentFamily;
  /** True for the cluster of plain agreement lines ("tán thành như dự thảo"). */
  agreement: boolean;
  /** The most frequent kind among the members. */
  kind: CommentKind;
  /** The text of a real member, the most central one, word for word. */
  representative: string;
  representativeId: string;
  /** True when a drafter chose the representative text by hand. */
  representativeOverridden?: boolean;
  /** Member ids, sorted by code unit order. */
  commentIds: string[];
  units: number;
  supporters: number;
  bySource: SourceCounts;
  unitsBySource: SourceCounts;
}

export interface ReportStats {
  comments: number;
  clusters: number;
  proposalClusters: number;
  agreementComments: number;
  agreementClusters: number;
  questionClusters: number;
  singletons: number;
  documents: number;
  blocks: number;
  legacyConverted: number;
  rejectedLines: number;
  [name: string]: number;
}

export interface Report {
  comments: number;
  clusters: Cluster[];
  stats: ReportStats;
}
