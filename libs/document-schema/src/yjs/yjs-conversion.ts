import { Node as ProseMirrorNode } from 'prosemirror-model';
import { congressSchema } from '../schema/congress-schema';
import { DocumentJson } from '../schema/document-json';
import { loadYjs, loadYProsemirror, YDoc, YXmlFragment } from './yjs-runtime';

/**
 * The name of the Y.XmlFragment that holds a document in its Y.Doc, in every client and on the
 * server: `ydoc.getXmlFragment(DOCUMENT_FRAGMENT_NAME)`, `ySyncPlugin(thatFragment)`.
 * "prosemirror" is y-prosemirror's own default (prosemirrorJSONToYDoc, yDocToProsemirrorJSON),
 * so its helpers agree with ours without arguments. Tiptap's Collaboration extension defaults to
 * "default" instead: a tiptap client must be configured with `field: 'prosemirror'`.
 */
export const DOCUMENT_FRAGMENT_NAME = 'prosemirror';

/** The document's fragment in a Y.Doc (created empty if the Y.Doc has none yet). */
export const documentFragment = (ydoc: YDoc): YXmlFragment => ydoc.getXmlFragment(DOCUMENT_FRAGMENT_NAME);

/**
 * Fills the empty fragment of `ydoc` with a document: the first content of a new collaborative
 * document (from a template, an import or a frozen version). Refuses a fragment that has content:
 * writing over it would lose collaborators' history, and concurrent seeding would duplicate it.
 */
export const writeDocumentToYDoc = (ydoc: YDoc, doc: ProseMirrorNode): void => {
  const fragment = documentFragment(ydoc);
  if (fragment.length > 0) throw new Error('The Y.Doc already holds a document; it is only seeded once');
  const { prosemirrorToYXmlFragment } = loadYProsemirror();
  ydoc.transact(() => {
    prosemirrorToYXmlFragment(doc, fragment);
  });
};

/** A new Y.Doc holding the document. Give it a validated node (validateDocument). */
export const documentToYDoc = (doc: ProseMirrorNode): YDoc => {
  const ydoc = new (loadYjs().Doc)();
  writeDocumentToYDoc(ydoc, doc);
  return ydoc;
};

/** JSON → Y.Doc; the JSON must be valid for the schema (run validateDocument first). */
export const documentJsonToYDoc = (json: DocumentJson): YDoc => documentToYDoc(congressSchema.nodeFromJSON(json));

/**
 * The ProseMirror document a Y.Doc holds. Validate the result before trusting it: y-prosemirror
 * builds nodes without checking content, and drops (deleting them in the Y.Doc) elements it
 * cannot build, as its sync plugin does for conflicting concurrent edits.
 */
export const yDocToDocument = (ydoc: YDoc): ProseMirrorNode =>
  loadYProsemirror().yXmlFragmentToProseMirrorRootNode(documentFragment(ydoc), congressSchema);

export const yDocToDocumentJson = (ydoc: YDoc): DocumentJson => yDocToDocument(ydoc).toJSON() as DocumentJson;

/** The whole state of a document as one Yjs update (what the server stores as a snapshot). */
export const encodeDocumentState = (doc: ProseMirrorNode): Uint8Array => loadYjs().encodeStateAsUpdate(documentToYDoc(doc));

/** A Y.Doc from stored updates (a snapshot and the updates appended after it, in any order). */
export const yDocFromUpdates = (updates: readonly Uint8Array[]): YDoc => {
  const Y = loadYjs();
  const ydoc = new Y.Doc();
  ydoc.transact(() => {
    for (const update of updates) Y.applyUpdate(ydoc, update);
  });
  return ydoc;
};
