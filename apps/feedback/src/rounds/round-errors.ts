import { defineErrors } from '@vankien/platform';

export const RoundErrors = defineErrors({
  ROUND_NOT_FOUND: { status: 404, vi: 'Không tìm thấy đợt lấy ý kiến.', en: 'Comment round not found.' },
  ORGANIZATION_NOT_FOUND: { status: 404, vi: 'Không tìm thấy tổ chức.', en: 'Organisation not found.' },
  VERSION_NOT_IN_ORGANIZATION: {
    status: 422,
    vi: 'Phiên bản văn kiện không tồn tại, hoặc không phải của tổ chức mở đợt lấy ý kiến và cũng chưa được cấp trên gửi xin ý kiến tổ chức đó.',
    en: 'A document version does not exist, or is neither the round’s organisation’s own nor one an upper level has sent it for comment.',
  },
  INVITEE_OUTSIDE_SUBTREE: {
    status: 422,
    vi: 'Chỉ mời được các tổ chức trực thuộc.',
    en: 'Only organisations below the round’s organisation can be invited.',
  },
  NO_INVITATION: { status: 422, vi: 'Đợt lấy ý kiến phải có ít nhất một đơn vị được mời.', en: 'A round needs at least one invitation.' },
  ROUND_NOT_DRAFT: { status: 409, vi: 'Chỉ sửa hoặc mở được đợt lấy ý kiến đang ở trạng thái nháp.', en: 'Only a draft round can be changed or opened.' },
  ROUND_NOT_OPEN: { status: 409, vi: 'Đợt lấy ý kiến chưa mở hoặc đã đóng.', en: 'The round is not open.' },
  ROUND_ALREADY_CLOSED: { status: 409, vi: 'Đợt lấy ý kiến đã đóng.', en: 'The round is already closed.' },
  DEADLINE_BEFORE_OPENING: { status: 422, vi: 'Hạn góp ý phải sau ngày mở.', en: 'The deadline must be after the opening date.' },
});
