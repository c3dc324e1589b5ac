import { carryAnchors, type AnchorBlock } from './carry-anchors';

const block = (blockId: string, sectionNumber: string, text: string): AnchorBlock => ({ blockId, sectionNumber, headingTrail: [`Mục ${sectionNumber}`], text });

describe('carryAnchors', () => {
  const versionN = [block('a', 'I.1', 'Tăng trưởng kinh tế 7%'), block('b', 'I.2', 'Phát triển văn hóa'), block('c', 'I.3', 'Quốc phòng an ninh')];
  const versionN1 = [block('new', 'I.1', 'Chuyển đổi số'), block('a', 'I.2', 'Tăng trưởng kinh tế 8%'), block('c', 'I.3', 'Quốc phòng an ninh')];

  it('tells for every anchor whether its block was kept, renumbered, changed or removed', () => {
    const carried = carryAnchors(versionN, versionN1, ['a', 'b', 'c']);
    expect(carried.map((anchor) => [anchor.blockId, anchor.status])).toEqual([
      ['a', 'changed'],
      ['b', 'removed'],
      ['c', 'unchanged'],
    ]);
    expect(carried[0]).toMatchObject({ from: { sectionNumber: 'I.1', text: 'Tăng trưởng kinh tế 7%' }, to: { sectionNumber: 'I.2', text: 'Tăng trưởng kinh tế 8%' } });
  });

  it('keeps a deleted block with where it was, never dropping it', () => {
    const [removed] = carryAnchors(versionN, versionN1, ['b']);
    expect(removed).toEqual({ blockId: 'b', status: 'removed', from: { sectionNumber: 'I.2', headingTrail: ['Mục I.2'], text: 'Phát triển văn hóa' }, to: null });
  });

  it('reports a block with the same text under a new number as renumbered', () => {
    const shifted = [block('x', 'I.1', 'Mới'), block('b', 'I.3', 'Phát triển văn hóa')];
    expect(carryAnchors(versionN, shifted, ['b'])[0].status).toBe('renumbered');
  });

  it('answers for ids it does not know', () => {
    expect(carryAnchors(versionN, versionN1, ['zzz'])).toEqual([{ blockId: 'zzz', status: 'removed', from: null, to: null }]);
  });
});
