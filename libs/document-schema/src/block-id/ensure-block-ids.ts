import { MAX_DEPTH } from '../schema/limits';
import { checkBlockId } from '../schema/attribute-rules';
import { isBlockTypeName } from '../schema/node-types';
import { BlockIdGenerator, freshBlockId, randomBlockId } from './id-generator';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const visitBlocks = (node: unknown, depth: number, visit: (block: Record<string, unknown>) => void): void => {
  // Past the depth limit validation will reject the document anyway; stopping here keeps this
  // function from overflowing the stack on hostile input.
  if (!isRecord(node) || depth > MAX_DEPTH) return;
  if (typeof node['type'] === 'string' && isBlockTypeName(node['type'])) visit(node);
  const content = node['content'];
  if (Array.isArray(content)) for (const child of content) visitBlocks(child, depth + 1, visit);
};

const copyJson = (value: unknown, depth: number): unknown => {
  if (depth > MAX_DEPTH + 1) return value;
  if (Array.isArray(value)) return value.map((item) => copyJson(item, depth + 1));
  if (isRecord(value)) {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) copy[key] = copyJson(item, depth + 1);
    return copy;
  }
  return value;
};

/**
 * The server-side twin of the block-id plugin, for JSON (DOCX import, API clients, templates).
 * Returns a copy in which every block has a valid id that is unique in the document: a block
 * with no id, an invalid one, or the id of a block earlier in document order gets a fresh id.
 * Without an editing history to tell original from copy, the first occurrence is the original.
 * Fresh ids never equal an id found anywhere in the input. The input is not changed.
 */
export const ensureBlockIds = <T>(docJson: T, generateId: BlockIdGenerator = randomBlockId): T => {
  const copy = copyJson(docJson, 0) as T;
  const taken = new Set<string>();
  visitBlocks(copy, 0, (block) => {
    const attrs = block['attrs'];
    if (isRecord(attrs) && typeof attrs['blockId'] === 'string') taken.add(attrs['blockId']);
  });
  const kept = new Set<string>();
  visitBlocks(copy, 0, (block) => {
    const attrs = isRecord(block['attrs']) ? block['attrs'] : {};
    const id = attrs['blockId'];
    if (typeof id === 'string' && checkBlockId(id) === null && !kept.has(id)) {
      kept.add(id);
    } else {
      block['attrs'] = { ...attrs, blockId: freshBlockId(generateId, taken) };
    }
  });
  return copy;
};
