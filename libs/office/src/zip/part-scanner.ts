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

const FORBIDDEN = ['<!DOCTYPE', '<!ENTITY'];

export type MarkerCounts = Map<string, number>;

export class PartScanner {
  readonly counts: MarkerCounts;
  private readonly keep: number;
  private carry = '';

  constructor(
    private readonly name: string,
    private readonly markers: readonly string[] = [],
  ) {
    this.counts = new Map(markers.map((marker) => [marker, 0]));
    // Enough of the previous chunk to find a pattern that straddles two chunks.
    this.keep = Math.max(...[...FORBIDDEN, ...markers].map((pattern) => pattern.length)) - 1;
  }

  /** Throws EXTERNAL_ENTITY when the text so far holds a declaration. */
  write(chunk: Buffer): void {
    const text = chunk.toString('latin1').replace(/\0/g, '');
    const window = this.carry + text;
    const upper = window.toUpperCase();
    for (const declaration of FORBIDDEN) {
      if (upper.includes(declaration)) throw forbiddenDeclaration(this.name, declaration);
    }
    for (const marker of this.markers) {
      // Count only occurrences that end in the new text, so none is counted twice across chunks.
      for (let at = window.indexOf(marker); at >= 0; at = window.indexOf(marker, at + 1)) {
        if (at + marker.length > this.carry.length) this.counts.set(marker, (this.counts.get(marker) ?? 0) + 1);
      }
    }
    this.carry = window.slice(Math.max(0, window.length - this.keep));
  }
}
