import { AlignmentType, Paragraph, Table, TableBorders, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { HEADER_SIZE, HEADER_SMALL_SIZE, TEXT_WIDTH } from './party-layout';

// The heading block (tiêu đề) of a Party document: a two-column table without borders. Left: the
// superior Party organisation, the issuing body in bold, and an asterisk under it; right: the
// national motto of Party documents, bold and underlined, then the place and date in italics.

export const PARTY_NAME = 'ĐẢNG CỘNG SẢN VIỆT NAM';

export interface PartyHeaderMeta {
  organizationName: string;
  parentOrganizationName?: string;
  placeAndDate?: string;
}

const upper = (value: string): string => value.normalize('NFC').trim().toLocaleUpperCase('vi');

/** "tỉnh Lai Châu" → "ĐẢNG BỘ TỈNH LAI CHÂU"; a name that already says "Đảng bộ …" is kept. */
export const parentLine = (parent: string): string => {
  const name = upper(parent);
  return name.startsWith('ĐẢNG BỘ') || name.startsWith('ĐẢNG ỦY') || name.startsWith('ĐẢNG UỶ') ? name : `ĐẢNG BỘ ${name}`;
};

const line = (text: string, options: { bold?: boolean; italic?: boolean; underline?: boolean; size?: number }): Paragraph =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    indent: { firstLine: 0 },
    spacing: { before: 0, after: 0, line: 240 },
    children: [
      new TextRun({
        text,
        bold: options.bold,
        italics: options.italic,
        underline: options.underline ? {} : undefined,
        size: options.size ?? HEADER_SIZE,
      }),
    ],
  });

export const partyHeader = (meta: PartyHeaderMeta): Table => {
  const left: Paragraph[] = [];
  if (meta.parentOrganizationName?.trim()) left.push(line(parentLine(meta.parentOrganizationName), { size: HEADER_SMALL_SIZE }));
  left.push(line(upper(meta.organizationName), { bold: true }));
  left.push(line('*', {}));
  const right: Paragraph[] = [line(PARTY_NAME, { bold: true, underline: true, size: HEADER_SIZE + 2 })];
  // A blank line between the motto and the date, as the form has it.
  right.push(line('', {}));
  if (meta.placeAndDate?.trim()) right.push(line(meta.placeAndDate.normalize('NFC').trim(), { italic: true }));
  const leftWidth = Math.round(TEXT_WIDTH * 0.45);
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [leftWidth, TEXT_WIDTH - leftWidth],
    borders: TableBorders.NONE,
    rows: [
      new TableRow({
        children: [
          new TableCell({ width: { size: leftWidth, type: WidthType.DXA }, children: left }),
          new TableCell({ width: { size: TEXT_WIDTH - leftWidth, type: WidthType.DXA }, children: right }),
        ],
      }),
    ],
  });
};
