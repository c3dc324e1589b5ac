import { SectionCatalogue } from './comment-table-types';
import { foldText } from './fold-text';

// Which document of the round a row is about, from its "Văn kiện" cell or from a name written in
// the reference ("Báo cáo chính trị, mục II"). Names are compared folded, with the words every
// title may carry ("dự thảo", "văn kiện") left out, by containment, word overlap or initials
// ("BCCT", "CTHĐ", "NQ").

const FILLER = /\b(du thao|van kien|ban|lan \d+|lan thu \S+)\b/g;
// The names documents go by, for finding a document named inside a reference.
const KNOWN_NAMES = [
  'bao cao chinh tri tom tat',
  'bao cao chinh tri',
  'bao cao kiem diem',
  'bao cao tong ket',
  'chuong trinh hanh dong',
  'nghi quyet',
  'bcct',
  'cthd',
  'nq',
];

const cleanName = (text: string): string => foldText(text).replace(FILLER, ' ').replace(/\s+/g, ' ').trim();

const initials = (folded: string, count: number): string =>
  folded
    .split(' ')
    .slice(0, count)
    .map((word) => word[0] ?? '')
    .join('');

const similarity = (value: string, title: string): number => {
  if (value === '' || title === '') return 0;
  if (value === title) return 1;
  if (title.startsWith(`${value} `)) return 0.9;
  if (value.startsWith(`${title} `)) return 0.85;
  const compact = value.replace(/ /g, '');
  if (compact.length >= 2 && compact.length <= 6 && !value.includes(' ')) {
    for (let count = 2; count <= 6; count++) if (initials(title, count) === compact) return 0.8;
  }
  const valueWords = new Set(value.split(' '));
  const titleWords = new Set(title.split(' '));
  let shared = 0;
  for (const word of valueWords) if (titleWords.has(word)) shared++;
  return (2 * shared) / (valueWords.size + titleWords.size) * 0.8;
};

export type DocumentMatch = { document: SectionCatalogue } | { document: null; ambiguous: boolean };

/** The document a name means, when one matches clearly better than the others. */
export const matchDocument = (name: string, documents: readonly SectionCatalogue[]): DocumentMatch => {
  const value = cleanName(name);
  if (value === '') return { document: null, ambiguous: false };
  const scored = documents
    .map((document) => ({ document, score: similarity(value, cleanName(document.title)) }))
    .sort((a, b) => b.score - a.score);
  const [best, second] = scored;
  if (best === undefined || best.score < 0.5) return { document: null, ambiguous: false };
  if (second !== undefined && best.score - second.score < 0.05) return { document: null, ambiguous: true };
  return { document: best.document };
};

/**
 * A document named inside a reference, and the reference without the name. Only names of the
 * round's documents count, so "thực hiện Nghị quyết Đại hội" in a heading's words is left alone
 * when the round has no resolution.
 */
export const findDocumentInReference = (
  reference: string,
  documents: readonly SectionCatalogue[],
): { document: SectionCatalogue; rest: string } | null => {
  const folded = foldText(reference);
  for (const known of KNOWN_NAMES) {
    const at = ` ${folded} `.indexOf(` ${known} `);
    if (at < 0) continue;
    const match = matchDocument(known, documents);
    if (match.document === null) continue;
    // Remove the name's words from the original text, word by word, as written.
    const count = known.split(' ').length;
    const words = reference.split(/(\s+|[,;:])/);
    let removed = 0;
    let skippedWords = folded.slice(0, at).split(' ').filter((word) => word !== '').length;
    const kept: string[] = [];
    for (const piece of words) {
      const foldedPiece = foldText(piece);
      if (foldedPiece === '') {
        kept.push(piece);
        continue;
      }
      const pieceWords = foldedPiece.split(' ').length;
      if (skippedWords > 0) {
        skippedWords -= pieceWords;
        kept.push(piece);
        continue;
      }
      if (removed < count) {
        removed += pieceWords;
        continue;
      }
      kept.push(piece);
    }
    return { document: match.document, rest: kept.join('').replace(/^[\s,;:–—-]+/, '').trim() };
  }
  return null;
};
