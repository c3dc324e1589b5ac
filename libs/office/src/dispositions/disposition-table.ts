import { sectionTitle, sources, type ClusterFigures, type SectionPlace } from '../synthesis/synthesis-report';

/** What the exports of the table of dispositions need (the feedback service's view fits it). */
export interface DispositionTableInput {
  roundTitle: string;
  organizationName: string;
  /** The organisation above it, for the heading block. */
  parentOrganizationName?: string;
  /** "Lai Châu, ngày 05 tháng 02 năm 2025", under the Party's name. */
  placeAndDate?: string;
  revision: number;
  documents: {
    /** The kind as committees name it ("Báo cáo chính trị"). */
    kindName?: string;
    title: string;
    label: string;
    /** The version the "where it went" column refers to (the next draft), if any. */
    nextLabel: string | null;
    sections: (SectionPlace & { proposals: DispositionRowInput[] })[];
  }[];
}

export interface DispositionRowInput extends ClusterFigures {
  representative: string;
  /** Who made it: names of the units and contributors. */
  proposers: string[];
  state: 'accepted' | 'partly_accepted' | 'explained' | 'pending';
  explanation: string | null;
  /** Where it went in the new draft: section numbers (or "đã xóa" for a block since deleted). */
  targets: string[];
  /** It gained comments after it was disposed of. */
  needsReview: boolean;
}

export const dispositionLabels: Record<DispositionRowInput['state'], string> = {
  accepted: 'Tiếp thu',
  partly_accepted: 'Tiếp thu một phần',
  explained: 'Giải trình',
  pending: 'Chưa xem xét',
};

/** "Đảng bộ huyện Tam Đường, Chi bộ … (Cấp ủy trực thuộc: 2 đơn vị)": who and from where. */
export function proposedBy(row: DispositionRowInput): string {
  const names = row.proposers.length > 12 ? [...row.proposers.slice(0, 12), `và ${row.proposers.length - 12} đơn vị, cá nhân khác`] : row.proposers;
  return [names.join(', '), sources(row) && `(${sources(row)})`].filter(Boolean).join(' ');
}

export function where(row: DispositionRowInput): string {
  return row.targets.join(', ');
}

export { sectionTitle };
