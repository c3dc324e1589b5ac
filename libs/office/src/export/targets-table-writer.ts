import { Paragraph, Table, TableCell, TableRow, VerticalAlign, WidthType } from 'docx';
import { NodeJson, TargetAssessment, TargetsTablePurpose } from '@vankien/document-schema';
import { BlockContext } from './block-context';
import { ASSESSMENT_LABELS, TARGETS_HEADINGS, TEXT_WIDTH } from './party-layout';
import { BORDERS, tableParagraph } from './table-writer';

// The targets table shows the columns its purpose calls for (see TARGETS_TABLE_PURPOSES in the
// schema): the political report's new-term table, the review report's table of last term's
// targets and results with their assessment, or both side by side.

type Column = keyof typeof TARGETS_HEADINGS;

export const TARGETS_COLUMNS: Readonly<Record<TargetsTablePurpose, readonly Column[]>> = {
  new_term: ['indicator', 'unit', 'newTarget'],
  review: ['indicator', 'unit', 'previousTarget', 'achieved', 'assessment'],
  full: ['indicator', 'unit', 'previousTarget', 'achieved', 'newTarget', 'assessment'],
};

// Relative widths: the indicator is a sentence, the others a number or a word.
const COLUMN_WEIGHT: Readonly<Record<Column, number>> = {
  indicator: 5,
  unit: 2,
  previousTarget: 2,
  achieved: 2,
  newTarget: 2,
  assessment: 2,
};

const CELL_INDEX: Readonly<Record<Exclude<Column, 'assessment'>, number>> = {
  indicator: 0,
  unit: 1,
  previousTarget: 2,
  achieved: 3,
  newTarget: 4,
};

const purposeOf = (table: NodeJson): TargetsTablePurpose => {
  const purpose = table.attrs?.['purpose'];
  return purpose === 'review' || purpose === 'full' ? purpose : 'new_term';
};

const assessmentOf = (row: NodeJson): TargetAssessment => {
  const value = row.attrs?.['assessment'];
  return value === 'met' || value === 'exceeded' || value === 'not_met' ? value : 'unknown';
};

const cell = (width: number, children: Paragraph[]): TableCell =>
  new TableCell({ width: { size: width, type: WidthType.DXA }, verticalAlign: VerticalAlign.CENTER, children });

export const writeTargetsTable = (table: NodeJson, context: BlockContext): Table => {
  const columns = TARGETS_COLUMNS[purposeOf(table)];
  const totalWeight = columns.reduce((sum, column) => sum + COLUMN_WEIGHT[column], 0);
  const widths = columns.map((column) => Math.floor((TEXT_WIDTH * COLUMN_WEIGHT[column]) / totalWeight));
  const header = new TableRow({
    tableHeader: true,
    children: columns.map((column, index) =>
      cell(widths[index], [
        tableParagraph([{ type: 'text', text: TARGETS_HEADINGS[column], marks: [{ type: 'bold' }] }], context, { center: true }),
      ]),
    ),
  });
  const rows = (table.content ?? []).map(
    (row) =>
      new TableRow({
        children: columns.map((column, index) => {
          if (column === 'assessment') {
            const label = ASSESSMENT_LABELS[assessmentOf(row)];
            return cell(widths[index], [tableParagraph(label === '' ? [] : [{ type: 'text', text: label }], context, { center: true })]);
          }
          const content = row.content?.[CELL_INDEX[column]]?.content;
          return cell(widths[index], [tableParagraph(content, context, { center: column !== 'indicator' })]);
        }),
      }),
  );
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    borders: BORDERS,
    rows: [header, ...rows],
  });
};
