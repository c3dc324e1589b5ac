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
  /** How many people of the unit stand behind the line, as the unit states it ("12/15 chi bộ" → 12). */
  readonly supporters?: number;
  readonly supportersTotal?: number;
  /**
   * The line is a person's own comment (a contributor of an invited group: a retired leader, an
   * expert …), not a unit's consolidated line; `unit` then names that person.
   */
  readonly contributor?: boolean;
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
  /** The people a unit stated behind the line; absent when it stated none (never a default of 1). */
  readonly supporters?: number;
  readonly supportersTotal?: number;
  /** True for a person's own comment (CommentInput.contributor), absent otherwise. */
  readonly contributor?: true;
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

/** A count per source type (comments, units or contributors: the field says which), keys in the order of SOURCE_TYPES. */
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
  /** Distinct `unit` values: the units that sent a consolidated line and the contributors, each once. */
  units: number;
  /**
   * Kept for existing readers (and the order of clusters): the stated supporters plus one for
   * each comment without a stated figure, which mixes people behind a consolidated line with
   * lines. Read statedSupporters and contributors instead.
   */
  supporters: number;
  /** Comments per source type (the same counts as commentsBySource; kept for existing readers). */
  bySource: SourceCounts;
  /** Distinct units (as in `units`) per source type. */
  unitsBySource: SourceCounts;
  /** People stated by the units behind their lines ("12/15 chi bộ" → 12): stated figures only. */
  statedSupporters: number;
  /** Distinct individual contributors (persons) whose own comments are in the cluster. */
  contributors: number;
  /** Comments per source type. */
  commentsBySource: SourceCounts;
  /** Distinct individual contributors per source type. */
  contributorsBySource: SourceCounts;
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
  /** The people stated by units behind all the lines (stated figures only). */
  statedSupporters: number;
  [name: string]: number;
}

export interface Report {
  comments: number;
  clusters: Cluster[];
  stats: ReportStats;
}
