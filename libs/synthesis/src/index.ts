// Public entry point of @vankien/synthesis: pure functions, no I/O (the command line lives in cli.ts).
export { normalizeText, canonicalSyllable, cleanText, tokenize, stripLeadingMarkers } from './normalize';
export { detectLegacyEncoding, convertLegacy, convertFromTcvn3, convertFromVni, type LegacyEncoding } from './legacy-encoding';
export { extractFeatures, type Operation, type CommentFeatures } from './features';
export { prepareComment } from './prepare';
export { clusterBlock } from './cluster-block';
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
