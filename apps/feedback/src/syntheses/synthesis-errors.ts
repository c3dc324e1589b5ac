import { defineErrors } from '@vankien/platform';

export const SynthesisErrors = defineErrors({
  NO_SYNTHESIS_YET: { status: 404, vi: 'Đợt lấy ý kiến chưa có báo cáo tổng hợp.', en: 'The round has no synthesis yet.' },
  REVISION_NOT_FOUND: { status: 404, vi: 'Không tìm thấy lần tổng hợp này.', en: 'This synthesis revision does not exist.' },
  CLUSTER_NOT_FOUND: { status: 404, vi: 'Không tìm thấy nhóm ý kiến.', en: 'Cluster not found.' },
});
