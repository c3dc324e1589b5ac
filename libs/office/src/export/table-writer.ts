import { AlignmentType, BorderStyle, Paragraph, Table, TableCell, TableRow, VerticalAlign, WidthType } from 'docx';
import { NodeJson } from '@vankien/document-schema';
import { BlockContext } from './block-context';
import { inlineRuns } from './inline-runs';
import { STYLE_IDS, TABLE_SIZE } from './party-layout';

const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
export const BORDERS = {
  top: LINE,
  bottom: LINE,
  left: LINE,
  right: LINE,
  insideHorizontal: LINE,
  insideVertical: LINE,
} as const;

const numberAttr = (node: NodeJson, name: string): number => {
  const value = node.attrs?.[name];
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : 1;
};

/** A paragraph of table text: smaller than the body, no first-line indent. */
export const tableParagraph = (content: readonly NodeJson[] | undefined, context: BlockContext, options: { center?: boolean } = {}): Paragraph =>
  new Paragraph({
    style: STYLE_IDS.tableText,
    alignment: options.center ? AlignmentType.CENTER : undefined,
    children: inlineRuns(content, context.footnotes, { size: TABLE_SIZE }),
  });

/**
 * Cell content: paragraphs and lists. Lists inside a cell are written as paragraphs with a dash
 * rather than Word numbering (a cell is too narrow for hanging indents and readers rarely care).
 */
const cellParagraphs = (cell: NodeJson, context: BlockContext, header: boolean): Paragraph[] => {
  const paragraphs: Paragraph[] = [];
  const visit = (node: NodeJson, depth: number): void => {
    if (node.type === 'paragraph') {
      paragraphs.push(tableParagraph(node.content, context, { center: header }));
    } else if (node.type === 'bullet_list' || node.type === 'ordered_list') {
      (node.content ?? []).forEach((item, index) => {
        const marker = node.type === 'bullet_list' ? '- ' : `${numberAttr(node, 'start') + index}. `;
        (item.content ?? []).forEach((child, childIndex) => {
          if (childIndex === 0 && child.type === 'paragraph') {
            paragraphs.push(tableParagraph([{ type: 'text', text: `${'  '.repeat(depth)}${marker}` }, ...(child.content ?? [])], context));
          } else visit(child, depth + 1);
        });
      });
    }
  };
  for (const child of cell.content ?? []) visit(child, 0);
  return paragraphs.length > 0 ? paragraphs : [new Paragraph({ style: STYLE_IDS.tableText })];
};

const isHeaderRow = (row: NodeJson): boolean => (row.content ?? []).every((cell) => cell.type === 'table_header');

/** A generic table with borders; rows of header cells repeat on each page. */
export const writeTable = (table: NodeJson, context: BlockContext): Table =>
  new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: BORDERS,
    rows: (table.content ?? []).map(
      (row) =>
        new TableRow({
          tableHeader: isHeaderRow(row) || undefined,
          children: (row.content ?? []).map(
            (cell) =>
              new TableCell({
                columnSpan: numberAttr(cell, 'colspan'),
                rowSpan: numberAttr(cell, 'rowspan'),
                verticalAlign: VerticalAlign.CENTER,
                children: cellParagraphs(cell, context, cell.type === 'table_header'),
              }),
          ),
        }),
    ),
  });
