import { Node as ProseMirrorNode } from 'prosemirror-model';
import { HeadingLevel } from '../schema/attribute-rules';
import { congressSchema } from '../schema/congress-schema';
import { READING_SYLLABLES_PER_MINUTE, readingTime, wordCount } from '../text/reading-length';
import { BlockIndexEntry, buildBlockIndex } from './build-block-index';

export interface SectionMetrics {
  blockId: string;
  sectionNumber: string;
  level: HeadingLevel;
  title: string;
  /** Words (syllables) of the heading and everything under it, sub-sections included. */
  words: number;
  /** Minutes to read those words aloud. */
  minutes: number;
}

export interface DocumentMetrics {
  words: number;
  minutes: number;
  /** Words before the first heading (title, preamble). */
  preambleWords: number;
  /** One entry per heading, in document order. */
  sections: SectionMetrics[];
}

/**
 * Length of the document and of each part and section, in words and minutes read aloud, so
 * drafters see which section makes the report too long before the congress does. Footnotes are
 * not counted (they are not read aloud); tables are.
 */
export const documentMetrics = (
  doc: ProseMirrorNode,
  syllablesPerMinute: number = READING_SYLLABLES_PER_MINUTE,
  index: BlockIndexEntry[] = buildBlockIndex(doc),
): DocumentMetrics => {
  const words = new Map<string, number>();
  let total = 0;
  let preambleWords = 0;
  for (const entry of index) {
    // Containers repeat their children's text: count textblocks only.
    if (!congressSchema.nodes[entry.type].isTextblock) continue;
    const count = wordCount(entry.text);
    total += count;
    if (entry.headingTrailIds.length === 0) preambleWords += count;
    for (const headingId of entry.headingTrailIds) words.set(headingId, (words.get(headingId) ?? 0) + count);
  }
  const sections: SectionMetrics[] = index
    .filter((entry) => entry.level !== null)
    .map((entry) => {
      const sectionWords = words.get(entry.blockId) ?? 0;
      return {
        blockId: entry.blockId,
        sectionNumber: entry.sectionNumber,
        level: entry.level as HeadingLevel,
        title: entry.text,
        words: sectionWords,
        minutes: readingTime(sectionWords, syllablesPerMinute),
      };
    });
  return { words: total, minutes: readingTime(total, syllablesPerMinute), preambleWords, sections };
};
