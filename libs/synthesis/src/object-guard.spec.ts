import { clusterBlock } from './cluster-block';
import { extractFeatures } from './features';
import { BREAK_CLAUSE, BREAK_COMMA, tokenize, tokenizeWithBreaks } from './normalize';
import { prepareComment } from './prepare';
import type { CommentInput, CommentKind } from './types';

function comments(texts: readonly string[], kind: CommentKind = 'general'): CommentInput[] {
  return texts.map((text, index) => ({ id: `c${String(index).padStart(3, '0')}`, unit: `u${index}`, sourceType: 'lower_organization', blockId: 'b', kind, text }));
}

function clusterIndex(inputs: readonly CommentInput[]): Map<string, number> {
  const assignment = new Map<string, number>();
  clusterBlock(inputs.map(prepareComment)).forEach((cluster, index) => cluster.commentIds.forEach((id) => assignment.set(id, index)));
  return assignment;
}

// Frames in which only the object of the request changes, and objects to put in them.
const FRAMES = [
  'Đề nghị tăng cường đầu tư vào {}',
  'Cần bổ sung giải pháp thu hút đầu tư vào {}, tạo việc làm cho người lao động',
  'Bổ sung chỉ tiêu về tỷ lệ {}',
  'Đề nghị quan tâm hơn nữa đến {}, nhất là ở các xã đặc biệt khó khăn',
  'Đề nghị làm rõ trách nhiệm của {} trong phòng, chống tham nhũng',
  'Dự thảo chưa đề cập {}, đề nghị bổ sung',
  'Có nên tăng cường kiểm tra, giám sát đối với {} không?',
];
const OBJECTS = [
  'hạ tầng giao thông vùng cao',
  'trường học vùng cao',
  'hộ dùng nước sạch',
  'che phủ rừng',
  'người đứng đầu cơ quan',
  'tập thể cấp ủy',
  'du lịch cộng đồng',
  'nông nghiệp công nghệ cao',
  'khu công nghiệp',
  'y tế cơ sở',
];

describe('the object guard: the same frame with another object is another proposal', () => {
  it('keeps every pair of objects apart, in every frame', () => {
    const merged: string[] = [];
    for (const frame of FRAMES) {
      for (let x = 0; x < OBJECTS.length; x++) {
        for (let y = x + 1; y < OBJECTS.length; y++) {
          const texts = [frame.replace('{}', OBJECTS[x]), frame.replace('{}', OBJECTS[y])];
          const kind: CommentKind = frame.endsWith('?') ? 'question' : 'add';
          const assigned = clusterIndex(comments(texts, kind));
          if (assigned.get('c000') === assigned.get('c001')) merged.push(texts.join(' <> '));
        }
      }
    }
    expect(merged).toEqual([]);
  });

  it('does not let a comment without an object chain two objects together', () => {
    for (const frame of FRAMES) {
      const general = frame.replace(/\s*(vào|về|của|đến|đối với)?\s*\{\}/u, '');
      const texts = [general, general, general, ...OBJECTS.map((object) => frame.replace('{}', object))];
      const inputs = comments(texts, frame.endsWith('?') ? 'question' : 'add');
      const clusters = clusterBlock(inputs.map(prepareComment));
      for (const cluster of clusters) {
        const objects = cluster.commentIds.filter((id) => Number(id.slice(1)) >= 3);
        expect({ frame, objects: objects.length <= 1 }).toEqual({ frame, objects: true });
      }
    }
  });

  it('still merges the same object written in other words', () => {
    const pairs: Array<[string, string]> = [
      ['Đề nghị tăng cường đầu tư vào hạ tầng giao thông vùng cao', 'Cần đẩy mạnh đầu tư kết cấu hạ tầng giao thông ở vùng cao'],
      ['Đề nghị bổ sung giải pháp thu hút đầu tư vào du lịch cộng đồng, tạo việc làm cho người lao động', 'Bổ sung biện pháp kêu gọi đầu tư vào du lịch cộng đồng'],
      ['Bổ sung chỉ tiêu về tỷ lệ che phủ rừng', 'Đề nghị bổ sung chỉ tiêu tỷ lệ che phủ rừng'],
    ];
    for (const [left, right] of pairs) {
      const assigned = clusterIndex(comments([left, right], 'add'));
      expect({ left, right, together: assigned.get('c000') === assigned.get('c001') }).toEqual({ left, right, together: true });
    }
  });

  it('reads the object from the clauses that ask, not from those that say why or what for', () => {
    const objects = (text: string): string[] => {
      const { tokens, breaks } = tokenizeWithBreaks(text.toLowerCase());
      return extractFeatures(tokens, breaks).objects;
    };
    expect(objects('Đề nghị bổ sung giải pháp thu hút đầu tư vào du lịch cộng đồng, tạo việc làm cho lao động nông thôn')).toEqual(['cộng', 'du', 'đồng', 'lịch'].sort());
    expect(objects('Bỏ nội dung kiểm tra, giám sát vì đã có báo cáo riêng')).toEqual(['giám', 'kiểm', 'sát', 'tra'].sort());
    expect(objects('Dự thảo chưa có giải pháp cho du lịch cộng đồng, đề nghị bổ sung.')).toEqual(['cộng', 'du', 'đồng', 'lịch'].sort());
    expect(objects('Cần bổ sung chuyển đổi số cho phù hợp với xu thế chung')).toEqual(['chuyển', 'đổi', 'số'].sort());
  });
});

