// The presentation of Party documents (Hướng dẫn 36-HD/VPTW on the format of Party documents):
// A4 portrait, Times New Roman, body in 14 pt, justified with a first-line indent, margins of
// 20 mm top and bottom, 30 mm left (binding side) and 15–20 mm right.

/** Millimetres to twips, rounded (docx's own helper truncates: 20 mm would be 1133). */
export const millimetres = (value: number): number => Math.round((value * 1440) / 25.4);

export const FONT = 'Times New Roman';
/** docx sizes are in half-points. */
export const BODY_SIZE = 28;
export const HEADER_SIZE = 28;
export const HEADER_SMALL_SIZE = 26;
export const TITLE_SIZE = 30;
export const TABLE_SIZE = 26;
export const FOOTNOTE_SIZE = 24;

export const A4 = { width: 11906, height: 16838 } as const;
export const MARGINS = {
  top: millimetres(20),
  bottom: millimetres(20),
  left: millimetres(30),
  right: millimetres(20),
  header: millimetres(10),
  footer: millimetres(10),
} as const;
export const TEXT_WIDTH = A4.width - MARGINS.left - MARGINS.right;

export const FIRST_LINE_INDENT = millimetres(10);
/** Space after a body paragraph (6 pt) and a line pitch of 1.15 lines (in 240ths of a line). */
export const PARAGRAPH_AFTER = 120;
export const LINE_SPACING = 276;

/** Style ids written into the DOCX; the import's style map recognises them by name. */
export const STYLE_IDS = {
  title: 'Title',
  versionLabel: 'VersionLabel',
  tableText: 'TableText',
} as const;
export const STYLE_NAMES = {
  versionLabel: 'Version Label',
  tableText: 'Table Text',
} as const;

/** Column headings of the targets table, by column (see targets-table.ts for which are shown). */
export const TARGETS_HEADINGS = {
  indicator: 'Chỉ tiêu',
  unit: 'Đơn vị tính',
  previousTarget: 'Chỉ tiêu nhiệm kỳ trước',
  achieved: 'Thực hiện',
  newTarget: 'Chỉ tiêu nhiệm kỳ mới',
  assessment: 'Đánh giá',
} as const;

export const ASSESSMENT_LABELS = {
  met: 'Đạt',
  exceeded: 'Vượt',
  not_met: 'Không đạt',
  unknown: '',
} as const;
