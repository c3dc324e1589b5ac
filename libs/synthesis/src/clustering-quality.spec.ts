import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { clusterBlock } from './cluster-block';
import { prepareComment } from './prepare';
import type { CommentInput } from './types';

interface LabelledComment extends CommentInput {
  readonly group: string;
}

const fixture: LabelledComment[] = readFileSync(join(__dirname, '..', 'fixtures', 'labelled-comments.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as LabelledComment);

function clusterOf(comments: readonly LabelledComment[]): Map<string, number> {
  const clusters = clusterBlock(comments.map(prepareComment));
  const assignment = new Map<string, number>();
  clusters.forEach((cluster, index) => cluster.commentIds.forEach((id) => assignment.set(id, index)));
  return assignment;
}

describe('clustering quality on the labelled fixture', () => {
  const assignment = clusterOf(fixture);
  const groupOf = new Map(fixture.map((comment) => [comment.id, comment.group]));

  it('has a fixture of useful size', () => {
    expect(fixture.length).toBeGreaterThanOrEqual(150);
    expect(new Set(fixture.map((comment) => comment.group)).size).toBeGreaterThanOrEqual(40);
  });

  it('reaches pairwise precision ≥ 0.95 and recall ≥ 0.85', () => {
    let truePositives = 0;
    let predicted = 0;
    let actual = 0;
    const falseMerges: string[] = [];
    const missed: string[] = [];
    for (let i = 0; i < fixture.length; i++) {
      for (let j = i + 1; j < fixture.length; j++) {
        const a = fixture[i];
        const b = fixture[j];
        const sameCluster = assignment.get(a.id) === assignment.get(b.id);
        const sameGroup = a.group === b.group;
        if (sameCluster) predicted++;
        if (sameGroup) actual++;
        if (sameCluster && sameGroup) truePositives++;
        if (sameCluster && !sameGroup) falseMerges.push(`${a.group}: ${a.text} <> ${b.group}: ${b.text}`);
        if (!sameCluster && sameGroup) missed.push(`${a.group}: ${a.text} <> ${b.text}`);
      }
    }
    const precision = truePositives / predicted;
    const recall = truePositives / actual;
    if (process.env.SYNTHESIS_QUALITY_REPORT) {
      process.stdout.write(`precision ${precision.toFixed(4)} recall ${recall.toFixed(4)} (${truePositives}/${predicted}/${actual})\n`);
      process.stdout.write(`false merges:\n${falseMerges.join('\n')}\nmissed:\n${missed.join('\n')}\n`);
    }
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(recall).toBeGreaterThanOrEqual(0.85);
  });

  it('keeps every listed trap apart', () => {
    const traps: Array<[string, string]> = [
      ['A-raise-8', 'A-keep-7'],
      ['A-range-7-75', 'A-range-75-8'],
      ['A-add-urban', 'A-drop-urban'],
      ['A-poverty-15', 'A-poverty-2'],
      ['C-drugs', 'C-theft'],
      ['C-militia', 'C-militia-keep'],
      ['D-inspection-add', 'D-inspection-drop'],
      ['E-insurance-95', 'E-insurance-92'],
      ['F-fewer', 'F-more'],
      ['G-wording', 'G-wording-keep'],
      ['H-deadline-2026', 'H-deadline-2027'],
    ];
    for (const [left, right] of traps) {
      const leftClusters = new Set(fixture.filter((c) => c.group === left).map((c) => assignment.get(c.id)));
      const rightClusters = new Set(fixture.filter((c) => c.group === right).map((c) => assignment.get(c.id)));
      const shared = [...leftClusters].filter((cluster) => rightClusters.has(cluster));
      expect({ trap: `${left} / ${right}`, shared }).toEqual({ trap: `${left} / ${right}`, shared: [] });
    }
  });

  it('keeps the minimal trap sentences apart', () => {
    const pairs: Array<[string, string]> = [
      ['Nâng chỉ tiêu tăng trưởng lên 8%', 'Giữ chỉ tiêu tăng trưởng 7%'],
      ['Tăng trưởng GRDP bình quân 7–7,5%/năm', 'Tăng trưởng GRDP bình quân 7,5–8%/năm'],
      ['Bổ sung nội dung chuyển đổi số', 'Bỏ nội dung chuyển đổi số'],
      ['Thêm nội dung chuyển đổi số', 'Xóa nội dung chuyển đổi số'],
      ['Tăng mức hỗ trợ hộ nghèo', 'Giảm mức hỗ trợ hộ nghèo'],
      ['Nâng mức hỗ trợ hộ nghèo', 'Hạ mức hỗ trợ hộ nghèo'],
      ['Giữ nguyên mức hỗ trợ hộ nghèo', 'Thay mức hỗ trợ hộ nghèo'],
      ['Giữ cụm từ "phấn đấu"', 'Sửa cụm từ "phấn đấu"'],
      ['Tăng cường phòng chống ma túy', 'Tăng cường phòng chống trộm cắp tài sản'],
    ];
    for (const [left, right] of pairs) {
      const comments: LabelledComment[] = [left, right].map((text, index) => ({
        id: `t${index}`,
        unit: `u${index}`,
        sourceType: 'lower_organization',
        blockId: 'b',
        kind: 'amend',
        text,
        group: text,
      }));
      const assigned = clusterOf(comments);
      expect({ left, right, apart: assigned.get('t0') !== assigned.get('t1') }).toEqual({ left, right, apart: true });
    }
  });

  it('merges paraphrases that ask for the same change', () => {
    const comments: LabelledComment[] = [
      'Đề nghị bổ sung nội dung về chuyển đổi số',
      'Cần bổ sung thêm nội dung chuyển đổi số trong phần này',
    ].map((text, index) => ({ id: `p${index}`, unit: `u${index}`, sourceType: 'public', blockId: 'b', kind: 'add', text, group: 'g' }));
    const assigned = clusterOf(comments);
    expect(assigned.get('p0')).toBe(assigned.get('p1'));
  });
});
