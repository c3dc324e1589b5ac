import { ContentMatch, Node as ProseMirrorNode, NodeType } from 'prosemirror-model';
import { congressSchema } from '../schema/congress-schema';
import { DocumentJson, MarkJson, NodeJson } from '../schema/document-json';
import { MAX_DEPTH, MAX_NODE_COUNT, MAX_REPORTED_ERRORS, MAX_TEXT_LENGTH } from '../schema/limits';
import { ATTRIBUTE_RULES, isMarkTypeName, isNodeTypeName, NODE_TYPES } from '../schema/node-types';
import { checkText } from './text-rules';

export interface ValidationError {
  /** Where the problem is, in the JSON: `content[2].content[0].attrs.blockId`; "" is the root. */
  path: string;
  reason: string;
}

export type ValidationResult =
  | { ok: true; doc: ProseMirrorNode; json: DocumentJson }
  | { ok: false; errors: ValidationError[] };

export interface ValidationLimits {
  maxNodes?: number;
  maxDepth?: number;
  maxTextLength?: number;
}

const NODE_KEYS: ReadonlySet<string> = new Set(['type', 'attrs', 'content', 'marks', 'text']);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const join = (path: string, segment: string): string =>
  path === '' ? segment : segment.startsWith('[') ? `${path}${segment}` : `${path}.${segment}`;

const describe = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;

const expectedTypes = (match: ContentMatch): string => {
  const names: string[] = [];
  for (let i = 0; i < match.edgeCount; i++) names.push(match.edge(i).type.name);
  return names.length === 0 ? 'nothing more' : names.join(' or ');
};

const MARK_ORDER = Object.keys(congressSchema.marks);

// Every child type a node type accepts somewhere in its content, to tell "never allowed here"
// (a heading in a paragraph) from "allowed, but not at this place" (cells of a targets row out
// of order). Content automata are tiny, so walking all their states is cheap.
const allowedChildren = new Map<string, ReadonlySet<string>>();
const allowedChildTypes = (type: NodeType): ReadonlySet<string> => {
  const known = allowedChildren.get(type.name);
  if (known) return known;
  const names = new Set<string>();
  const visited = new Set<ContentMatch>();
  const pending: ContentMatch[] = [type.contentMatch];
  while (pending.length > 0) {
    const match = pending.pop();
    if (match === undefined || visited.has(match)) continue;
    visited.add(match);
    for (let i = 0; i < match.edgeCount; i++) {
      const edge = match.edge(i);
      names.add(edge.type.name);
      pending.push(edge.next);
    }
  }
  allowedChildren.set(type.name, names);
  return names;
};

/** Stops the walk at once, without throwing past validateDocument. */
class Abort {}

class DocumentValidator {
  readonly errors: ValidationError[] = [];
  private nodeCount = 0;
  private textLength = 0;
  private readonly blockIds = new Map<string, string>();
  private readonly maxNodes: number;
  private readonly maxDepth: number;
  private readonly maxTextLength: number;

  constructor(limits: ValidationLimits) {
    this.maxNodes = limits.maxNodes ?? MAX_NODE_COUNT;
    this.maxDepth = limits.maxDepth ?? MAX_DEPTH;
    this.maxTextLength = limits.maxTextLength ?? MAX_TEXT_LENGTH;
  }

  fail(path: string, reason: string): void {
    this.errors.push({ path, reason });
    if (this.errors.length >= MAX_REPORTED_ERRORS) throw new Abort();
  }

  /** Checks one node and returns a clean copy of it (NFC text, known keys only), or null. */
  node(value: unknown, path: string, depth: number, parent: NodeType | null): NodeJson | null {
    this.nodeCount += 1;
    if (this.nodeCount > this.maxNodes) {
      this.fail(path, `the document has more than ${this.maxNodes} nodes`);
      throw new Abort();
    }
    if (depth > this.maxDepth) {
      this.fail(path, `nodes are nested more than ${this.maxDepth} deep`);
      return null;
    }
    if (!isRecord(value)) {
      this.fail(path, `a node must be an object, not ${describe(value)}`);
      return null;
    }
    for (const key of Object.keys(value)) {
      if (!NODE_KEYS.has(key)) this.fail(join(path, key), `unknown property "${key}"`);
    }
    const typeName = value['type'];
    if (typeof typeName !== 'string') {
      this.fail(join(path, 'type'), `type must be a string, not ${describe(typeName)}`);
      return null;
    }
    if (!isNodeTypeName(typeName)) {
      this.fail(join(path, 'type'), `unknown node type "${typeName}"`);
      return null;
    }
    if (parent === null && typeName !== NODE_TYPES.doc) {
      this.fail(join(path, 'type'), `the root node must be a doc, not ${typeName}`);
      return null;
    }
    if (parent !== null && typeName === NODE_TYPES.doc) {
      this.fail(join(path, 'type'), 'a doc cannot be nested in another node');
      return null;
    }
    const type = congressSchema.nodes[typeName];
    return type.isText ? this.text(value, path, parent) : this.element(value, type, path, depth, parent);
  }

