import { defineErrors } from '@vankien/platform';

export const SubmissionErrors = defineErrors({
  SUBMISSION_NOT_FOUND: { status: 404, vi: 'Không tìm thấy bản góp ý.', en: 'Submission not found.' },
  NOT_INVITED: { status: 403, vi: 'Đơn vị không được mời góp ý trong đợt này.', en: 'This organisation is not invited to this round.' },
  ROUND_NOT_ACCEPTING: {
    status: 409,
    vi: 'Đợt lấy ý kiến không nhận góp ý (chưa mở, đã đóng hoặc đã quá hạn).',
    en: 'The round does not accept submissions (not open, closed, or past its deadline).',
  },
  SUBMISSION_LOCKED: { status: 409, vi: 'Bản góp ý đã gửi thì không sửa được; hãy rút lại trước.', en: 'A submitted submission is locked; withdraw it first.' },
  ALREADY_SUBMITTED: { status: 409, vi: 'Bản góp ý đã được gửi.', en: 'The submission was already submitted.' },
  SUBMISSION_CHANGED: { status: 409, vi: 'Bản góp ý vừa được người khác thay đổi; hãy tải lại.', en: 'The submission changed since you read it; reload it.' },
  NOT_SUBMITTED: { status: 409, vi: 'Bản góp ý chưa được gửi nên không rút được.', en: 'The submission is not submitted, so it cannot be withdrawn.' },
  WITHDRAW_AFTER_DEADLINE: { status: 409, vi: 'Đã quá hạn, không rút lại được.', en: 'The deadline has passed; it can no longer be withdrawn.' },
  EMPTY_SUBMISSION: { status: 422, vi: 'Bản góp ý chưa có ý kiến nào.', en: 'The submission has no comment.' },
  INVALID_COMMENTS: { status: 422, vi: 'Một số ý kiến không hợp lệ; không ý kiến nào được lưu.', en: 'Some comments are not valid; none was stored.' },
  TOO_MANY_COMMENTS: { status: 422, vi: 'Bản góp ý vượt quá số ý kiến cho phép.', en: 'The submission would exceed the number of comments allowed.' },
  IDEMPOTENCY_KEY_REUSED: {
    status: 422,
    vi: 'Khóa Idempotency-Key đã được dùng cho một yêu cầu khác.',
    en: 'This Idempotency-Key was already used for a different request.',
  },
  IMPORT_NOT_FOUND: { status: 404, vi: 'Không tìm thấy tệp nhập.', en: 'Import not found.' },
  IMPORT_NOT_READY: { status: 409, vi: 'Tệp nhập chưa đọc xong hoặc đã được xác nhận.', en: 'The import is not ready, or was already confirmed.' },
  INVALID_IMPORT_CHOICES: {
    status: 422,
    vi: 'Lựa chọn cho một số dòng không hợp lệ (dòng không có, mục không thuộc văn kiện của đợt); chưa dòng nào được thêm.',
    en: 'Some row choices are not valid (no such row, or a section outside the round’s documents); nothing was added.',
  },
  UNSUPPORTED_FILE: { status: 415, vi: 'Chỉ nhận tệp Excel (.xlsx) hoặc Word (.docx).', en: 'Only Excel (.xlsx) or Word (.docx) files are accepted.' },
});
