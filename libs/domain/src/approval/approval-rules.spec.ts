import { approvalChain, tallyApproval, type CastDecision } from './approval-rules';

const committee = ['a', 'b', 'c'];
const approve = (approverId: string, withdrawn = false): CastDecision => ({ approverId, decision: 'approve', withdrawn });
const changes = (approverId: string, withdrawn = false): CastDecision => ({ approverId, decision: 'request_changes', withdrawn });

describe('tallyApproval', () => {
  it('approves by majority once more than half approve', () => {
    expect(tallyApproval('majority', committee, [approve('a')])).toMatchObject({ outcome: 'pending', approvals: 1, required: 2, waitingFor: ['b', 'c'] });
    expect(tallyApproval('majority', committee, [approve('a'), approve('c')])).toMatchObject({ outcome: 'approved', approvals: 2 });
  });

  it('needs more than half of an even committee', () => {
    expect(tallyApproval('majority', ['a', 'b', 'c', 'd'], [approve('a'), approve('b')]).outcome).toBe('pending');
    expect(tallyApproval('majority', ['a', 'b', 'c', 'd'], [approve('a'), approve('b'), approve('d')]).outcome).toBe('approved');
  });

  it('needs every approver under the unanimous rule', () => {
    expect(tallyApproval('unanimous', committee, [approve('a'), approve('b')]).outcome).toBe('pending');
    expect(tallyApproval('unanimous', committee, [approve('a'), approve('b'), approve('c')]).outcome).toBe('approved');
  });

  it('is blocked by any open request for changes, even with a majority', () => {
    const tally = tallyApproval('majority', committee, [approve('a'), approve('b'), changes('c')]);
    expect(tally).toMatchObject({ outcome: 'blocked', approvals: 2, changeRequests: 1 });
  });

  it('stops blocking once the request for changes is withdrawn', () => {
    expect(tallyApproval('majority', committee, [approve('a'), approve('b'), changes('c', true)]).outcome).toBe('approved');
  });

  it('counts withdrawn approvals for nothing', () => {
    expect(tallyApproval('majority', committee, [approve('a'), approve('b', true)])).toMatchObject({ outcome: 'pending', approvals: 1, waitingFor: ['b', 'c'] });
  });

  it('ignores decisions of people who are not approvers of the committee (any more)', () => {
    expect(tallyApproval('majority', committee, [approve('a'), approve('stranger')])).toMatchObject({ outcome: 'pending', approvals: 1 });
  });

  it('counts one decision per approver, the last in force', () => {
    expect(tallyApproval('majority', committee, [approve('a'), approve('a')]).approvals).toBe(1);
    expect(tallyApproval('majority', committee, [changes('a', true), approve('a')])).toMatchObject({ approvals: 1, changeRequests: 0 });
  });

  it('never approves for a committee without approvers', () => {
    expect(tallyApproval('majority', [], [approve('a')])).toMatchObject({ outcome: 'pending', required: 1, approvals: 0 });
  });
});

describe('approvalChain', () => {
  it('is the own committee alone by default', () => {
    expect(approvalChain({ id: 'district', parentId: 'province', settings: {} })).toEqual(['district']);
  });

  it('adds the upper level when the settings ask for it', () => {
    expect(approvalChain({ id: 'district', parentId: 'province', settings: { requiresUpperApproval: true } })).toEqual(['district', 'province']);
  });

  it('has no upper level above the root', () => {
    expect(approvalChain({ id: 'root', parentId: null, settings: { requiresUpperApproval: true } })).toEqual(['root']);
  });
});
