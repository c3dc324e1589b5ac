import { Paragraph, TextRun } from 'docx';
import { FONT, FOOTNOTE_SIZE } from './party-layout';

export interface FootnoteRun {
  text: string;
  bold: boolean;
  italic: boolean;
  underline: boolean;
}

/** Numbers footnotes in document order and keeps their text for the DOCX footnotes part. */
export class FootnoteCollector {
  private readonly notes: Record<string, { children: Paragraph[] }> = {};
  private next = 1;

  add(runs: readonly FootnoteRun[]): number {
    const id = this.next++;
    this.notes[String(id)] = {
      children: [
        new Paragraph({
          alignment: 'both',
          children: runs.map(
            (run) =>
              new TextRun({
                text: run.text,
                font: FONT,
                size: FOOTNOTE_SIZE,
                bold: run.bold || undefined,
                italics: run.italic || undefined,
                underline: run.underline ? {} : undefined,
              }),
          ),
        }),
      ],
    };
    return id;
  }

  footnotes(): Record<string, { children: Paragraph[] }> {
    return this.notes;
  }
}
