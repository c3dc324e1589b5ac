import { normalizeText } from '@vankien/synthesis';
import { CatalogueBlock, ResolutionMethod, SectionCatalogue } from './comment-table-types';
import { ParsedReference, ReferenceComponent } from './section-reference';
import { wholeDocumentBlock } from '../synthesis/synthesis-report';

// Resolves a parsed reference against one frozen version's block index. Section numbers are
// joined segments ("P2.II.2.b", "II.2"): the reference's numbers are walked down that tree, a
// number missing directly under its parent being looked for deeper (a clerk's "Mục 4" under a
// part may be "P2.III.4"). When more than one section fits, the words of the reference decide,
// and only when one heading is clearly best; otherwise the row stays unresolved and says why.

const ROMANS = ['', 'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV', 'XVI', 'XVII', 'XVIII', 'XIX', 'XX'];
const toRoman = (value: number): string => ROMANS[value] ?? '';

// Words every heading or reference may carry and that say nothing about which section is meant.
const STOP_WORDS = new Set(
  (
    'về và các của trong những đối với cho tại ở là được có này đó phần mục thứ nội dung đề nghị góp ý kiến ' +
    'dự thảo văn kiện báo cáo đoạn câu trang dòng điểm khoản tiểu nêu tại theo như một số'
  ).split(' '),
);

export interface ResolveOutcome {
  resolved: { blockId: string; sectionNumber: string; how: ResolutionMethod; score: number } | null;
  /** Why it failed: 'not_found', 'ambiguous' (with candidates), 'no_reference', 'page_only'. */
  failure?: { reason: 'not_found' | 'ambiguous' | 'page_only'; candidates: string[] };
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

  private step(scope: string, component: ReferenceComponent): string[] {
    const direct = (segment: string): string[] => (this.exists(this.join(scope, segment)) ? [this.join(scope, segment)] : []);
    switch (component.level) {
      case 'part': {
        // "Phần II" of a document without parts (an action program) is its section II.
        if (!this.hasParts) return direct(toRoman(component.value));
        return scope === '' ? direct(`P${component.value}`) : [];
      }
      case 'section': {
        const roman = toRoman(component.value);
        const found = direct(roman);
        return found.length > 0 ? found : this.deeper(scope, roman);
      }
      case 'arabic': {
        const written = direct(String(component.value));
        if (written.length > 0) return written;
        const asSection = direct(toRoman(component.value));
        if (asSection.length > 0) return asSection;
        return this.deeper(scope, String(component.value));
      }
      case 'subsection': {
        const found = direct(String(component.value));
        return found.length > 0 ? found : this.deeper(scope, String(component.value));
      }
      case 'item': {
        const found = direct(component.value);
        return found.length > 0 ? found : this.deeper(scope, component.value);
      }
    }
  }

  /** Resolves the numbers of a reference, then lets its words decide between what remains. */
  resolve(reference: ParsedReference): ResolveOutcome {
    const { components } = reference;
    const words = contentWords(reference.words.join(' '));
    // "Phần thứ hai, trang 5": the page was the clerk's real pointer; a part alone would put the
    // comment on the part's heading, far from where it belongs.
    const pageWithPartOnly = components.length > 0 && components.every((component) => component.level === 'part');
    if (reference.pageReferences.length > 0 && words.size === 0 && pageWithPartOnly) {
      return { resolved: null, failure: { reason: 'page_only', candidates: [] } };
    }
    if (components.length === 0) {
      if (words.size === 0) {
        return reference.pageReferences.length > 0 ? { resolved: null, failure: { reason: 'page_only', candidates: [] } } : { resolved: null };
      }
      return this.byWords(words, this.headings, 'heading_words');
    }
    let scopes = [''];
    for (const component of components) {
      const next = new Set<string>();
      for (const scope of scopes) for (const found of this.step(scope, component)) next.add(found);
      if (next.size === 0) return { resolved: null, failure: { reason: 'not_found', candidates: [] } };
      scopes = [...next];
    }
    const how: ResolutionMethod = components.some((component) => component.level === 'part' && component.written !== 'code')
      ? 'part_ordinal'
      : 'section_number';
    // Words after the numbers may name a heading below them ("Phần thứ hai, về công tác xây
    // dựng Đảng") or tell apart sections sharing the numbers ("Mục II.2, các chỉ tiêu chủ yếu").
    if (words.size > 0) {
      const within = this.headings.filter((entry) => scopes.some((scope) => isWithin(entry.block.sectionNumber, scope)));
      const byWords = this.byWords(words, within, 'heading_words');
      if (byWords.resolved !== null) {
        // The words only confirmed (or chose between) numbered sections: the numbers resolved it.
        if (scopes.includes(byWords.resolved.sectionNumber)) byWords.resolved.how = how;
        return byWords;
      }
    }
    if (scopes.length === 1) return this.found(scopes[0], how, 1);
    return { resolved: null, failure: { reason: 'ambiguous', candidates: scopes } };
  }

  /** The heading whose words best cover the reference's, when it is clearly the best. */
  byWords(words: ReadonlySet<string>, among: readonly HeadingEntry[], how: ResolutionMethod): ResolveOutcome {
    const weightOf = (word: string): number => this.idf.get(word) ?? Math.log(1 + Math.max(this.headings.length, 1));
    let total = 0;
    for (const word of words) total += weightOf(word);
    const scored = among
      .map((entry) => {
        let shared = 0;
        let sharedCount = 0;
        for (const word of words) {
          if (entry.words.has(word)) {
            shared += weightOf(word);
            sharedCount++;
          }
        }
        // Coverage of the reference first; a heading with fewer extra words wins a tie.
        const coverage = total === 0 ? 0 : shared / total;
        const precision = entry.words.size === 0 ? 0 : sharedCount / entry.words.size;
        return { entry, score: coverage * 0.8 + precision * 0.2, coverage };
      })
      .filter((candidate) => candidate.coverage >= 0.5)
      .sort((a, b) => b.score - a.score);
    if (scored.length === 0) return { resolved: null, failure: { reason: 'not_found', candidates: [] } };
    const [best, second] = scored;
    if (second !== undefined && best.score - second.score < 0.1) {
      return { resolved: null, failure: { reason: 'ambiguous', candidates: scored.slice(0, 3).map((candidate) => candidate.entry.block.sectionNumber) } };
    }
    return this.found(best.entry.block.sectionNumber, how, best.score);
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

/** The normalised words of a text that may tell sections apart. */
export const contentWords = (text: string): Set<string> => {
  const words = new Set<string>();
  for (const word of normalizeText(text).split(' ')) {
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
