import { defineErrors } from '@vankien/platform';

export const ApprovalErrors = defineErrors({
  REQUEST_NOT_FOUND: { status: 404, vi: 'Không tìm thấy tờ trình phê duyệt.', en: 'Approval request not found.' },
  NOT_LATEST_VERSION: {
    status: 422,
    vi: 'Chỉ trình duyệt phiên bản mới nhất của văn kiện.',
    en: 'Only the latest version of a document can be sent for approval.',
  },
  ALREADY_PENDING: { status: 409, vi: 'Phiên bản này đang chờ phê duyệt.', en: 'This version is already waiting for approval.' },
  COMMITTEE_WITHOUT_APPROVERS: {
    status: 422,
    vi: 'Ban Thường vụ này chưa có thành viên phê duyệt.',
    en: 'This committee has no approvers.',
  },
  REQUEST_CLOSED: { status: 409, vi: 'Tờ trình này đã kết thúc; không thể thay đổi.', en: 'This request is closed; it cannot change any more.' },
  APPOINTED_AFTER_REQUEST: {
    status: 403,
    vi: 'Đồng chí được giao vai trò phê duyệt sau khi tờ trình được gửi nên không biểu quyết tờ trình này.',
    en: 'You were made an approver after this request was sent, so you do not decide on it.',
  },
  ALREADY_DECIDED: {
    status: 409,
    vi: 'Đồng chí đã cho ý kiến về tờ trình này; hãy rút lại ý kiến trước khi cho ý kiến khác.',
    en: 'You have already decided on this request; withdraw your decision before deciding again.',
  },
  NO_DECISION: { status: 409, vi: 'Đồng chí chưa có ý kiến nào đang có hiệu lực về tờ trình này.', en: 'You have no decision in force on this request.' },
  REMARKS_REQUIRED: { status: 422, vi: 'Yêu cầu chỉnh sửa phải kèm ý kiến cụ thể.', en: 'A request for changes needs remarks.' },
  NOTIFICATION_NOT_FOUND: { status: 404, vi: 'Không tìm thấy thông báo.', en: 'Notification not found.' },
});
