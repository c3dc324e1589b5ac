import type { CommentKind } from '@vankien/domain';
import type { CommentInput } from './dto/submission.dto';

/** The blocks of the round's frozen versions: where a comment may anchor. */
export type BlockCatalogue = Map<string, Map<string, string>>;

export interface CheckedComment {
  documentVersionId: string;
  blockId: string;
  kind: CommentKind;
  text: string;
  quote: string | null;
  quotePrefix: string | null;
  quoteSuffix: string | null;
  supporters: number | null;
  supportersTotal: number | null;
}

export interface CommentProblem {
  /** 1-based line of the request's `comments` array. */
  line: number;
  field: string;
  reason: string;
}

/** Whitespace folded and NFC, so a quote typed or pasted differently still matches. */
const comparable = (text: string): string => text.normalize('NFC').replace(/\s+/g, ' ').trim();

/**
 * Checks comments against the frozen versions of the round: the version is in the round, the
 * block exists in it, a quote is really in that block (with its context), supporters do not
 * exceed the total. Every problem of every line is reported at once.
 */
export function checkComments(inputs: CommentInput[], catalogue: BlockCatalogue): { comments: CheckedComment[]; problems: CommentProblem[] } {
  const problems: CommentProblem[] = [];
  const comments: CheckedComment[] = [];
  const onlyVersion = catalogue.size === 1 ? [...catalogue.keys()][0] : undefined;
  inputs.forEach((input, index) => {
    const line = index + 1;
    const before = problems.length;
    const versionId = input.documentVersionId ?? onlyVersion;
    const blocks = versionId ? catalogue.get(versionId) : undefined;
    if (!versionId) problems.push({ line, field: 'documentVersionId', reason: 'documentVersionId is required: the round has several documents' });
    else if (!blocks) problems.push({ line, field: 'documentVersionId', reason: `version ${versionId} is not a document of this round` });
    const blockText = blocks?.get(input.blockId);
    if (blocks && blockText === undefined) problems.push({ line, field: 'blockId', reason: `block ${input.blockId} does not exist in that version` });
    const text = input.text.normalize('NFC').trim();
    if (text.length === 0 || text.length > 5000) problems.push({ line, field: 'text', reason: 'text must be 1 to 5000 characters' });
    if (input.quote !== undefined && blockText !== undefined) {
      const block = comparable(blockText);
      const quote = comparable(input.quote);
      const withContext = comparable(`${input.quotePrefix ?? ''}${input.quote}${input.quoteSuffix ?? ''}`);
      if (!block.includes(quote)) problems.push({ line, field: 'quote', reason: 'the quoted text is not in that block' });
      else if (!block.includes(withContext)) problems.push({ line, field: 'quotePrefix', reason: 'the text around the quote does not match the block' });
    }
    if ((input.quotePrefix !== undefined || input.quoteSuffix !== undefined) && input.quote === undefined) {
      problems.push({ line, field: 'quote', reason: 'quotePrefix and quoteSuffix need a quote' });
    }
    if (input.supporters !== undefined && input.supportersTotal !== undefined && input.supporters > input.supportersTotal) {
      problems.push({ line, field: 'supporters', reason: `supporters (${input.supporters}) exceed supportersTotal (${input.supportersTotal})` });
    }
    if (problems.length === before && versionId) {
      comments.push({
        documentVersionId: versionId,
        blockId: input.blockId,
        kind: input.kind,
        text,
        quote: input.quote?.normalize('NFC') ?? null,
        quotePrefix: input.quotePrefix?.normalize('NFC') ?? null,
        quoteSuffix: input.quoteSuffix?.normalize('NFC') ?? null,
        supporters: input.supporters ?? null,
        supportersTotal: input.supportersTotal ?? null,
      });
    }
  });
  return { comments, problems };
}
