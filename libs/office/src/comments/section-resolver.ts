import { normalizeText } from '@vankien/synthesis';
import { CatalogueBlock, ResolutionMethod, SectionCatalogue } from './comment-table-types';
import { ParsedReference, ReferenceComponent } from './section-reference';
import { wholeDocumentBlock } from '../synthesis/synthesis-report';
import { foldText } from './fold-text';

// Resolves a parsed reference against one frozen version's block index. Section numbers are
// joined segments ("P2.II.2.b", "II.2"): the reference's numbers are walked down that tree, a
// number missing directly under its parent being looked for deeper (a clerk's "Mục 4" under a
// part may be "P2.III.4"). When more than one section fits, the words of the reference decide,
// and only when one heading is clearly best; otherwise the row stays unresolved and says why.

const ROMANS = ['', 'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV', 'XVI', 'XVII', 'XVIII', 'XIX', 'XX'];
const toRoman = (value: number): string => ROMANS[value] ?? '';

// Words every heading or reference may carry and that say nothing about which section is meant.
const STOP_WORDS = new Set(
  foldText(
    'về và các của trong những đối với cho tại ở là được có này đó phần mục thứ nội dung đề nghị góp ý kiến ' +
    'dự thảo văn kiện báo cáo đoạn câu trang dòng điểm khoản tiểu nêu tại theo như một số'
  ).split(' '),
);

export interface ResolveOutcome {
  /** The section, when the evidence points to one clearly. */
  resolved: { blockId: string; sectionNumber: string; how: ResolutionMethod; score: number; exact?: boolean; wordsUnmatched?: boolean } | null;
  /**
   * Why there is none: 'not_found'; 'ambiguous' (several sections fit about as well);
   * 'disagrees' (the numbers point one way, the heading words another); 'page_only'.
   * `candidates`: section numbers, the likeliest first.
   */
  failure?: { reason: 'not_found' | 'ambiguous' | 'disagrees' | 'page_only'; candidates: string[] };
}

interface WordFit {
  score: number;
  exact: boolean;
}

interface Candidate {
  number: string;
  numberFit: number;
  wordFit: number;
  exact: boolean;
}

interface HeadingEntry {
  block: CatalogueBlock;
  words: Set<string>;
}

/** One document's sections, indexed once per table read. */
export class SectionIndex {
  readonly catalogue: SectionCatalogue;
  private readonly headingBySection = new Map<string, CatalogueBlock>();
  private readonly sectionNumbers: string[] = [];
  private readonly headings: HeadingEntry[] = [];
  private readonly idf = new Map<string, number>();
  readonly hasParts: boolean;

  constructor(catalogue: SectionCatalogue) {
    this.catalogue = catalogue;
    for (const block of catalogue.blocks) {
      if (block.sectionNumber === '') continue;
      const current = this.headingBySection.get(block.sectionNumber);
      // The heading opens its section; blocks under it share its number.
      if (current === undefined || (current.type !== 'heading' && block.type === 'heading')) {
        if (current === undefined) this.sectionNumbers.push(block.sectionNumber);
        this.headingBySection.set(block.sectionNumber, block);
      }
    }
    this.hasParts = this.sectionNumbers.some((number) => /^P\d+/.test(number));
    const documentFrequency = new Map<string, number>();
    for (const number of this.sectionNumbers) {
      const block = this.headingBySection.get(number);
      if (block === undefined || block.type !== 'heading') continue;
      const words = contentWords(stripHeadingNumber(block.text));
      this.headings.push({ block, words });
      for (const word of words) documentFrequency.set(word, (documentFrequency.get(word) ?? 0) + 1);
    }
    const count = Math.max(this.headings.length, 1);
    for (const [word, frequency] of documentFrequency) this.idf.set(word, Math.log(1 + count / frequency));
  }

  /** The first block of the document (its title), for comments on the whole document. */
  firstBlock(): CatalogueBlock | undefined {
    return wholeDocumentBlock(this.catalogue.blocks);
  }

