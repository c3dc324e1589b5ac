import { NodeJson, TargetAssessment, TargetsTablePurpose } from '@vankien/document-schema';
import { ASSESSMENT_LABELS, TARGETS_HEADINGS } from '../export/party-layout';
import { TARGETS_COLUMNS } from '../export/targets-table-writer';
import { HtmlElement, HtmlNode, isElement, textOf } from './html-tree';
import { convertInline, InlineOptions } from './inline-converter';

// Tables: the targets table is recognised by its column headings (as exportDocx writes them)
// and becomes a targets_table again; any other table becomes a generic table whose cells hold
// paragraphs and lists. A table nested in a cell has no place in the schema: its text is kept
// as paragraphs of the cell and the nesting is reported.

export interface TableConverterOptions extends InlineOptions {
  /** Converts a list element (ul/ol) found in a cell. */
  convertList: (list: HtmlElement) => NodeJson;
}

const normalise = (text: string): string => text.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('vi');

/** The rows of a table, through thead/tbody/tfoot. */
export const tableRows = (table: HtmlElement): HtmlElement[] =>
  table.children.flatMap((child) => {
    if (child.kind !== 'element') return [];
    if (child.tag === 'tr') return [child];
    if (['thead', 'tbody', 'tfoot'].includes(child.tag)) return child.children.filter((row): row is HtmlElement => isElement(row, 'tr'));
    return [];
  });

const rowCells = (row: HtmlElement): HtmlElement[] => row.children.filter((cell): cell is HtmlElement => isElement(cell, 'td', 'th'));

const span = (cell: HtmlElement, name: string): number => {
  const value = Number(cell.attrs[name] ?? '1');
  return Number.isInteger(value) && value >= 1 && value <= 1000 ? value : 1;
};

const paragraph = (content: NodeJson[]): NodeJson => ({ type: 'paragraph', ...(content.length > 0 ? { content } : {}) });

/** A cell's blocks: paragraphs and lists; headings become paragraphs, nested tables their text. */
const cellBlocks = (cell: HtmlElement, options: TableConverterOptions): NodeJson[] => {
  const blocks: NodeJson[] = [];
  let inline: HtmlNode[] = [];
  const flush = (): void => {
    const content = convertInline(inline, options);
    if (content.length > 0) blocks.push(paragraph(content));
    inline = [];
  };
  const visit = (nodes: readonly HtmlNode[]): void => {
    for (const node of nodes) {
      if (node.kind === 'text') inline.push(node);
      else if (['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6'].includes(node.tag)) {
        flush();
        inline = node.children.slice();
        flush();
      } else if (node.tag === 'ul' || node.tag === 'ol') {
        flush();
        blocks.push(options.convertList(node));
      } else if (node.tag === 'table') {
        flush();
        options.report.lose('nested_table', 1, textOf(node));
        for (const row of tableRows(node)) {
          const texts = rowCells(row).map((inner) => textOf(inner).replace(/\s+/g, ' ').trim());
          inline = [{ kind: 'text', text: texts.join(' | ') }];
          flush();
        }
      } else inline.push(node);
    }
  };
  visit(cell.children);
  flush();
  return blocks.length > 0 ? blocks : [paragraph([])];
};

const ASSESSMENTS = new Map<string, TargetAssessment>(
  (Object.entries(ASSESSMENT_LABELS) as Array<[TargetAssessment, string]>)
    .filter(([, label]) => label !== '')
    .map(([assessment, label]) => [normalise(label), assessment]),
);

const targetsPurpose = (headings: string[]): TargetsTablePurpose | null => {
  for (const purpose of ['full', 'review', 'new_term'] as const) {
    const expected = TARGETS_COLUMNS[purpose].map((column) => normalise(TARGETS_HEADINGS[column]));
    if (expected.length === headings.length && expected.every((heading, index) => heading === headings[index])) return purpose;
  }
  return null;
};

const CELL_TYPES = {
  indicator: 'targets_indicator',
  unit: 'targets_unit',
  previousTarget: 'targets_previous_target',
  achieved: 'targets_achieved',
  newTarget: 'targets_new_target',
} as const;

/** A targets table when the first row carries the targets headings and the others fit; else null. */
const convertTargetsTable = (rows: HtmlElement[], options: TableConverterOptions): NodeJson | null => {
  if (rows.length < 2) return null;
  const headings = rowCells(rows[0]).map((cell) => normalise(textOf(cell)));
  const purpose = targetsPurpose(headings);
  if (purpose === null) return null;
  const columns = TARGETS_COLUMNS[purpose];
  const body = rows.slice(1);
  const fits = body.every((row) => {
    const cells = rowCells(row);
    return cells.length === columns.length && cells.every((cell) => span(cell, 'colspan') === 1 && span(cell, 'rowspan') === 1);
  });
  if (!fits) return null;
  const targetRows = body.map((row) => {
    const cells = rowCells(row);
    const byColumn = new Map(columns.map((column, index) => [column, cells[index]]));
    let assessment: TargetAssessment = 'unknown';
    const assessmentCell = byColumn.get('assessment');
    if (assessmentCell) {
      const written = normalise(textOf(assessmentCell));
      assessment = ASSESSMENTS.get(written) ?? 'unknown';
      if (written !== '' && !ASSESSMENTS.has(written)) options.report.lose('target_assessment', 1, textOf(assessmentCell));
    }
    return {
      type: 'targets_row',
      attrs: { assessment },
      content: (Object.keys(CELL_TYPES) as Array<keyof typeof CELL_TYPES>).map((column) => {
        const cell = byColumn.get(column);
        // Paragraphs of a cell are joined by a space: a targets cell holds one line.
        const content = cell ? convertInline(joinParagraphs(cell), { ...options }) : [];
        return { type: CELL_TYPES[column], ...(content.length > 0 ? { content } : {}) };
      }),
    };
  });
  options.report.keep('targets tables');
  options.report.keep('targets', targetRows.length);
  return { type: 'targets_table', attrs: { purpose }, content: targetRows };
};

const joinParagraphs = (cell: HtmlElement): HtmlNode[] =>
  cell.children.flatMap((child, index) => (index > 0 ? [{ kind: 'text', text: ' ' } as HtmlNode, child] : [child]));

export const convertTable = (table: HtmlElement, options: TableConverterOptions): NodeJson | null => {
  const rows = tableRows(table).filter((row) => rowCells(row).length > 0);
  if (rows.length === 0) return null;
  const targets = convertTargetsTable(rows, options);
  if (targets) return targets;
  options.report.keep('tables');
  return {
    type: 'table',
    content: rows.map((row) => ({
      type: 'table_row',
      content: rowCells(row).map((cell) => ({
        type: cell.tag === 'th' ? 'table_header' : 'table_cell',
        attrs: { colspan: span(cell, 'colspan'), rowspan: span(cell, 'rowspan') },
        content: cellBlocks(cell, options),
      })),
    })),
  };
};
