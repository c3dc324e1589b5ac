import { AlignmentType, HeadingLevel, Paragraph, TextRun, type IStylesOptions } from 'docx';
import { FONT } from './party-layout';

// The papers the feedback service prints (the synthesis report, the table of dispositions) in
// the dress of Party documents: Times New Roman throughout, headings in black, never Word's
// default blue Calibri headings.

const black = '000000';

export const paperStyles = (size: number): IStylesOptions => ({
  default: {
    document: { run: { font: FONT, size } },
    heading1: { run: { font: FONT, size: size + 2, bold: true, color: black }, paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 240, after: 120 } } },
    heading2: { run: { font: FONT, size, bold: true, color: black }, paragraph: { spacing: { before: 120, after: 60 } } },
  },
});

/** A document's heading on a paper: "BÁO CÁO CHÍNH TRỊ: <title> (Dự thảo lần 2)", never cut. */
export function documentHeadingText(document: { kindName?: string; title: string; label: string }, extra = ''): string {
  const title = document.title.normalize('NFC').trim();
  const kind = document.kindName?.normalize('NFC').trim() ?? '';
  // a title that already says what the document is ("Báo cáo chính trị Đại hội XV") is not prefixed
  const named = kind === '' || title.toLocaleLowerCase('vi').startsWith(kind.toLocaleLowerCase('vi')) ? title : `${kind}: ${title}`;
  return `${named.toLocaleUpperCase('vi')} (${document.label}${extra})`;
}

export const documentHeading = (text: string, size: number): Paragraph =>
  new Paragraph({ heading: HeadingLevel.HEADING_1, alignment: AlignmentType.CENTER, children: [new TextRun({ text, font: FONT, size: size + 2, bold: true, color: black })] });
