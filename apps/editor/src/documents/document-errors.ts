import { defineErrors } from '@vankien/platform';

export const DocumentErrors = defineErrors({
  DOCUMENT_NOT_FOUND: { status: 404, vi: 'Không tìm thấy văn kiện.', en: 'Document not found.' },
  VERSION_NOT_FOUND: { status: 404, vi: 'Không tìm thấy phiên bản.', en: 'Version not found.' },
  DOCUMENT_APPROVED: {
    status: 409,
    vi: 'Văn kiện đã được phê duyệt; không thể sửa hoặc chốt phiên bản mới.',
    en: 'The document is approved; it cannot be edited or frozen again.',
  },
  DOCUMENT_UNDER_APPROVAL: {
    status: 409,
    vi: 'Văn kiện đang được trình duyệt; không thể sửa hoặc chốt phiên bản mới cho đến khi rút lại tờ trình hoặc có yêu cầu chỉnh sửa.',
    en: 'The document is under approval; it cannot be edited or frozen until the request is withdrawn or changes are requested.',
  },
  VERSION_NUMBER_TAKEN: { status: 409, vi: 'Một phiên bản khác vừa được chốt; hãy thử lại.', en: 'Another version was frozen at the same moment; try again.' },
  INVALID_DOCUMENT_CONTENT: { status: 422, vi: 'Nội dung văn kiện không hợp lệ.', en: 'The document content is not valid.' },
  ORGANIZATION_NOT_FOUND: { status: 404, vi: 'Không tìm thấy tổ chức.', en: 'Organisation not found.' },
  INVALID_OFFICE_FILE: { status: 422, vi: 'Tệp tải lên không hợp lệ.', en: 'The uploaded file is not valid.' },
});
