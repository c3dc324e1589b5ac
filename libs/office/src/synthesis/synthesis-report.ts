/** What the exports need of a synthesis report (the feedback service's report view fits it). */
export interface SynthesisReportInput {
  roundTitle: string;
  organizationName: string;
  revision: number;
  comments: number;
  documents: {
    title: string;
    label: string;
    sections: {
      sectionNumber: string;
      headingTrail: string[];
      agreement: SynthesisClusterInput | null;
      proposals: SynthesisClusterInput[];
    }[];
  }[];
  coverage: { organizationName: string; sourceType: string; state: string; comments: number }[];
}

export interface SynthesisClusterInput {
  representative: string;
  comments: number;
  units: number;
  supporters: number;
  bySource: Partial<Record<string, number>>;
}

export const sourceLabels: Record<string, string> = {
  lower_organization: 'Cấp ủy trực thuộc',
  retired_leaders: 'Cán bộ nghỉ hưu',
  fatherland_front: 'MTTQ',
  socio_political: 'Tổ chức chính trị - xã hội',
  expert: 'Chuyên gia',
  public: 'Nhân dân',
};

export const coverageLabels: Record<string, string> = {
  not_started: 'Chưa góp ý',
  draft: 'Đang soạn',
  submitted: 'Đã gửi',
  late: 'Gửi muộn',
  withdrawn: 'Đã rút lại',
};

export function sources(cluster: SynthesisClusterInput): string {
  return Object.entries(cluster.bySource)
    .filter(([, count]) => (count ?? 0) > 0)
    .map(([source, count]) => `${sourceLabels[source] ?? source} (${count})`)
    .join('; ');
}

export function sectionTitle(section: { sectionNumber: string; headingTrail: string[] }): string {
  const heading = section.headingTrail[section.headingTrail.length - 1] ?? '';
  return [section.sectionNumber, heading].filter(Boolean).join(' – ');
}