  /** The blocks before the first heading, other than the title (see openingBlocks). */
  openingBlocks(): CatalogueBlock[] {
    return openingBlocks(this.catalogue);
  }

  blockFor(sectionNumber: string): CatalogueBlock | undefined {
    return this.headingBySection.get(sectionNumber);
  }

  private exists(sectionNumber: string): boolean {
    return this.headingBySection.has(sectionNumber);
  }

  private join(scope: string, segment: string): string {
    return scope === '' ? segment : `${scope}.${segment}`;
  }

  /** Sections under `scope` (at any depth) whose last segment is `segment`, the shallowest ones. */
  private deeper(scope: string, segment: string): string[] {
    const prefix = scope === '' ? '' : `${scope}.`;
    let found: string[] = [];
    let depth = Number.POSITIVE_INFINITY;
    for (const number of this.sectionNumbers) {
      if (!number.startsWith(prefix)) continue;
      const segments = number.slice(prefix.length).split('.');
      if (segments[segments.length - 1] !== segment) continue;
      if (segments.length < depth) {
        depth = segments.length;
        found = [number];
      } else if (segments.length === depth) found.push(number);
    }
    return found;
  }

  /**
   * Every section the component may mean under `scope`, with how well the writing fits: the
   * number as written directly under its parent fits best, the same value in the other
   * numbering (Roman for Arabic, Arabic for Roman) next, a number found deeper least.
   */
  private interpretations(scope: string, component: ReferenceComponent): [string, number][] {
    const found: [string, number][] = [];
    const direct = (segment: string, fit: number): void => {
      const number = this.join(scope, segment);
      if (segment !== '' && this.exists(number)) found.push([number, fit]);
    };
    const deeper = (segment: string, fit: number): void => {
      if (segment === '') return;
      for (const number of this.deeper(scope, segment)) if (number !== this.join(scope, segment)) found.push([number, fit]);
    };
    switch (component.level) {
      case 'part':
        // "Phần II" of a document without parts (an action program) is its section II.
        // (a reading that fits less well than a part where the document has parts)
        if (!this.hasParts) {
          direct(toRoman(component.value), 0.5);
          direct(String(component.value), 0.45);
        } else if (scope === '') direct(`P${component.value}`, 1);
        break;
      case 'section':
        direct(toRoman(component.value), 1);
        direct(String(component.value), 0.85);
        deeper(toRoman(component.value), 0.7);
        break;
      case 'arabic':
        direct(String(component.value), 1);
        direct(toRoman(component.value), 0.9);
        deeper(String(component.value), 0.6);
        break;
      case 'subsection':
        direct(String(component.value), 1);
        deeper(String(component.value), 0.7);
        break;
      case 'item':
        direct(component.value, 1);
        deeper(component.value, 0.7);
        break;
    }
    return found;
  }

  /** Sections the numbers may mean, each with its fit (the product of its steps'). */
  private numberCandidates(components: readonly ReferenceComponent[]): Map<string, number> {
    let scopes = new Map<string, number>([['', 1]]);
    for (const component of components) {
      const next = new Map<string, number>();
      for (const [scope, fit] of scopes) {
        for (const [number, stepFit] of this.interpretations(scope, component)) next.set(number, Math.max(next.get(number) ?? 0, fit * stepFit));
      }
      if (next.size === 0) return next;
      scopes = next;
    }
    return scopes;
  }

  /** Each heading's fit to the words (0–1; a heading with exactly these words 1.2), for headings covering at least half of them. */
  private wordScores(words: ReadonlySet<string>): Map<string, WordFit> {
    const weightOf = (word: string): number => this.idf.get(word) ?? Math.log(1 + Math.max(this.headings.length, 1));
    let total = 0;
    for (const word of words) total += weightOf(word);
    const scores = new Map<string, WordFit>();
    for (const entry of this.headings) {
      let shared = 0;
      let sharedCount = 0;
      for (const word of words) {
        if (entry.words.has(word)) {
          shared += weightOf(word);
          sharedCount++;
        }
      }
      const coverage = total === 0 ? 0 : shared / total;
      if (coverage < 0.5) continue;
      const exact = sharedCount === words.size && sharedCount === entry.words.size;
      const precision = entry.words.size === 0 ? 0 : sharedCount / entry.words.size;
      scores.set(entry.block.sectionNumber, { score: exact ? 1.2 : coverage * 0.8 + precision * 0.2, exact });
    }
    return scores;
  }

