import type { ApprovalRequest } from '../types/approval';
import { previousSentVersion } from './approvals-service';

const request = (id: string, versionId: string, createdAt: string, status: ApprovalRequest['status'] = 'changes_requested'): ApprovalRequest =>
  ({ id, versionId, createdAt, status }) as ApprovalRequest;

describe('the version an approver compares with', () => {
  it('is the previously approved one when there is one, else the previously sent one', () => {
    const first = request('a', 'v1', '2026-01-01T00:00:00Z', 'approved');
    const second = request('b', 'v2', '2026-02-01T00:00:00Z');
    const third = request('c', 'v3', '2026-03-01T00:00:00Z', 'pending');
    expect(previousSentVersion([third, second, first], third)).toBe('v1');
    expect(previousSentVersion([third, second], third)).toBe('v2');
    expect(previousSentVersion([third], third)).toBeNull();
  });
});
