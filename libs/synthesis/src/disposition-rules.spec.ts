import { dispositionProblems, dispositionProgress, needsAnotherLook } from './disposition-rules';

describe('dispositionProblems', () => {
  it('requires the reason for partly accepted and explained proposals', () => {
    expect(dispositionProblems({ state: 'explained' })).toEqual([{ field: 'explanation', reasons: ['explanation is required when the state is explained'] }]);
    expect(dispositionProblems({ state: 'partly_accepted', explanation: '   ' })[0].field).toBe('explanation');
    expect(dispositionProblems({ state: 'explained', explanation: 'Đã có trong mục III.' })).toEqual([]);
    expect(dispositionProblems({ state: 'accepted' })).toEqual([]);
    expect(dispositionProblems({ state: 'pending' })).toEqual([]);
  });

  it('lets only accepted proposals point to blocks, each once', () => {
    expect(dispositionProblems({ state: 'accepted', targetBlockIds: ['a', 'b'] })).toEqual([]);
    expect(dispositionProblems({ state: 'explained', explanation: 'Lý do', targetBlockIds: ['a'] })[0].field).toBe('targetBlockIds');
    expect(dispositionProblems({ state: 'accepted', targetBlockIds: ['a', 'a'] })[0].reasons[0]).toMatch(/repeat/);
  });
});

describe('needsAnotherLook', () => {
  it('flags a disposed proposal that gained comments since', () => {
    expect(needsAnotherLook({ state: 'accepted', memberCountAtDecision: 3 }, 4)).toBe(true);
    expect(needsAnotherLook({ state: 'accepted', memberCountAtDecision: 3 }, 3)).toBe(false);
    // fewer (a comment moved away by a correction) is not a reason to look again
    expect(needsAnotherLook({ state: 'explained', memberCountAtDecision: 3 }, 2)).toBe(false);
    expect(needsAnotherLook({ state: 'pending', memberCountAtDecision: 0 }, 5)).toBe(false);
    expect(needsAnotherLook(null, 5)).toBe(false);
  });
});

describe('dispositionProgress', () => {
  it('counts per state and per section in the order given', () => {
    const progress = dispositionProgress([
      { documentVersionId: 'v', blockId: 'b2', sectionNumber: 'I.2', state: 'accepted', needsReview: false },
      { documentVersionId: 'v', blockId: 'b1', sectionNumber: 'I.1', state: 'pending', needsReview: false },
      { documentVersionId: 'v', blockId: 'b2', sectionNumber: 'I.2', state: 'explained', needsReview: true },
    ]);
    expect(progress).toMatchObject({ proposals: 3, disposed: 2, needsReview: 1, byState: { accepted: 1, explained: 1, pending: 1, partly_accepted: 0 } });
    expect(progress.sections.map((s) => [s.sectionNumber, s.proposals, s.disposed])).toEqual([
      ['I.2', 2, 2],
      ['I.1', 1, 0],
    ]);
  });
});
