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

/** A proposal's figures, each counting one thing (the feedback service's views fit it). */
export interface ClusterFigures {
  /** Comments (ý kiến). */
  comments: number;
  /** Distinct submitters: the units that sent a consolidated line and the contributors, each once. */
  units: number;
  /** People stated by the units behind their lines ("12/15 chi bộ" → 12). */
  statedSupporters: number;
  /** Distinct individual contributors (persons) whose own comments these are. */
  contributors: number;
  /** Distinct submitters (as in `units`) per source type. */
  unitsBySource: Partial<Record<string, number>>;
  /** Distinct individual contributors per source type. */
  contributorsBySource: Partial<Record<string, number>>;
}

export interface SynthesisClusterInput extends ClusterFigures {
  representative: string;
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

/** Units that sent a consolidated line (đơn vị), as opposed to the contributors (cá nhân) among the submitters. */
export function organizationUnits(figures: ClusterFigures): number {
  return figures.units - figures.contributors;
}

/** "2 đơn vị, 1 cá nhân": the submitters, each counted in its own unit; empty when none. */
export function submitters(units: number, persons: number): string {
  return [units > 0 ? `${units} đơn vị` : '', persons > 0 ? `${persons} cá nhân` : ''].filter(Boolean).join(', ');
}

/** Who made it, per source, in units and persons: "Cấp ủy trực thuộc: 2 đơn vị; Cán bộ nghỉ hưu: 1 cá nhân". */
export function sources(figures: ClusterFigures): string {
  return Object.entries(figures.unitsBySource)
    .filter(([, count]) => (count ?? 0) > 0)
    .map(([source, count]) => {
      const persons = figures.contributorsBySource[source] ?? 0;
      return `${sourceLabels[source] ?? source}: ${submitters((count ?? 0) - persons, persons)}`;
    })
    .join('; ');
}

/** "3 ý kiến của 2 đơn vị, 1 cá nhân; 12 người do đơn vị nêu": every figure with its unit. */
export function figuresText(figures: ClusterFigures): string {
  const who = submitters(organizationUnits(figures), figures.contributors);
  return [`${figures.comments} ý kiến${who ? ` của ${who}` : ''}`, figures.statedSupporters > 0 ? `${figures.statedSupporters} người do đơn vị nêu` : ''].filter(Boolean).join('; ');
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
