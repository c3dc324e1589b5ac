import { HeadingLevel, parseWrittenNumber } from '@vankien/document-schema';

// Many drafts come without heading styles: the structure is only in the numbers drafters type,
// one style per level (see section-numbering.ts in document-schema):
//   "Phần thứ nhất", "PHẦN THỨ HAI", "Phần I"  → part        "I.", "IV."  → section
//   "1.", "2."                                → subsection  "a)", "đ)"   → item
// A paragraph so numbered is a heading only when it is short: "1. Tiếp tục đẩy mạnh …" over
// five lines is a numbered paragraph of body text, not a subsection title.

const MAX_HEADING_WORDS = 40;
const PART = /^phần\s+(?:thứ\s+)?(?:nhất|một|hai|ba|tư|bốn|năm|sáu|bảy|bẩy|tám|chín|mười|\d{1,2}|[IVX]{1,5})(?=$|[\s.:,–-])/iu;
const SECTION = /^[IVXLC]{1,6}\s*[.)–-]\s*\S/u;
const SUBSECTION = /^\d{1,2}\s*\.(?!\d)\s*\S/u;
const ITEM = /^[a-zđ]\)\s*\S/u;

const wordCount = (text: string): number => text.split(/\s+/).filter((word) => word !== '').length;

/** The heading level a paragraph's written number gives it, or null for body text. */
export const numberedHeadingLevel = (text: string): HeadingLevel | null => {
  const head = text.normalize('NFC').trim();
  if (head === '' || wordCount(head) > MAX_HEADING_WORDS) return null;
  // A heading does not end like a clause of an enumeration.
  if (/[;,]$/.test(head)) return null;
  if (PART.test(head) && parseWrittenNumber(1, head) !== null) return 1;
  if (SECTION.test(head) && parseWrittenNumber(2, head) !== null) return 2;
  if (SUBSECTION.test(head) && parseWrittenNumber(3, head) !== null) return 3;
  if (ITEM.test(head) && parseWrittenNumber(4, head) !== null) return 4;
  return null;
};