  private text(value: Record<string, unknown>, path: string, parent: NodeType | null): NodeJson | null {
    if ('attrs' in value) this.fail(join(path, 'attrs'), 'text nodes have no attributes');
    if ('content' in value) this.fail(join(path, 'content'), 'text nodes have no content');
    const text = value['text'];
    if (typeof text !== 'string') {
      this.fail(join(path, 'text'), `text must be a string, not ${describe(text)}`);
      return null;
    }
    const reason = checkText(text);
    if (reason !== null) {
      this.fail(join(path, 'text'), reason);
      return null;
    }
    this.textLength += text.length;
    if (this.textLength > this.maxTextLength) {
      this.fail(join(path, 'text'), `the document has more than ${this.maxTextLength} characters of text`);
      throw new Abort();
    }
    const marks = this.marks(value['marks'], path, parent);
    return { type: NODE_TYPES.text, text: text.normalize('NFC'), ...(marks.length > 0 ? { marks } : {}) };
  }

  private element(
    value: Record<string, unknown>,
    type: NodeType,
    path: string,
    depth: number,
    parent: NodeType | null,
  ): NodeJson | null {
    if ('text' in value) this.fail(join(path, 'text'), `a ${type.name} has no text of its own: put text nodes in its content`);
    const attrs = this.attrs(value['attrs'], type, path);
    const marks = type.isInline ? this.marks(value['marks'], path, parent) : [];
    if (!type.isInline && 'marks' in value) this.fail(join(path, 'marks'), `a ${type.name} cannot carry marks`);

    const content = value['content'];
    const children: NodeJson[] = [];
    if (content !== undefined && !Array.isArray(content)) {
      this.fail(join(path, 'content'), `content must be an array, not ${describe(content)}`);
    } else if (Array.isArray(content) && content.length > 0 && type.isLeaf) {
      this.fail(join(path, 'content'), `a ${type.name} has no content`);
    } else {
      let match: ContentMatch | null = type.contentMatch;
      const list: unknown[] = Array.isArray(content) ? content : [];
      for (let index = 0; index < list.length; index++) {
        const childPath = join(path, `content[${index}]`);
        const child = this.node(list[index], childPath, depth + 1, type);
        if (child === null) {
          match = null;
          continue;
        }
        children.push(child);
        if (match === null) continue;
        const childType = congressSchema.nodes[child.type];
        const next: ContentMatch | null = match.matchType(childType);
        if (next === null) {
          this.fail(
            childPath,
            allowedChildTypes(type).has(childType.name)
              ? `${childType.name} is not allowed at this place in ${type.name} (expected ${expectedTypes(match)})`
              : `${childType.name} is not allowed in ${type.name}`,
          );
          // One misplaced child would make every later one look misplaced too: stop matching.
          match = null;
        } else {
          match = next;
        }
      }
      if (match !== null && !match.validEnd) {
        this.fail(
          join(path, 'content'),
          `${type.name} is incomplete: ${expectedTypes(match)} expected after its ${list.length} child node(s)`,
        );
      }
    }
    return {
      type: type.name,
      ...(attrs !== null ? { attrs } : {}),
      ...(children.length > 0 ? { content: children } : {}),
      ...(marks.length > 0 ? { marks } : {}),
    };
  }

