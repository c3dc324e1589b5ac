/**
 * Words as Vietnamese is written: each syllable is written apart ("đại hội" is two), so the number
 * of space-separated tokens is the number of syllables, the unit speech rates are measured in.
 * A token counts if it holds a letter or a digit, so a lone dash or bullet does not.
 * "7–7,5%" counts as one word although it is read "bảy đến bảy phẩy năm phần trăm": the reading
 * rate below is low enough to absorb such expansions in ordinary prose.
 */
export const wordCount = (text: string): number => {
  let count = 0;
  for (const token of text.split(/\s+/u)) if (/[\p{L}\p{N}]/u.test(token)) count += 1;
  return count;
};

/**
 * How fast a report is read aloud at a congress, in syllables per minute.
 * Why 120: conversation and broadcast news are clearly faster, but a report at a congress is
 * read slowly and formally, with pauses at every clause, for emphasis and for applause, and its
 * figures (percentages, ranges, dates) take more syllables to say than to write. The product's
 * working range for formal reading is 110–130 syllables a minute; 120 is its middle and makes a
 * 12,000-syllable report a 100-minute reading. It is an estimate, not a measurement: callers
 * who time real readings can pass their own rate.
 */
export const READING_SYLLABLES_PER_MINUTE = 120;

/** Minutes needed to read `words` syllables aloud, to one decimal. */
export const readingTime = (words: number, syllablesPerMinute: number = READING_SYLLABLES_PER_MINUTE): number => {
  if (!Number.isFinite(words) || words <= 0 || !(syllablesPerMinute > 0)) return 0;
  return Math.round((words / syllablesPerMinute) * 10) / 10;
};
