// One comment → its prepared form, computed once and stored by the worker.
import { extractFeatures, type Operation } from './features';
import { convertFromTcvn3, convertFromVni, detectLegacyEncoding, type LegacyEncoding } from './legacy-encoding';
import { minHashSignature, shingleHashes } from './minhash';
import { stripLeadingMarkers, tokenizeWithBreaks } from './normalize';
import type { CommentFamily, CommentInput, PreparedComment } from './types';

/** What the text alone determines (the same for every comment with this text). */
export interface TextAnalysis {
  readonly text: string;
  readonly legacyEncoding: LegacyEncoding | null;
  readonly normalized: string;
  readonly content: string[];
  readonly operations: Operation[];
  readonly numbers: string[];
  readonly quantitative: boolean;
  readonly agreement: boolean;
  readonly objects: string[];
  readonly requestQuestion: boolean;
  readonly signature: number[];
}

function analyseText(raw: string, signatures?: Map<string, number[]>): TextAnalysis {
  const nfc = raw.normalize('NFC').trim();
  const legacyEncoding = detectLegacyEncoding(nfc);
  const text =
    legacyEncoding === 'tcvn3'
      ? convertFromTcvn3(nfc).normalize('NFC')
      : legacyEncoding === 'vni'
        ? convertFromVni(nfc).normalize('NFC')
        : nfc;
  const { tokens, breaks } = tokenizeWithBreaks(stripLeadingMarkers(text.toLowerCase()));
  const features = extractFeatures(tokens, breaks);
  let signature: number[] | undefined;
  if (signatures) {
    const key = features.content.join(' ');
    signature = signatures.get(key);
    if (!signature) {
      signature = minHashSignature(shingleHashes(features.content));
      signatures.set(key, signature);
    }
  } else signature = minHashSignature(shingleHashes(features.content));
  return {
    text,
    legacyEncoding,
    normalized: tokens.join(' '),
    content: features.content,
    operations: features.operations,
    numbers: features.numbers,
    quantitative: features.quantitative,
    agreement: features.agreement,
    objects: features.objects,
    requestQuestion: features.requestQuestion,
    signature,
  };
}

// Shared (never mutated) so that comments of one text and kind share one array.
const ADD_ONLY: Operation[] = ['add'];
const REMOVE_ONLY: Operation[] = ['remove'];

function assemble(input: CommentInput, analysis: TextAnalysis): PreparedComment {
  let operations = analysis.operations;
  // The kind a unit chose says which change it asks for when its words do not.
  if (operations.length === 0 && input.kind === 'add') operations = ADD_ONLY;
  else if (operations.length === 0 && input.kind === 'delete') operations = REMOVE_ONLY;
  // A request put as a question ("sao không bổ sung …?") is clustered with the requests.
  const family: CommentFamily = analysis.agreement
    ? 'agreement'
    : input.kind === 'question' && !analysis.requestQuestion
      ? 'question'
      : 'proposal';
  // Built in one literal (absent optional fields stay undefined and vanish in JSON): spreading
  // conditional objects here cost a noticeable share of the whole synthesis at a million lines.
  const prepared: PreparedComment = {
    id: input.id,
    unit: input.unit,
    sourceType: input.sourceType,
    documentId: input.documentId,
    blockId: input.blockId,
    kind: input.kind,
    text: analysis.text,
    supporters: input.supporters,
    supportersTotal: input.supportersTotal,
    contributor: input.contributor === true ? true : undefined,
    family,
    normalized: analysis.normalized,
    content: analysis.content,
    operations,
    numbers: analysis.numbers,
    quantitative: analysis.quantitative,
    objects: analysis.objects,
    signature: analysis.signature,
    legacyEncoding: analysis.legacyEncoding ?? undefined,
  };
  return prepared;
}

/** Prepares one comment: normalised text, content syllables, operations, numbers, signature. */
export function prepareComment(input: CommentInput): PreparedComment {
  return assemble(input, analyseText(input.text));
}

/**
 * Prepares many comments (one block, typically), analysing each distinct text once: thousands
 * of "Tán thành" lines cost one analysis. The prepared comments share their (read-only) arrays.
 * Drop the preparer with the block to release its memory.
 */
export class CommentPreparer {
  private readonly texts = new Map<string, TextAnalysis>();
  private readonly signatures = new Map<string, number[]>();

  prepare(input: CommentInput): PreparedComment {
    return assemble(input, this.analyse(input.text));
  }

  /**
   * The analysis of a text, made once per distinct text: what prepare() uses. Keeping it instead
   * of the prepared comment (prepareAnalysed makes that later) keeps one object per distinct text.
   */
  analyse(text: string): TextAnalysis {
    let analysis = this.texts.get(text);
    if (!analysis) {
      analysis = analyseText(text, this.signatures);
      this.texts.set(text, analysis);
    }
    return analysis;
  }
}

/** prepare() of a comment whose text was analysed already (`analysis` is CommentPreparer.analyse of input.text). */
export function prepareAnalysed(input: CommentInput, analysis: TextAnalysis): PreparedComment {
  return assemble(input, analysis);
}
