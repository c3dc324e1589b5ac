import { congressSchema, DOCUMENT_FRAGMENT_NAME } from '@vankien/document-schema';
import type * as Yjs from 'yjs';

/** What a client may write into a document's Yjs state: the congress schema, as y-prosemirror stores it. */
export interface SchemaVocabulary {
  roots: string[];
  nodes: string[];
  marks: string[];
  attributes: string[];
}

/** The vocabulary of the congress schema: its node and mark names, the attributes its nodes have. */
export function congressVocabulary(): SchemaVocabulary {
  const nodes = Object.keys(congressSchema.nodes).filter((name) => name !== 'doc' && name !== 'text');
  const attributes = new Set<string>();
  for (const node of Object.values(congressSchema.nodes)) for (const name of Object.keys(node.spec.attrs ?? {})) attributes.add(name);
  return { roots: [DOCUMENT_FRAGMENT_NAME], nodes, marks: Object.keys(congressSchema.marks), attributes: [...attributes].sort() };
}

/**
 * Why a decoded update writes something the schema has no place for (an unknown element,
 * mark or attribute, another shared type, binary or sub-document content), or null. Such
 * content would be dropped when the draft is rendered, or break a reader that trusts the
 * schema, so it is refused before it is stored.
 *
 * Self-contained on purpose (Yjs and the vocabulary are parameters, nothing is imported): the
 * decoder thread runs this very function from its source text.
 */
export function schemaViolation(decoded: { structs: unknown[] }, Y: typeof Yjs, vocabulary: SchemaVocabulary): string | null {
  const roots = new Set(vocabulary.roots);
  const nodes = new Set(vocabulary.nodes);
  const marks = new Set(vocabulary.marks);
  const attributes = new Set(vocabulary.attributes);
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item)) continue;
    const content = struct.content;
    if (typeof struct.parent === 'string' && !roots.has(struct.parent)) return `writes to an unknown shared type "${struct.parent}"`;
    if (content instanceof Y.ContentType) {
      const type = content.type;
      if (type instanceof Y.XmlElement) {
        if (!nodes.has(type.nodeName)) return `unknown element "${type.nodeName}"`;
      } else if (!(type instanceof Y.XmlText)) return 'a shared type the document schema has no place for';
    } else if (content instanceof Y.ContentFormat) {
      if (!marks.has(content.key)) return `unknown mark "${content.key}"`;
    } else if (content instanceof Y.ContentBinary || content instanceof Y.ContentDoc || content instanceof Y.ContentEmbed || content instanceof Y.ContentJSON) {
      return 'binary, embedded or sub-document content the document schema has no place for';
    }
    if (typeof struct.parentSub === 'string' && !attributes.has(struct.parentSub)) return `unknown attribute "${struct.parentSub}"`;
  }
  return null;
}
