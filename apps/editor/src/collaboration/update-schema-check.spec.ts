import { createTemplate, documentJsonToYDoc } from '@vankien/document-schema';
import * as Y from 'yjs';
import { congressVocabulary, schemaViolation } from './update-schema-check';
import { UpdateValidator } from './update-validator';

/** An update made by `edit` on a copy of a real political report (only what `edit` adds). */
function editOfReport(edit: (ydoc: Y.Doc, paragraph: Y.XmlElement) => void): Uint8Array {
  const ydoc = documentJsonToYDoc(createTemplate('political_report', { organizationName: 'Đảng bộ tỉnh', term: '2025–2030' }));
  const before = Y.encodeStateVector(ydoc);
  const fragment = ydoc.getXmlFragment('prosemirror');
  const paragraph = fragment.createTreeWalker((node) => node instanceof Y.XmlElement && node.nodeName === 'paragraph').next().value as Y.XmlElement;
  edit(ydoc, paragraph);
  return Y.encodeStateAsUpdate(ydoc, before);
}

const check = (update: Uint8Array): string | null => schemaViolation(Y.decodeUpdate(update), Y, congressVocabulary());

describe('schema check of client updates', () => {
  const validator = new UpdateValidator();
  afterAll(() => validator.onApplicationShutdown());

  it('accepts what y-prosemirror writes for the congress schema', () => {
    const whole = Y.encodeStateAsUpdate(documentJsonToYDoc(createTemplate('political_report', { organizationName: 'Đảng bộ tỉnh', term: '2025–2030' })));
    expect(check(whole)).toBeNull();
    const typed = editOfReport((_, paragraph) => (paragraph.get(0) as Y.XmlText).insert(0, 'Đẩy mạnh ', { bold: true }));
    expect(check(typed)).toBeNull();
    const split = editOfReport((ydoc) => {
      const element = new Y.XmlElement('paragraph');
      element.setAttribute('blockId', 'b-moi');
      ydoc.getXmlFragment('prosemirror').insert(1, [element]);
    });
    expect(check(split)).toBeNull();
  });

  it('names what the schema has no place for', () => {
    expect(check(editOfReport((ydoc) => ydoc.getXmlFragment('prosemirror').insert(0, [new Y.XmlElement('iframe')])))).toBe('unknown element "iframe"');
    expect(check(editOfReport((_, paragraph) => (paragraph.get(0) as Y.XmlText).insert(0, 'x', { link: 'http://x' })))).toBe('unknown mark "link"');
    expect(check(editOfReport((_, paragraph) => paragraph.setAttribute('onclick', 'alert(1)')))).toBe('unknown attribute "onclick"');
    expect(check(editOfReport((ydoc) => ydoc.getMap('meta').set('owner', 'me')))).toBe('writes to an unknown shared type "meta"');
    expect(check(editOfReport((_, paragraph) => paragraph.insert(0, [new Y.XmlElement('script')])))).toBe('unknown element "script"');
  });

  it('refuses such updates on the main thread and in a decoder thread alike', async () => {
    const small = editOfReport((ydoc) => ydoc.getXmlFragment('prosemirror').insert(0, [new Y.XmlElement('iframe')]));
    expect(validator.validate(small)).toEqual({ ok: false, reason: 'unknown element "iframe"', schema: true });
    expect(await validator.validateOffThread(small)).toEqual({ ok: false, reason: 'unknown element "iframe"', schema: true });
    const large = editOfReport((ydoc) => {
      const element = new Y.XmlElement('marquee');
      const text = new Y.XmlText();
      element.insert(0, [text]);
      text.insert(0, 'Nội dung '.repeat(2000));
      ydoc.getXmlFragment('prosemirror').insert(0, [element]);
    });
    expect(await validator.validate(large)).toEqual({ ok: false, reason: 'unknown element "marquee"', schema: true });
  });
});