  /**
   * Resolves a reference from all its evidence: the sections its numbers may mean (in every
   * numbering that fits), and the headings its words name. A section both point to, or the one
   * the numbers point to when the words name nothing, is resolved; when the words name a section
   * the numbers do not lead to, or two sections fit about as well, nothing is resolved and the
   * candidates are given.
   */
  resolve(reference: ParsedReference): ResolveOutcome {
    const outcome = this.resolveEvidence(reference);
    // numbers the reading left aside may have named another section: never sure then
    if (reference.ignored === true && outcome.resolved !== null) {
      return { resolved: null, failure: { reason: 'ambiguous', candidates: [outcome.resolved.sectionNumber] } };
    }
    return outcome;
  }

  private resolveEvidence(reference: ParsedReference): ResolveOutcome {
    const { components } = reference;
    const words = contentWords(reference.words.join(' '));
    // "Phần thứ hai, trang 5": the page was the clerk's real pointer; a part alone would put the
    // comment on the part's heading, far from where it belongs.
    const pageWithPartOnly = components.length > 0 && components.every((component) => component.level === 'part');
    if (reference.pageReferences.length > 0 && words.size === 0 && (pageWithPartOnly || components.length === 0)) {
      return { resolved: null, failure: { reason: 'page_only', candidates: [] } };
    }
    if (components.length === 0 && words.size === 0) return { resolved: null };
    const byWords = words.size > 0 ? this.wordScores(words) : new Map<string, WordFit>();
    if (components.length === 0) return this.decideByWords(byWords);
    const numbers = this.numberCandidates(components);
    if (numbers.size === 0) {
      // The numbers lead nowhere: words that name a heading exactly still say where, but not surely.
      const named = [...byWords].filter(([, fit]) => fit.exact).map(([number]) => number);
      return { resolved: null, failure: { reason: named.length > 0 ? 'disagrees' : 'not_found', candidates: named.slice(0, 3) } };
    }
    const how: ResolutionMethod = components.some((component) => component.level === 'part' && component.written !== 'code') ? 'part_ordinal' : 'section_number';
    // Each candidate: a section the numbers lead to, or a heading under one that the words name.
    const scored: Candidate[] = [];
    for (const [number, fit] of numbers) {
      const own = byWords.get(number);
      scored.push({ number, numberFit: fit, wordFit: own?.score ?? 0, exact: own?.exact ?? false });
      for (const [heading, wordFit] of byWords) {
        if (heading !== number && isWithin(heading, number)) scored.push({ number: heading, numberFit: fit * 0.8, wordFit: wordFit.score, exact: wordFit.exact });
      }
    }
    const wordsSpeak = byWords.size > 0;
    const total = (candidate: Candidate): number => candidate.numberFit + (wordsSpeak ? 1.5 * candidate.wordFit : 0);
    scored.sort((a, b) => total(b) - total(a));
    const ranked: Candidate[] = [];
    for (const candidate of scored) if (!ranked.some((other) => other.number === candidate.number)) ranked.push(candidate);
    const [best, second] = ranked;
    // Words naming a heading the numbers do not lead to, better than any they do: they disagree.
    const bestByWords = [...byWords].sort((a, b) => b[1].score - a[1].score)[0];
    if (bestByWords !== undefined && !ranked.some((candidate) => candidate.number === bestByWords[0]) && bestByWords[1].score - best.wordFit >= 0.3) {
      return { resolved: null, failure: { reason: 'disagrees', candidates: [bestByWords[0], ...ranked.slice(0, 2).map((candidate) => candidate.number)] } };
    }
    if (second !== undefined && total(best) - total(second) < 0.25) {
      return { resolved: null, failure: { reason: 'ambiguous', candidates: ranked.slice(0, 3).map((candidate) => candidate.number) } };
    }
    const outcome = this.found(best.number, best.wordFit > 0 && !numbers.has(best.number) ? 'heading_words' : how, total(best));
    if (outcome.resolved !== null && best.exact) outcome.resolved.exact = true;
    // words given that name nothing in this document: another document where they do is likelier
    if (outcome.resolved !== null && words.size > 0 && !wordsSpeak) outcome.resolved.wordsUnmatched = true;
    return outcome;
  }

