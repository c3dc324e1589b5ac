import { intakeTables, intakeDocuments } from './test-support/intake-tables';
import { readCommentTable } from './read-comment-table';
it('s', async () => {
  const tables = await intakeTables();
  const t = tables.find((x) => x.style.startsWith('TCVN3'))!;
  const r = await readCommentTable(t.buffer, t.format, { documents: intakeDocuments() });
  console.log(r.headerRow, JSON.stringify(r.columns), r.columnNotes, JSON.stringify(r.rows.slice(0, 3).map((x) => [x.rowNumber, x.sectionReference, x.text.slice(0, 30), x.problems])), [...t.expected.keys()].slice(0, 12));
});
