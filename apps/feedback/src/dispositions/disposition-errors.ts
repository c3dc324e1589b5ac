import { defineErrors } from '@vankien/platform';

export const DispositionErrors = defineErrors({
  NOT_A_PROPOSAL: {
    status: 422,
    vi: 'Ý kiến tán thành như dự thảo không cần tiếp thu hay giải trình.',
    en: 'General agreement with the draft is not a proposal to dispose of.',
  },
  STALE_DISPOSITION: {
    status: 409,
    vi: 'Ý kiến này vừa được người khác xử lý; hãy tải lại trước khi sửa.',
    en: 'Someone else changed this disposition since you read it; reload before changing it.',
  },
  CLUSTER_CHANGED: {
    status: 409,
    vi: 'Nhóm ý kiến đã thay đổi (có ý kiến mới) từ khi đồng chí xem; hãy xem lại trước khi quyết định.',
    en: 'The proposal changed (it has new comments) since you read it; look at it again before deciding.',
  },
  UNKNOWN_TARGET_BLOCKS: {
    status: 422,
    vi: 'Có khối nội dung không thuộc dự thảo mới của văn kiện này.',
    en: 'Some target blocks are not in the new draft of this document.',
  },
  TARGETS_IN_ANOTHER_ORGANIZATIONS_DOCUMENT: {
    status: 422,
    vi: 'Chỉ chỉ ra được khối nội dung trong văn kiện do chính cấp mình soạn thảo; văn kiện này của cấp trên.',
    en: 'Target blocks can only be in a document the round’s own organisation drafts; this one is an upper level’s.',
  },
  LIVE_DRAFT_NOT_READABLE: {
    status: 403,
    vi: 'Đồng chí không có quyền xem bản đang soạn của văn kiện này; chỉ xem được phiên bản đã gửi xin ý kiến.',
    en: 'You may not read this document’s live draft, only the versions sent for comment.',
  },
  INVALID_DISPOSITION: { status: 422, vi: 'Nội dung tiếp thu, giải trình chưa hợp lệ.', en: 'The disposition is not valid.' },
});
