import type ExcelJS from 'exceljs';

// Comment texts are written by many people and exported to spreadsheets the drafters open: a
// cell whose text starts with = + - @ (or a tab or carriage return, which some spreadsheets skip
// before reading a formula) must never become a formula ("=HYPERLINK(…)", DDE), nor show an
// apostrophe the author did not type ("- Làm rõ…" is how clerks write a list item).
const FORMULA_START = /^[=+\-@\t\r]/;

export const looksLikeFormula = (value: string): boolean => FORMULA_START.test(value);

/**
 * Adds a row whose text cells hold exactly their text: stored as strings (exceljs writes a
 * string as a string, never as a formula), and those a spreadsheet could take for a formula
 * when edited get the Text number format ("@"), so that editing them keeps them text.
 */
export function addTextRow(sheet: ExcelJS.Worksheet, values: readonly (string | number | null | undefined)[]): ExcelJS.Row {
  const row = sheet.addRow([...values]);
  row.eachCell((cell) => {
    if (typeof cell.value === 'string' && looksLikeFormula(cell.value)) cell.numFmt = '@';
  });
  return row;
}
