// A ~100-page political report (≈40,000 words) built deterministically from the political report
// template: after every heading of the template, paragraphs of report prose until the target word
// count is reached. Also the small edits that grow its update log.
import {
  createSequentialIdGenerator,
  createTemplate,
  documentJsonToYDoc,
  ensureBlockIds,
  wordCount,
  plainText,
  congressSchema,
  type DocumentJson,
  type NodeJson,
} from '../../libs/document-schema/src';
import * as Y from 'yjs';
import { paragraphTexts, seeded } from './common';

const PHRASES = [
  'tiếp tục đẩy mạnh chuyển dịch cơ cấu kinh tế',
  'theo hướng công nghiệp hóa, hiện đại hóa',
  'phát triển nông nghiệp hàng hóa gắn với xây dựng nông thôn mới',
  'huy động mọi nguồn lực đầu tư kết cấu hạ tầng',
  'nâng cao chất lượng nguồn nhân lực',
  'đẩy mạnh cải cách hành chính, chuyển đổi số',
  'giữ vững quốc phòng, an ninh, trật tự an toàn xã hội',
  'xây dựng Đảng bộ và hệ thống chính trị trong sạch, vững mạnh',
  'phát huy sức mạnh khối đại đoàn kết toàn dân tộc',
  'thu ngân sách trên địa bàn vượt dự toán được giao',
  'tỷ lệ hộ nghèo giảm bình quân hằng năm',
  'công tác kiểm tra, giám sát được tăng cường',
  'đời sống vật chất và tinh thần của nhân dân được cải thiện',
  'tốc độ tăng trưởng kinh tế bình quân đạt khá',
];

const words = (text: string): number => text.split(/\s+/).filter(Boolean).length;

function paragraph(next: () => number): { node: NodeJson; words: number } {
  const content: NodeJson[] = [];
  let count = 0;
  const sentences = 3 + Math.floor(next() * 4);
  for (let index = 0; index < sentences; index += 1) {
    const parts = Array.from({ length: 3 + Math.floor(next() * 3) }, () => PHRASES[Math.floor(next() * PHRASES.length)]);
    const joined = parts.join(', ');
    const value = `${joined[0].toLocaleUpperCase('vi')}${joined.slice(1)}. `;
    count += words(value);
    const roll = next();
    content.push(roll < 0.08 ? { type: 'text', text: value, marks: [{ type: 'bold' }] } : roll < 0.14 ? { type: 'text', text: value, marks: [{ type: 'italic' }] } : { type: 'text', text: value });
  }
  return { node: { type: 'paragraph', content }, words: count };
}

/** The report as ProseMirror JSON (same output for the same arguments). */
export function buildReport(targetWords = 40_000, seed = 20251123): DocumentJson {
  const template = createTemplate('political_report', {
    organizationName: 'Đảng bộ tỉnh Lai Châu',
    term: '2025–2030',
    generateId: createSequentialIdGenerator('t'),
  });
  const next = seeded(seed);
  const headings = template.content.filter((node) => node.type === 'heading').length;
  const perHeading = targetWords / headings;
  const content: NodeJson[] = [];
  for (const node of template.content as NodeJson[]) {
    content.push(node);
    if (node.type !== 'heading') continue;
    for (let written = 0; written < perHeading; ) {
      const { node: added, words: count } = paragraph(next);
      content.push(added);
      written += count;
    }
  }
  return ensureBlockIds({ ...template, content } as DocumentJson, createSequentialIdGenerator('r'));
}

export function reportWords(json: DocumentJson): number {
  return wordCount(plainText(congressSchema.nodeFromJSON(json)));
}

/** The report as one Yjs update (what a document's state row holds). */
export function reportState(json: DocumentJson): Uint8Array {
  const ydoc = documentJsonToYDoc(json);
  const state = Y.encodeStateAsUpdate(ydoc);
  ydoc.destroy();
  return state;
}

/**
 * `count` small edits (1–3 characters typed at a random place of a random paragraph, one in
 * ten a deletion of one character) made on a Y.Doc holding `state`, each as its own update, in
 * the order made. Three simulated clients (client ids), as a day of drafting would have.
 */
export function* smallUpdates(state: Uint8Array, count: number, seed = 7): Generator<Uint8Array> {
  const next = seeded(seed);
  const typists = Array.from({ length: 3 }, () => {
    const ydoc = new Y.Doc();
    Y.applyUpdate(ydoc, state);
    return { ydoc, texts: paragraphTexts(ydoc) };
  });
  const letters = 'aăâbcdđeêghiklmnoôơpqrstuưvxy ';
  for (let produced = 0; produced < count; ) {
    const { ydoc: author, texts } = typists[Math.floor(next() * typists.length)];
    let captured: Uint8Array | undefined;
    const capture = (update: Uint8Array): void => {
      captured = update;
    };
    author.on('update', capture);
    const text = texts[Math.floor(next() * texts.length)];
    if (next() < 0.1 && text.length > 0) {
      text.delete(Math.floor(next() * text.length), 1);
    } else {
      const length = 1 + Math.floor(next() * 3);
      let typed = '';
      for (let index = 0; index < length; index += 1) typed += letters[Math.floor(next() * letters.length)];
      text.insert(Math.floor(next() * (text.length + 1)), typed);
    }
    author.off('update', capture);
    if (!captured) continue;
    produced += 1;
    // every other typist sees it, as they would through the server
    for (const other of typists) if (other.ydoc !== author) Y.applyUpdate(other.ydoc, captured);
    yield captured;
  }
  typists.forEach(({ ydoc }) => ydoc.destroy());
}
