import { applyCorrections, type Correction } from './corrections';
import { clusterBlock } from './cluster-block';
import { prepareComment } from './prepare';
import { withStableKeys } from './stable-keys';
import type { CommentInput, PreparedComment } from './types';

function comment(id: string, text: string, unit = `unit-${id}`): CommentInput {
  return { id, unit, sourceType: 'lower_organization', documentId: 'd', blockId: 'b', kind: 'amend', text };
}

const inputs = [
  comment('c1', 'Đề nghị bổ sung nội dung chuyển đổi số'),
  comment('c2', 'Bổ sung nội dung về chuyển đổi số'),
  comment('c3', 'Cần bổ sung thêm nội dung chuyển đổi số trong phần này'),
  comment('c4', 'Bổ sung nội dung phát triển kinh tế tuần hoàn'),
  comment('c5', 'Đề nghị bổ sung nội dung kinh tế tuần hoàn'),
  comment('c6', 'Bổ sung nội dung kinh tế số'),
];
const prepared: PreparedComment[] = inputs.map(prepareComment);
const clusters = clusterBlock(prepared);
const keyOf = (id: string): string => clusters.find((cluster) => cluster.commentIds.includes(id))?.key ?? '';

describe('applyCorrections', () => {
  it('starts from the expected clusters', () => {
    expect(keyOf('c1')).toBe(keyOf('c3'));
    expect(keyOf('c4')).toBe(keyOf('c5'));
    expect(keyOf('c1')).not.toBe(keyOf('c4'));
  });

  it('merges two clusters, keeping the target key and exact counts', () => {
    const result = applyCorrections(clusters, [{ type: 'merge', target: { key: keyOf('c1') }, source: { commentId: 'c4' } }], prepared);
    const merged = result.clusters.find((cluster) => cluster.key === keyOf('c1'));
    expect(merged?.commentIds).toEqual(['c1', 'c2', 'c3', 'c4', 'c5']);
    expect(merged?.units).toBe(5);
    expect(result.clusters.flatMap((cluster) => cluster.commentIds).sort()).toEqual(['c1', 'c2', 'c3', 'c4', 'c5', 'c6']);
    expect(result.applied).toEqual([0]);
  });

  it('splits comments out into a new cluster and moves one comment', () => {
    const result = applyCorrections(
      clusters,
      [
        { type: 'split', commentIds: ['c3'], key: 'drafters-1' },
        { type: 'move', commentId: 'c6', to: { commentId: 'c1' } },
      ],
      prepared,
    );
    expect(result.clusters.find((cluster) => cluster.key === 'drafters-1')?.commentIds).toEqual(['c3']);
    expect(result.clusters.find((cluster) => cluster.key === keyOf('c1'))?.commentIds).toEqual(['c1', 'c2', 'c6']);
    expect(result.skipped).toEqual([]);
  });

  it('overrides the representative with a member or with the drafters’ wording', () => {
    const byMember = applyCorrections(clusters, [{ type: 'representative', target: { commentId: 'c1' }, commentId: 'c3' }], prepared);
    const first = byMember.clusters.find((cluster) => cluster.commentIds.includes('c1'));
    expect(first?.representative).toBe('Cần bổ sung thêm nội dung chuyển đổi số trong phần này');
    expect(first?.representativeOverridden).toBe(true);
    const byText = applyCorrections(clusters, [{ type: 'representative', target: { key: keyOf('c4') }, text: 'Bổ sung kinh tế tuần hoàn' }], prepared);
    expect(byText.clusters.find((cluster) => cluster.key === keyOf('c4'))?.representative).toBe('Bổ sung kinh tế tuần hoàn');
  });

  it('replays on the next revision and reports what no longer applies', () => {
    const corrections: Correction[] = [
      { type: 'merge', target: { commentId: 'c1' }, source: { commentId: 'c4' } },
      { type: 'move', commentId: 'c9-withdrawn', to: { commentId: 'c1' } },
      { type: 'split', commentIds: ['c6', 'c9-withdrawn'] },
      { type: 'merge', target: { key: 'no-such-key' }, source: { commentId: 'c2' } },
    ];
    // next revision: c2 withdrawn, c7 added
    const nextInputs = [...inputs.filter((input) => input.id !== 'c2'), comment('c7', 'Bổ sung nội dung về chuyển đổi số nhé')];
    const nextPrepared = nextInputs.map(prepareComment);
    const next = withStableKeys(clusters, clusterBlock(nextPrepared));
    const result = applyCorrections(next, corrections, nextPrepared);
    expect(result.applied).toEqual([0, 2]);
    expect(result.skipped.map((entry) => entry.index)).toEqual([1, 2, 3]);
    expect(result.skipped[0].reason).toMatch(/no longer in the synthesis/);
    expect(result.skipped[1].reason).toMatch(/applied in part/);
    const ids = result.clusters.flatMap((cluster) => cluster.commentIds).sort();
    expect(ids).toEqual(['c1', 'c3', 'c4', 'c5', 'c6', 'c7']);
  });

  it('refuses to merge clusters of different blocks', () => {
    const other = prepareComment({ ...comment('z1', 'Bổ sung nội dung khác'), blockId: 'other' });
    const all = clusterBlock([...prepared, other]);
    const result = applyCorrections(all, [{ type: 'merge', target: { commentId: 'c1' }, source: { commentId: 'z1' } }], [...prepared, other]);
    expect(result.skipped[0].reason).toMatch(/different blocks/);
    expect(result.clusters).toHaveLength(all.length);
  });
});
