// @vankien/document-schema: the ProseMirror schema of congress documents and what the server
// and the browser do with it. Pure: no I/O, no Nest, no DOM needed at import time.

export {
  HEADING_LEVELS,
  PARAGRAPH_ALIGNMENTS,
  TARGET_ASSESSMENTS,
  TARGETS_TABLE_PURPOSES,
  checkBlockId,
} from './schema/attribute-rules';
export type { HeadingLevel, ParagraphAlignment, TargetAssessment, TargetsTablePurpose } from './schema/attribute-rules';
export { congressSchema } from './schema/congress-schema';
export type { DocumentJson, JsonAttrs, MarkJson, NodeJson } from './schema/document-json';
export { MAX_DEPTH, MAX_NODE_COUNT, MAX_TEXT_LENGTH } from './schema/limits';
export { BLOCK_NODE_TYPES, MARK_TYPES, NODE_TYPES, TARGETS_ROW_CELLS, isBlockTypeName } from './schema/node-types';
export type { MarkTypeName, NodeTypeName, TargetsRowCellName } from './schema/node-types';

export { createSequentialIdGenerator, randomBlockId } from './block-id/id-generator';
export type { BlockIdGenerator } from './block-id/id-generator';
export { blockIdPlugin, blockIdPluginKey } from './block-id/block-id-plugin';
export type { BlockIdPluginOptions } from './block-id/block-id-plugin';
export { ensureBlockIds } from './block-id/ensure-block-ids';
export { forEachBlock, hasBlockId } from './block-id/for-each-block';

export { validateDocument } from './validation/validate-document';
export type { ValidationError, ValidationLimits, ValidationResult } from './validation/validate-document';
export { checkText } from './validation/text-rules';

export { blockText, footnoteTexts, plainText } from './text/plain-text';
export type { PlainTextOptions } from './text/plain-text';
export { READING_SYLLABLES_PER_MINUTE, readingTime, wordCount } from './text/reading-length';

export { buildBlockIndex } from './block-index/build-block-index';
export type { BlockIndexEntry } from './block-index/build-block-index';
export { carryAnchors } from './block-index/carry-anchors';
export type { AnchorBlock, CarriedAnchor, CarriedAnchorStatus } from './block-index/carry-anchors';
export { documentMetrics } from './block-index/section-metrics';
export type { DocumentMetrics, SectionMetrics } from './block-index/section-metrics';
export { ITEM_LETTERS, parseWrittenNumber, toItemLetter, toRoman } from './block-index/section-numbering';
export { countTargetAssessments } from './targets/target-assessment';
export type { TargetAssessmentCounts } from './targets/target-assessment';

export {
  DOCUMENT_FRAGMENT_NAME,
  documentFragment,
  documentJsonToYDoc,
  documentToYDoc,
  encodeDocumentState,
  writeDocumentToYDoc,
  yDocFromUpdates,
  yDocToDocument,
  yDocToDocumentJson,
} from './yjs/yjs-conversion';
export type { YDoc, YXmlFragment } from './yjs/yjs-runtime';

export { diffDocuments } from './diff/diff-documents';
export type {
  AttributeChange,
  BlockPlace,
  ChangedBlock,
  DiffBlock,
  DocumentDiff,
  DocumentDiffSummary,
  MovedBlock,
  WordChange,
} from './diff/diff-documents';

export { DOCUMENT_KINDS, createTemplate } from './templates/create-template';
export type { DocumentKind, TemplateOptions } from './templates/create-template';