  /** Words alone: the heading with exactly these words, else the one covering them clearly best. */
  private decideByWords(byWords: ReadonlyMap<string, WordFit>): ResolveOutcome {
    const ranked = [...byWords].sort((a, b) => b[1].score - a[1].score);
    if (ranked.length === 0) return { resolved: null, failure: { reason: 'not_found', candidates: [] } };
    const exact = ranked.filter(([, fit]) => fit.exact);
    if (exact.length > 1) return { resolved: null, failure: { reason: 'ambiguous', candidates: exact.slice(0, 3).map(([number]) => number) } };
    const [best, second] = ranked;
    // a partial match must be the only one, or clearly ahead of the next
    const enough = second === undefined ? best[1].score >= 0.55 : best[1].score >= 0.75 && best[1].score - second[1].score >= 0.15;
    if (!best[1].exact && !enough) {
      return { resolved: null, failure: { reason: 'ambiguous', candidates: ranked.slice(0, 3).map(([number]) => number) } };
    }
    const outcome = this.found(best[0], 'heading_words', best[1].score);
    if (outcome.resolved !== null && best[1].exact) outcome.resolved.exact = true;
    return outcome;
  }

  private found(sectionNumber: string, how: ResolutionMethod, score: number): ResolveOutcome {
    const block = this.headingBySection.get(sectionNumber);
    if (block === undefined) return { resolved: null, failure: { reason: 'not_found', candidates: [] } };
    return { resolved: { blockId: block.blockId, sectionNumber, how, score } };
  }
}

const isWithin = (sectionNumber: string, scope: string): boolean => sectionNumber === scope || sectionNumber.startsWith(`${scope}.`);

/** "II. MỤC TIÊU" → "MỤC TIÊU", "Phần thứ hai: …" → "…", "a) Công tác …" → "Công tác …". */
export const stripHeadingNumber = (text: string): string =>
  text
    .replace(/^\s*phần\s+thứ\s+\S+\s*[:.–—-]?\s*/iu, '')
    .replace(/^\s*(?:[IVXLC]+|\d{1,3}(?:\.\d{1,3})*|[a-zđ])\s*[.)]\s*/u, '')
    .trim();

/**
 * The words of a text that may tell sections apart, folded (no tone marks: references are typed
 * with and without them; headings are few enough that folding confuses none).
 */
export const contentWords = (text: string): Set<string> => {
  const words = new Set<string>();
  // "công tác" opens headings of every kind ("Công tác tổ chức, cán bộ"): it tells none apart
  for (const word of foldText(normalizeText(text)).replace(/\bcong tac\b/g, ' ').split(' ')) {
    if (word === '' || STOP_WORDS.has(word) || /^\d/.test(word)) continue;
    words.add(word);
  }
  return words;
};

/**
 * The blocks before the first heading other than the title: the congress's theme, the opening
 * part. They have no section number; the template names them by their first words ("Mở đầu –
 * “Chủ đề Đại hội: …”"), and a row so named is resolved back by those words.
 */
export function openingBlocks(catalogue: SectionCatalogue): CatalogueBlock[] {
  const firstNumbered = catalogue.blocks.findIndex((block) => block.sectionNumber !== '');
  // (a document without numbered sections has no opening part: its comments are on the whole)
  if (firstNumbered < 0) return [];
  return catalogue.blocks.slice(1, firstNumbered).filter((block) => block.type !== 'title' && block.text.trim() !== '');
}
