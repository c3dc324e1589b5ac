import { AlignmentType, IStylesOptions } from 'docx';
import {
  BODY_SIZE,
  FIRST_LINE_INDENT,
  FONT,
  LINE_SPACING,
  PARAGRAPH_AFTER,
  STYLE_IDS,
  STYLE_NAMES,
  TABLE_SIZE,
  TITLE_SIZE,
} from './party-layout';

// Formatting lives in styles, so a drafter who opens the file in Word changes one style to
// restyle every heading of a level, and so that runs carry only the document's own marks.

const BLACK = '000000';
const headingParagraph = (alignment: (typeof AlignmentType)[keyof typeof AlignmentType], indent: number) => ({
  alignment,
  indent: { firstLine: indent },
  spacing: { before: 120, after: 120, line: LINE_SPACING },
  keepNext: true,
  keepLines: true,
});

export const documentStyles = (): IStylesOptions => ({
  default: {
    document: {
      run: { font: FONT, size: BODY_SIZE },
      paragraph: {
        alignment: AlignmentType.JUSTIFIED,
        indent: { firstLine: FIRST_LINE_INDENT },
        spacing: { before: 0, after: PARAGRAPH_AFTER, line: LINE_SPACING },
      },
    },
    title: {
      run: { font: FONT, size: TITLE_SIZE, bold: true, allCaps: true, color: BLACK },
      paragraph: { alignment: AlignmentType.CENTER, indent: { firstLine: 0 }, spacing: { before: 0, after: 60 }, keepNext: true },
    },
    // Parts: centred, bold, upper case; sections: centred, bold; subsections: bold; items: bold italic.
    heading1: {
      run: { font: FONT, size: BODY_SIZE, bold: true, allCaps: true, color: BLACK },
      paragraph: { ...headingParagraph(AlignmentType.CENTER, 0), spacing: { before: 240, after: 120, line: LINE_SPACING } },
    },
    heading2: {
      run: { font: FONT, size: BODY_SIZE, bold: true, color: BLACK },
      paragraph: headingParagraph(AlignmentType.CENTER, 0),
    },
    heading3: {
      run: { font: FONT, size: BODY_SIZE, bold: true, color: BLACK },
      paragraph: headingParagraph(AlignmentType.JUSTIFIED, FIRST_LINE_INDENT),
    },
    heading4: {
      run: { font: FONT, size: BODY_SIZE, bold: true, italics: true, color: BLACK },
      paragraph: headingParagraph(AlignmentType.JUSTIFIED, FIRST_LINE_INDENT),
    },
  },
  paragraphStyles: [
    {
      id: STYLE_IDS.versionLabel,
      name: STYLE_NAMES.versionLabel,
      basedOn: 'Normal',
      next: 'Normal',
      run: { font: FONT, size: BODY_SIZE, bold: true },
      paragraph: { alignment: AlignmentType.CENTER, indent: { firstLine: 0 }, spacing: { before: 60, after: 240 } },
    },
    {
      id: STYLE_IDS.tableText,
      name: STYLE_NAMES.tableText,
      basedOn: 'Normal',
      run: { font: FONT, size: TABLE_SIZE },
      paragraph: { alignment: AlignmentType.LEFT, indent: { firstLine: 0 }, spacing: { before: 40, after: 40, line: 240 } },
    },
  ],
});
