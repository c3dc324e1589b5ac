import { defineErrors } from '@vankien/platform';

export const SynthesisErrors = defineErrors({
  NO_SYNTHESIS_YET: { status: 404, vi: 'Đợt lấy ý kiến chưa có báo cáo tổng hợp.', en: 'The round has no synthesis yet.' },
  REVISION_NOT_FOUND: { status: 404, vi: 'Không tìm thấy lần tổng hợp này.', en: 'This synthesis revision does not exist.' },
  NOT_INVITED_UPWARD: { status: 422, vi: 'Tổ chức không được mời góp ý trong đợt lấy ý kiến của cấp trên này.', en: 'The organisation is not invited to this upper-level round.' },
  ALREADY_FORWARDED: { status: 409, vi: 'Bản tổng hợp đã được gửi lên; hãy rút lại trước khi gửi bản mới.', en: 'The synthesis was already forwarded; withdraw it before forwarding a new one.' },
  CLUSTER_NOT_FOUND: { status: 404, vi: 'Không tìm thấy nhóm ý kiến.', en: 'Cluster not found.' },
});
