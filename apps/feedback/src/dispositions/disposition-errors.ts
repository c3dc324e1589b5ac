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
  INVALID_DISPOSITION: { status: 422, vi: 'Nội dung tiếp thu, giải trình chưa hợp lệ.', en: 'The disposition is not valid.' },
});
