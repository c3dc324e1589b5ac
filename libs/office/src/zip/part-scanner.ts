import { forbiddenDeclaration } from './zip-errors';

// Scans one entry's inflated bytes as they stream past, without holding them: refuses a DOCTYPE
// or ENTITY declaration (no Office part has one; one that does is an XXE or billion-laughs
// attempt, whatever the XML parser downstream would do with it) and counts markers of content
// the import cannot keep (tracked changes, comments, text boxes …) for its report.
//
// Every entry is scanned, whatever its name: a relationship can make mammoth read `main.bin` as
// the main document, and exceljs reads every entry. The bytes are read as Latin-1 with NUL bytes
// dropped, so one search finds an ASCII declaration whether the part is UTF-8, UTF-16 (either byte
// order, with or without a byte-order mark) or UTF-32, and no decoding error can hide one.

// Without the `u` flag, `i` folds only ASCII letters onto ASCII letters (ECMA-262 Canonicalize).
const FORBIDDEN = /<!(DOCTYPE|ENTITY)/i;
const LONGEST_FORBIDDEN = '<!DOCTYPE'.length;
// Markers are counted only in parts that start as XML (after a byte-order mark or blanks): they
// feed the import report, not a security decision, and searching images for them costs time.
const BOM_AND_BLANKS = /^(\u00ef\u00bb\u00bf|\u00ff\u00fe|\u00fe\u00ff)?\s*/;
// A byte-order mark is at most three Latin-1 characters: decide only once that many have come.
const LONGEST_BOM = 3;

export type MarkerCounts = Map<string, number>;

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class PartScanner {
  readonly counts: MarkerCounts;
  private readonly pattern: RegExp | null;
  private readonly keep: number;
  private carry = '';
  private countMarkers: boolean | null = null;

  constructor(
    private readonly name: string,
    markers: readonly string[] = [],
  ) {
    this.counts = new Map(markers.map((marker) => [marker, 0]));
    this.pattern = markers.length === 0 ? null : new RegExp(markers.map(escapeRegExp).join('|'), 'g');
    // Enough of the previous chunk to find a pattern that straddles two chunks.
    this.keep = Math.max(LONGEST_FORBIDDEN, ...markers.map((marker) => marker.length)) - 1;
  }

  /** Throws EXTERNAL_ENTITY when the text so far holds a declaration. */
  write(chunk: Buffer): void {
    const text = chunk.toString('latin1').replace(/\0/g, '');
    const window = this.carry + text;
    const declaration = FORBIDDEN.exec(window);
    if (declaration !== null) throw forbiddenDeclaration(this.name, `<!${declaration[1].toUpperCase()}`);
    if (this.countMarkers === null && window.length >= LONGEST_BOM) {
      const head = window.replace(BOM_AND_BLANKS, '');
      if (head !== '') this.countMarkers = head.startsWith('<');
    }
    if (this.countMarkers === true && this.pattern !== null) {
      this.pattern.lastIndex = 0;
      for (let match = this.pattern.exec(window); match !== null; match = this.pattern.exec(window)) {
        // Count only occurrences that end in the new text, so none is counted twice across chunks.
        if (match.index + match[0].length > this.carry.length) this.counts.set(match[0], (this.counts.get(match[0]) ?? 0) + 1);
      }
    }
    this.carry = window.slice(Math.max(0, window.length - this.keep));
  }
}