  private attrs(value: unknown, type: NodeType, path: string): Record<string, unknown> | null {
    const rules = ATTRIBUTE_RULES[type.name as keyof typeof ATTRIBUTE_RULES];
    const attrsPath = join(path, 'attrs');
    if (value !== undefined && !isRecord(value)) {
      this.fail(attrsPath, `attrs must be an object, not ${describe(value)}`);
      return null;
    }
    const given = value ?? {};
    const clean: Record<string, unknown> = {};
    for (const [name, attrValue] of Object.entries(given)) {
      const rule = Object.prototype.hasOwnProperty.call(rules, name) ? rules[name] : undefined;
      if (rule === undefined) {
        this.fail(join(attrsPath, name), `unknown attribute "${name}" on ${type.name}`);
        continue;
      }
      const reason = rule(attrValue);
      if (reason !== null) this.fail(join(attrsPath, name), reason);
      else clean[name] = attrValue;
    }
    if ('blockId' in rules) {
      const blockIdPath = join(attrsPath, 'blockId');
      const blockId = given['blockId'];
      // A null blockId was already reported by its rule above.
      if (blockId === undefined) this.fail(blockIdPath, 'blockId is missing');
      else if (typeof blockId === 'string' && 'blockId' in clean) {
        const first = this.blockIds.get(blockId);
        if (first !== undefined) this.fail(blockIdPath, `duplicate blockId "${blockId}", first used at ${first}`);
        else this.blockIds.set(blockId, blockIdPath);
      }
    }
    return Object.keys(clean).length > 0 ? clean : null;
  }

  private marks(value: unknown, path: string, parent: NodeType | null): MarkJson[] {
    if (value === undefined) return [];
    const marksPath = join(path, 'marks');
    if (!Array.isArray(value)) {
      this.fail(marksPath, `marks must be an array, not ${describe(value)}`);
      return [];
    }
    const marks: MarkJson[] = [];
    const seen = new Set<string>();
    value.forEach((mark: unknown, index) => {
      const markPath = join(marksPath, `[${index}]`);
      if (!isRecord(mark)) {
        this.fail(markPath, `a mark must be an object, not ${describe(mark)}`);
        return;
      }
      for (const key of Object.keys(mark)) {
        if (key !== 'type' && key !== 'attrs') this.fail(join(markPath, key), `unknown property "${key}"`);
      }
      const attrs = mark['attrs'];
      if (attrs !== undefined && attrs !== null && !(isRecord(attrs) && Object.keys(attrs).length === 0)) {
        this.fail(join(markPath, 'attrs'), 'these marks have no attributes');
      }
      const name = mark['type'];
      if (typeof name !== 'string' || !isMarkTypeName(name)) {
        this.fail(join(markPath, 'type'), `unknown mark type ${JSON.stringify(name) ?? String(name)}`);
        return;
      }
      if (seen.has(name)) {
        this.fail(join(markPath, 'type'), `mark ${name} appears twice`);
        return;
      }
      seen.add(name);
      if (parent !== null && !parent.allowsMarkType(congressSchema.marks[name])) {
        this.fail(join(markPath, 'type'), `mark ${name} is not allowed in ${parent.name}`);
        return;
      }
      marks.push({ type: name });
    });
    // ProseMirror keeps marks in schema order; sorting lets equal formatting compare equal.
    return marks.sort((a, b) => MARK_ORDER.indexOf(a.type) - MARK_ORDER.indexOf(b.type));
  }
}

/**
 * Validates untrusted ProseMirror JSON (from clients, imports, the database) against the
 * congress schema. Never throws. On success returns the ProseMirror node and the clean JSON:
 * text normalised to NFC (Vietnamese arrives as both NFC and NFD), only known properties. On
 * failure returns every problem found, up to 50, each with its JSON path and reason.
 */
export const validateDocument = (json: unknown, limits: ValidationLimits = {}): ValidationResult => {
  const validator = new DocumentValidator(limits);
  let clean: NodeJson | null = null;
  try {
    clean = validator.node(json, '', 0, null);
  } catch (error: unknown) {
    if (!(error instanceof Abort)) {
      return { ok: false, errors: [...validator.errors, { path: '', reason: `unexpected validation failure: ${String(error)}` }] };
    }
  }
  if (validator.errors.length > 0 || clean === null) {
    return { ok: false, errors: validator.errors.length > 0 ? validator.errors : [{ path: '', reason: 'not a document' }] };
  }
  try {
    const doc = congressSchema.nodeFromJSON(clean);
    // Belt and braces: the walk above mirrors ProseMirror's rules, and check() proves it.
    doc.check();
    return { ok: true, doc, json: doc.toJSON() as DocumentJson };
  } catch (error: unknown) {
    return { ok: false, errors: [{ path: '', reason: error instanceof Error ? error.message : String(error) }] };
  }
};