describe('paraphrases: near-synonyms, abbreviations, reordered clauses, questions, no tone marks', () => {
  it('merges the same request written in other words', () => {
    const pairs: Array<[string, string, CommentKind, CommentKind]> = [
      ['Đẩy mạnh chuyển đổi số trong các cơ quan đảng', 'Tăng cường số hóa trong các cơ quan đảng', 'general', 'general'],
      ['Nâng cao chất lượng sinh hoạt chi bộ', 'Tăng cường chất lượng sinh hoạt chi bộ', 'general', 'general'],
      ['Đề nghị chú trọng đào tạo cán bộ nữ', 'Cần quan tâm đào tạo cán bộ nữ', 'general', 'general'],
      ['Đề nghị nêu rõ trách nhiệm người đứng đầu', 'Làm rõ trách nhiệm của người đứng đầu', 'general', 'general'],
      ['Gắn phát triển KT-XH với bảo đảm QP-AN', 'Gắn phát triển kinh tế - xã hội với đảm bảo quốc phòng, an ninh', 'general', 'general'],
      ['Về du lịch cộng đồng: đề nghị bổ sung giải pháp thu hút đầu tư', 'Đề nghị bổ sung giải pháp thu hút đầu tư vào du lịch cộng đồng', 'add', 'add'],
      ['Sao không bổ sung nội dung kinh tế số?', 'Đề nghị bổ sung nội dung kinh tế số', 'question', 'add'],
      ['Có nên bổ sung chỉ tiêu tỷ lệ che phủ rừng không?', 'Bổ sung chỉ tiêu tỷ lệ che phủ rừng', 'question', 'add'],
      ['can bo sung noi dung chuyen doi so', 'Cần bổ sung nội dung chuyển đổi số', 'add', 'add'],
      ['Tăng cường phòng ngừa tội phạm ma túy', 'Tăng cường phòng, chống tội phạm ma túy', 'general', 'general'],
    ];
    for (const [left, right, leftKind, rightKind] of pairs) {
      const inputs = [...comments([left], leftKind), { ...comments([right], rightKind)[0], id: 'c001' }];
      const assigned = clusterIndex(inputs);
      expect({ left, right, together: assigned.get('c000') === assigned.get('c001') }).toEqual({ left, right, together: true });
    }
  });

  it('reads a request put as a question as that request, and keeps the other guards', () => {
    const operations = (text: string): string[] => prepareComment({ ...comments([text], 'question')[0] }).operations;
    expect(operations('Tại sao không bổ sung nội dung kinh tế số?')).toEqual(['add']);
    expect(operations('Sao chưa đưa kinh tế số vào dự thảo?')).toEqual(['add']);
    expect(operations('Không nên đưa nội dung kinh tế số vào dự thảo')).toEqual(['remove']);
    expect(prepareComment(comments(['Tại sao không bổ sung nội dung kinh tế số?'], 'question')[0]).family).toBe('proposal');
    expect(prepareComment(comments(['Vì sao thu ngân sách không đạt chỉ tiêu?'], 'question')[0]).family).toBe('question');
    const apart: Array<[string, string]> = [
      ['Sao không bổ sung nội dung kinh tế số?', 'Đề nghị bỏ nội dung kinh tế số'],
      ['Có nên nâng chỉ tiêu tăng trưởng lên 8% không?', 'Giữ chỉ tiêu tăng trưởng 7%'],
      ['Đẩy mạnh chuyển đổi số trong giáo dục', 'Đẩy mạnh chuyển đổi số trong y tế'],
    ];
    for (const [left, right] of apart) {
      const inputs = [...comments([left], left.endsWith('?') ? 'question' : 'amend'), { ...comments([right], 'amend')[0], id: 'c001' }];
      const assigned = clusterIndex(inputs);
      expect({ left, right, apart: assigned.get('c000') !== assigned.get('c001') }).toEqual({ left, right, apart: true });
    }
  });

  it('does not read "thống nhất cách viết …" as agreement with the draft', () => {
    expect(prepareComment(comments(['Thống nhất cách viết thuật ngữ trong toàn bộ văn kiện'], 'amend')[0]).family).toBe('proposal');
    expect(prepareComment(comments(['Thống nhất với dự thảo'], 'agree')[0]).family).toBe('agreement');
  });
});

describe('tokenizeWithBreaks', () => {
  it('gives the tokens of tokenize, and where clauses and comma pieces begin', () => {
    const text = 'đề nghị bổ sung 7,5%, 1.000 hộ; tạo việc làm (nhất là xã vùng cao). thêm: a,b';
    const { tokens, breaks } = tokenizeWithBreaks(text);
    expect(tokens).toEqual(tokenize(text));
    expect(breaks[tokens.indexOf('1.000')]).toBe(BREAK_COMMA);
    expect(breaks[tokens.indexOf('tạo')]).toBe(BREAK_CLAUSE);
    expect(breaks[tokens.indexOf('nhất')]).toBe(BREAK_CLAUSE);
  });
});
