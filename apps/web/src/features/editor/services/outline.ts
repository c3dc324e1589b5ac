import { buildBlockIndex, countTargetAssessments, documentMetrics, type TargetAssessmentCounts } from '@vankien/document-schema';
import type { Node as ProseMirrorNode } from 'prosemirror-model';

export interface OutlineEntry {
  blockId: string;
  /** P2.II.2 */
  sectionNumber: string;
  level: number;
  title: string;
  words: number;
  minutes: number;
}

export interface Outline {
  entries: OutlineEntry[];
  words: number;
  minutes: number;
  targets: TargetAssessmentCounts;
}

/** Parts and sections with their numbers and lengths, and the document's total, from the live text. */
export function computeOutline(doc: ProseMirrorNode): Outline {
  const index = buildBlockIndex(doc);
  const metrics = documentMetrics(doc, undefined, index);
  return {
    entries: metrics.sections.map((s) => ({ blockId: s.blockId, sectionNumber: s.sectionNumber, level: s.level, title: s.title, words: s.words, minutes: s.minutes })),
    words: metrics.words,
    minutes: metrics.minutes,
    targets: countTargetAssessments(doc),
  };
}

/** Minutes shown to one decimal at most (1,5 phút). */
export const roundMinutes = (minutes: number): number => Math.round(minutes * 10) / 10;
