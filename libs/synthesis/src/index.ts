// Public entry point of @vankien/synthesis: pure functions, no I/O (the command line is cli.ts).
export { normalizeText, canonicalSyllable, cleanText, tokenize, stripLeadingMarkers } from './normalize';
export { detectLegacyEncoding, convertLegacy, convertFromTcvn3, convertFromVni, type LegacyEncoding } from './legacy-encoding';
export { extractFeatures, type Operation, type CommentFeatures } from './features';
export { validateCommentInput, MAX_TEXT_LENGTH, type ValidationResult } from './validate';
export { prepareComment } from './prepare';
export { cleanRepresentativeText } from './representative-text';
export { clusterBlock } from './cluster-block';
export { ClusterThreads, clusterPreparedJson, preparedJson, type ClusteredJson } from './cluster-threads';
export { decodeBlockClustering, encodeBlockClustering, isStaleBlockClustering, type StoredBlock } from './stored-clustering';
export { pairIdenticalSets, stableClusterKeys, withStableKeys, type KeyedClusterMembers } from './stable-keys';
export { applyCorrections, type ClusterRef, type Correction, type CorrectionResult, type SkippedCorrection } from './corrections';
export { buildReport, reportJsonChunks, type BlockRef, type ReportOptions } from './report';
export {
  synthesizeComments,
  BlockCollector,
  clusterCollectedBlock,
  type ClusteredBlock,
  type SynthesisOptions,
  type SynthesisProgress,
} from './synthesize';
export {
  SOURCE_TYPES,
  COMMENT_KINDS,
  type SourceType,
  type CommentKind,
  type CommentFamily,
  type CommentInput,
  type PreparedComment,
  type Cluster,
  type SourceCounts,
  type Report,
  type ReportStats,
} from './types';
export * from './disposition-rules';
// types only: the command line itself (cli.ts, which reads files) is loaded by its entry point
export type { CliReaders, TableReader, TableRow } from './cli';
