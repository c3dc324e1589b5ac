// One comment → its prepared form, computed once and stored by the worker.
import { extractFeatures, type Operation } from './features';
import { detectLegacyEncoding, convertFromTcvn3, convertFromVni } from './legacy-encoding';
import { minHashSignature, shingleHashes } from './minhash';
import { stripLeadingMarkers, tokenize } from './normalize';
import type { CommentFamily, CommentInput, PreparedComment } from './types';

export function prepareComment(input: CommentInput): PreparedComment {
  const nfc = input.text.normalize('NFC').trim();
  const legacyEncoding = detectLegacyEncoding(nfc);
  const text =
    legacyEncoding === 'tcvn3'
      ? convertFromTcvn3(nfc).normalize('NFC')
      : legacyEncoding === 'vni'
        ? convertFromVni(nfc).normalize('NFC')
        : nfc;
  const tokens = tokenize(stripLeadingMarkers(text.toLowerCase()));
  const features = extractFeatures(tokens);
  const operations: Operation[] = [...features.operations];
  // The kind a unit chose says which change it asks for when its words do not.
  if (operations.length === 0 && input.kind === 'add') operations.push('add');
  if (operations.length === 0 && input.kind === 'delete') operations.push('remove');
  const family: CommentFamily = features.agreement ? 'agreement' : input.kind === 'question' ? 'question' : 'proposal';
  const prepared: PreparedComment = {
    id: input.id,
    unit: input.unit,
    sourceType: input.sourceType,
    ...(input.documentId !== undefined ? { documentId: input.documentId } : {}),
    blockId: input.blockId,
    kind: input.kind,
    text,
    supporters: input.supporters ?? 1,
    ...(input.supportersTotal !== undefined ? { supportersTotal: input.supportersTotal } : {}),
    family,
    normalized: tokens.join(' '),
    content: features.content,
    operations: operations.sort(),
    numbers: features.numbers,
    quantitative: features.quantitative,
    signature: minHashSignature(shingleHashes(features.content)),
    ...(legacyEncoding !== null ? { legacyEncoding } : {}),
  };
  return prepared;
}
