import { createSequentialIdGenerator } from '../block-id/id-generator';
import { congressSchema } from '../schema/congress-schema';
import { DOCUMENT_KINDS, createTemplate } from '../templates/create-template';
import { richDocument } from '../test-support/fixtures';
import { validateDocument } from '../validation/validate-document';
import {
  DOCUMENT_FRAGMENT_NAME,
  documentJsonToYDoc,
  documentToYDoc,
  encodeDocumentState,
  writeDocumentToYDoc,
  yDocFromUpdates,
  yDocToDocument,
  yDocToDocumentJson,
} from './yjs-conversion';
import { loadYjs } from './yjs-runtime';

// The same Yjs the library loads (see yjs-runtime.ts), so instanceof checks hold.
const Y = loadYjs();

const normalised = () => congressSchema.nodeFromJSON(richDocument()).toJSON();

describe('Y.Doc ↔ ProseMirror JSON', () => {
  it('round-trips through an encoded update: block ids, marks, footnotes, tables and targets', () => {
    const original = normalised();
    const update = Y.encodeStateAsUpdate(documentJsonToYDoc(richDocument()));
    const replica = new Y.Doc();
    Y.applyUpdate(replica, update);
    const json = yDocToDocumentJson(replica);
    expect(json).toEqual(original);
    expect(validateDocument(json).ok).toBe(true);
    // The pieces the round trip must not lose, checked by name as well.
    const text = JSON.stringify(json);
    for (const fragment of ['"blockId":"tr-a"', '"assessment":"exceeded"', '"type":"footnote"', '"type":"underline"', '"colspan":2', '"purpose":"review"']) {
      expect(text).toContain(fragment);
    }
  });

  it.each(DOCUMENT_KINDS)('round-trips the %s template', (kind) => {
    const template = createTemplate(kind, { organizationName: 'Đảng bộ tỉnh Lai Châu', term: '2025–2030', generateId: createSequentialIdGenerator() });
    const replica = yDocFromUpdates([encodeDocumentState(congressSchema.nodeFromJSON(template))]);
    expect(yDocToDocumentJson(replica)).toEqual(template);
  });

  it('uses the fragment y-prosemirror uses by default, and one copy of Yjs', () => {
    const ydoc = documentJsonToYDoc(richDocument());
    expect(DOCUMENT_FRAGMENT_NAME).toBe('prosemirror');
    expect(ydoc).toBeInstanceOf(Y.Doc);
    expect(ydoc.getXmlFragment('prosemirror').length).toBe(richDocument().content.length);
  });

  it('merges concurrent edits made on two replicas', () => {
    const first = documentToYDoc(congressSchema.nodeFromJSON(richDocument()));
    const second = yDocFromUpdates([Y.encodeStateAsUpdate(first)]);
    const firstParagraph = first.getXmlFragment(DOCUMENT_FRAGMENT_NAME).get(0);
    const secondParagraph = second.getXmlFragment(DOCUMENT_FRAGMENT_NAME).get(2);
    if (!(firstParagraph instanceof Y.XmlElement) || !(secondParagraph instanceof Y.XmlElement)) throw new Error('expected elements');
    const title = firstParagraph.get(0);
    const sectionHeading = secondParagraph.get(0);
    if (!(title instanceof Y.XmlText) || !(sectionHeading instanceof Y.XmlText)) throw new Error('expected text');
    title.insert(title.length, ' (DỰ THẢO)');
    sectionHeading.insert(sectionHeading.length, ' TRÊN CÁC LĨNH VỰC');
    const merged = yDocFromUpdates([Y.encodeStateAsUpdate(first), Y.encodeStateAsUpdate(second)]);
    const doc = yDocToDocument(merged);
    expect(doc.child(0).textContent).toBe('BÁO CÁO CHÍNH TRỊ (DỰ THẢO)');
    expect(doc.child(2).textContent).toBe('I. KẾT QUẢ ĐẠT ĐƯỢC TRÊN CÁC LĨNH VỰC');
    expect(doc.child(2).attrs['blockId']).toBe('h2');
  });

  it('seeds a Y.Doc only once', () => {
    const ydoc = new Y.Doc();
    const node = congressSchema.nodeFromJSON(richDocument());
    writeDocumentToYDoc(ydoc, node);
    expect(() => writeDocumentToYDoc(ydoc, node)).toThrow('already holds a document');
  });
});
