/** What the exports need of a synthesis report (the feedback service's report view fits it). */
export interface SynthesisReportInput {
  roundTitle: string;
  organizationName: string;
  /** The organisation above it, for the heading block ("ĐẢNG BỘ TỈNH LAI CHÂU"). */
  parentOrganizationName?: string;
  /** "Lai Châu, ngày 05 tháng 02 năm 2025", under the Party's name. */
  placeAndDate?: string;
  revision: number;
  comments: number;
  documents: {
    /** The kind as committees name it ("Báo cáo chính trị"). */
    kindName?: string;
    title: string;
    label: string;
    sections: (SectionPlace & {
      agreement: SynthesisClusterInput | null;
      proposals: SynthesisClusterInput[];
    })[];
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

/** Where in a document the comments of a section were made, as the exports name it. */
export interface SectionPlace {
  sectionNumber: string;
  headingTrail: string[];
  /** The block's text: its first words name a block that comes before the first heading. */
  text: string;
  /** The document's first block, where comments on the whole document are anchored. */
  wholeDocument: boolean;
}

/**
 * The block comments on the whole document are anchored to: the document's first (its title).
 * The comment tables' reader anchors "Toàn văn kiện" rows there, and the reports name it so.
 */
export function wholeDocumentBlock<B extends { blockId: string }>(blocks: readonly B[]): B | undefined {
  return blocks[0];
}

/** How many characters of a block's text name it when it has no section number. */
const OPENING_WORDS = 60;

/**
 * "P1.I.1 – 1. Về phát triển kinh tế"; "Toàn văn kiện" for the whole document; for a block before
 * the first heading (the congress's theme, the opening part), "Mở đầu – “its first words…”":
 * two such blocks must not read as one section, nor as comments on the whole document.
 */
export function sectionTitle(section: SectionPlace): string {
  const heading = section.headingTrail[section.headingTrail.length - 1] ?? '';
  const title = [section.sectionNumber, heading].filter(Boolean).join(' – ');
  if (title !== '') return title;
  if (section.wholeDocument) return 'Toàn văn kiện';
  const text = section.text.replace(/\s+/g, ' ').trim();
  if (text === '') return 'Mở đầu';
  const words = text.length <= OPENING_WORDS ? text : `${text.slice(0, OPENING_WORDS).replace(/\s+\S*$/, '').replace(/[\s,;:.–-]+$/, '')}…`;
  return `Mở đầu – “${words}”`;
}
