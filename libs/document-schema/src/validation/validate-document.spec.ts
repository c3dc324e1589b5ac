import { congressSchema } from '../schema/congress-schema';
import { DocumentJson, NodeJson } from '../schema/document-json';
import { doc, footnote, heading, paragraph, richDocument, targetsRow, targetsTable, text } from '../test-support/fixtures';
import { validateDocument, ValidationError } from './validate-document';

/** For inputs the JSON types rightly forbid. */
const rawDoc = (...content: unknown[]): unknown => ({ type: 'doc', content });

const errorsOf = (json: unknown): ValidationError[] => {
  const result = validateDocument(json);
  if (result.ok) throw new Error('expected the document to be refused');
  return result.errors;
};

describe('validateDocument', () => {
  it('accepts a document with every kind of node and returns it as ProseMirror and as JSON', () => {
    const result = validateDocument(richDocument());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.doc.type.schema).toBe(congressSchema);
    expect(result.json).toEqual(congressSchema.nodeFromJSON(richDocument()).toJSON());
  });

  it('normalises text to NFC', () => {
    const decomposed = 'Ho\u0300a Bi\u0300nh'; // "Hòa Bình" typed in NFD
    const result = validateDocument(doc(paragraph('p1', decomposed)));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.doc.textContent).toBe('Hòa Bình');
    expect(result.doc.textContent).toBe(decomposed.normalize('NFC'));
  });

  it.each<[string, unknown, ValidationError[]]>([
    ['a string', 'doc', [{ path: '', reason: 'a node must be an object, not string' }]],
    ['null', null, [{ path: '', reason: 'a node must be an object, not null' }]],
    ['a paragraph as root', paragraph('p1', 'x'), [{ path: 'type', reason: 'the root node must be a doc, not paragraph' }]],
    ['an empty doc', { type: 'doc', content: [] }, [{ path: 'content', reason: 'doc is incomplete: title or heading or paragraph or bullet_list or ordered_list or table or targets_table expected after its 0 child node(s)' }]],
    ['an unknown node type', doc(paragraph('p1', 'a'), { type: 'blockquote', attrs: { blockId: 'q' } }), [{ path: 'content[1].type', reason: 'unknown node type "blockquote"' }]],
    ['an unknown mark', doc(paragraph('p1', { type: 'text', text: 'a', marks: [{ type: 'link' }] })), [{ path: 'content[0].content[0].marks[0].type', reason: 'unknown mark type "link"' }]],
    ['a repeated mark', doc(paragraph('p1', text('a', 'bold', 'bold'))), [{ path: 'content[0].content[0].marks[1].type', reason: 'mark bold appears twice' }]],
    ['a heading inside a paragraph', doc(paragraph('p1', 'a'), { ...paragraph('p2', 'b'), content: [text('b'), heading('h1', 2, 'I. X')] }), [{ path: 'content[1].content[1]', reason: 'heading is not allowed in paragraph' }]],
    ['text directly in the doc', doc(text('loose')), [{ path: 'content[0]', reason: 'text is not allowed in doc' }]],
    ['a missing blockId', doc({ type: 'paragraph', content: [text('a')] }), [{ path: 'content[0].attrs.blockId', reason: 'blockId is missing' }]],
    ['a null blockId', doc({ type: 'paragraph', attrs: { blockId: null }, content: [text('a')] }), [{ path: 'content[0].attrs.blockId', reason: 'blockId is missing' }]],
    ['a duplicate blockId', doc(paragraph('p1', 'a'), paragraph('p2', 'b'), paragraph('p1', 'c')), [{ path: 'content[2].attrs.blockId', reason: 'duplicate blockId "p1", first used at content[0].attrs.blockId' }]],
    ['a malformed blockId', doc(paragraph('p 1', 'a')), [{ path: 'content[0].attrs.blockId', reason: 'blockId must be 1–64 characters of A–Z, a–z, 0–9, "_" or "-"' }]],
    ['a numeric blockId', doc({ type: 'paragraph', attrs: { blockId: 7 } }), [{ path: 'content[0].attrs.blockId', reason: 'blockId must be a string' }]],
    ['a heading level out of range', doc(heading('h1', 5, 'x')), [{ path: 'content[0].attrs.level', reason: 'level must be 1 (part), 2 (section), 3 (subsection) or 4 (item)' }]],
    ['an unknown attribute', doc({ type: 'paragraph', attrs: { blockId: 'p1', color: 'red' } }), [{ path: 'content[0].attrs.color', reason: 'unknown attribute "color" on paragraph' }]],
    ['a bad assessment', doc(targetsTable('tt', 'review', [targetsRow('r1', ['a', 'b', 'c', 'd', 'e'], 'almost')])), [{ path: 'content[0].content[0].attrs.assessment', reason: 'assessment must be one of met, exceeded, not_met, unknown' }]],
    ['targets cells out of order', doc(targetsTable('tt', 'review', [{ ...targetsRow('r1', ['a', 'b', 'c', 'd', 'e']), content: (targetsRow('r1', ['a', 'b', 'c', 'd', 'e']).content ?? []).slice().reverse() }])), [{ path: 'content[0].content[0].content[0]', reason: 'targets_new_target is not allowed at this place in targets_row (expected targets_indicator)' }]],
    ['a targets row missing cells', doc(targetsTable('tt', 'review', [{ ...targetsRow('r1', ['a', 'b', 'c', 'd', 'e']), content: (targetsRow('r1', ['a', 'b', 'c', 'd', 'e']).content ?? []).slice(0, 2) }])), [{ path: 'content[0].content[0].content', reason: 'targets_row is incomplete: targets_previous_target expected after its 2 child node(s)' }]],
    ['an empty text node', doc(paragraph('p1', { type: 'text', text: '' })), [{ path: 'content[0].content[0].text', reason: 'text must not be empty (leave the node out instead)' }]],
    ['a lone surrogate', doc(paragraph('p1', 'a\uD800b')), [{ path: 'content[0].content[0].text', reason: 'text contains a lone UTF-16 surrogate: it is not valid Unicode' }]],
    ['a control character', doc(paragraph('p1', 'a\u0007b')), [{ path: 'content[0].content[0].text', reason: 'text contains the control character U+0007' }]],
    ['a newline in text', doc(paragraph('p1', 'a\nb')), [{ path: 'content[0].content[0].text', reason: 'text contains a line break: use a hard_break node or a new paragraph' }]],
    ['a decoding error', doc(paragraph('p1', 'Ð\uFFFDng b\uFFFD')), [{ path: 'content[0].content[0].text', reason: 'text contains U+FFFD, the mark of a decoding error: was the source in a legacy encoding such as TCVN3 or VNI?' }]],
    ['stacked combining marks', doc(paragraph('p1', 'a\u0300\u0301\u0302\u0303\u0323')), [{ path: 'content[0].content[0].text', reason: 'text stacks four or more combining marks on one letter: not Vietnamese writing' }]],
    ['marks on a block', doc({ ...paragraph('p1', 'a'), marks: [{ type: 'bold' }] }), [{ path: 'content[0].marks', reason: 'a paragraph cannot carry marks' }]],
    ['an unknown property', rawDoc({ ...paragraph('p1', 'a'), style: 'x' }), [{ path: 'content[0].style', reason: 'unknown property "style"' }]],
    ['content that is not an array', rawDoc({ type: 'paragraph', attrs: { blockId: 'p1' }, content: 'abc' }), [{ path: 'content[0].content', reason: 'content must be an array, not string' }]],
    ['a footnote in a footnote', doc(paragraph('p1', 'a', { type: 'footnote', content: [footnote('b')] })), [{ path: 'content[0].content[1].content[0]', reason: 'footnote is not allowed in footnote' }]],
    ['a heading in a table cell', doc({ type: 'table', attrs: { blockId: 't' }, content: [{ type: 'table_row', attrs: { blockId: 'r' }, content: [{ type: 'table_cell', attrs: { blockId: 'c' }, content: [heading('h', 2, 'I. X')] }] }] }), [{ path: 'content[0].content[0].content[0].content[0]', reason: 'heading is not allowed in table_cell' }]],
    ['a zero colspan', doc({ type: 'table', attrs: { blockId: 't' }, content: [{ type: 'table_row', attrs: { blockId: 'r' }, content: [{ type: 'table_cell', attrs: { blockId: 'c', colspan: 0 }, content: [paragraph('p', 'x')] }] }] }), [{ path: 'content[0].content[0].content[0].attrs.colspan', reason: 'colspan must be an integer from 1 to 1000' }]],
  ])('refuses %s with the exact path', (_name, json, expected) => {
    expect(errorsOf(json)).toEqual(expected);
  });

  it('reports several problems at once, in document order', () => {
    const errors = errorsOf(doc({ type: 'paragraph', content: [text('a')] }, heading('h1', 9, 'x'), paragraph('p1', 'a\u0000')));
    expect(errors.map((error) => error.path)).toEqual(['content[0].attrs.blockId', 'content[1].attrs.level', 'content[2].content[0].text']);
  });

  it('refuses too many nodes', () => {
    const many = doc(...Array.from({ length: 20 }, (_unused, index) => paragraph(`p${index}`, 'chữ')));
    const result = validateDocument(many, { maxNodes: 30 });
    expect(result).toEqual({ ok: false, errors: [{ path: 'content[14].content[0]', reason: 'the document has more than 30 nodes' }] });
  });

  it('refuses too deep a document without overflowing the stack', () => {
    let node: NodeJson = paragraph('deep', 'x');
    for (let depth = 0; depth < 100000; depth++) node = { type: 'bullet_list', attrs: { blockId: `l${depth}` }, content: [{ type: 'list_item', attrs: { blockId: `i${depth}` }, content: [paragraph(`p${depth}`, 'x'), node] }] };
    const errors = errorsOf(doc(node));
    // The paragraph and the list nested past the limit are both reported, and nothing deeper.
    expect(errors.map((error) => error.reason)).toEqual(['nodes are nested more than 32 deep', 'nodes are nested more than 32 deep']);
    expect(errors[0].path.split('.')).toHaveLength(33);
  });

  it('caps the number of reported errors', () => {
    const errors = errorsOf(doc(...Array.from({ length: 500 }, () => ({ type: 'nonsense' }))));
    expect(errors).toHaveLength(50);
  });

  it('never throws, whatever JSON it is given (a small fuzz)', () => {
    // A deterministic pseudo-random generator, so a failure can be replayed.
    let seed = 42;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
    const types = ['doc', 'paragraph', 'heading', 'text', 'footnote', 'bullet_list', 'list_item', 'targets_row', 'table', 'x', '', 7];
    const values: unknown[] = [null, true, 0, -1, 1.5, 'I.', '\uD800', 'Đại hội', [], {}, { blockId: 'a' }, ['x'], '__proto__'];
    const randomNode = (depth: number): unknown => {
      if (depth > 4 || random() < 0.15) return pick(values);
      const node: Record<string, unknown> = { type: pick(types) };
      if (random() < 0.7) node['attrs'] = random() < 0.8 ? { blockId: pick(['a', 'b', 'c', 7, null]), level: pick([1, 2, 9, '2']) } : pick(values);
      if (random() < 0.6) node['content'] = Array.from({ length: Math.floor(random() * 4) }, () => randomNode(depth + 1));
      if (random() < 0.3) node['text'] = pick(values);
      if (random() < 0.2) node['marks'] = [{ type: pick(['bold', 'link', 3]) }, pick(values)];
      return node;
    };
    const reference = JSON.stringify(richDocument());
    for (let round = 0; round < 2000; round++) {
      const input = round % 2 === 0 ? { type: 'doc', content: [randomNode(0), randomNode(0)] } : randomNode(0);
      expect(() => validateDocument(input)).not.toThrow();
      // Mangle a valid document by one character, too: most results are invalid JSON or invalid
      // documents, some stay valid; none may throw.
      const position = Math.floor(random() * reference.length);
      let mangled: unknown;
      try {
        mangled = JSON.parse(reference.slice(0, position) + pick(['"', '{', '1', 'x', ']', '']) + reference.slice(position + 1));
      } catch {
        continue;
      }
      const result = validateDocument(mangled);
      if (!result.ok) expect(result.errors.length).toBeGreaterThan(0);
    }
  });

  it('accepts what the schema produced and refuses what it would refuse', () => {
    const json: DocumentJson = doc(heading('h', 1, 'Phần thứ nhất'), paragraph('p', 'x'));
    expect(validateDocument(json).ok).toBe(true);
    expect(() => congressSchema.nodeFromJSON({ ...json, content: [{ ...paragraph('p', 'x'), attrs: { blockId: 'p', align: 'diagonal' } }] })).toThrow();
  });
});
