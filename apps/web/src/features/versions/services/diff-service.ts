import { buildBlockIndex, congressSchema, type DocumentDiff } from '@vankien/document-schema';
import { api } from '../../../lib/http';
import type { AlignBlock } from './align-diff';

/** The server's diff of two versions (or `live`): blocks added, removed, moved, changed with words. */
export const fetchDiff = (documentId: string, from: string, to: string): Promise<DocumentDiff> => api.get(`/documents/${documentId}/diff`, { from, to });

const TEXT_BLOCKS = new Set(['title', 'heading', 'paragraph', 'targets_indicator', 'targets_unit', 'targets_previous_target', 'targets_achieved', 'targets_new_target']);

/** The text blocks of a document, in order, for the side-by-side view. */
export function textBlocks(content: unknown): AlignBlock[] {
  const doc = congressSchema.nodeFromJSON(content as Record<string, unknown>);
  return buildBlockIndex(doc)
    .filter((entry) => TEXT_BLOCKS.has(entry.type))
    .map((entry) => ({ blockId: entry.blockId, type: entry.type, text: entry.text, level: entry.level, sectionNumber: entry.sectionNumber }));
}
