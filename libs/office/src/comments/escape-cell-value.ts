// Comment texts are written by many people and exported to spreadsheets the drafters open: a
// value starting with = + - @ (or a tab or carriage return, which some spreadsheets skip before
// reading a formula) would be run as a formula ("=HYPERLINK(…)", DDE). A leading single quote
// makes Excel and LibreOffice show it as text.
const FORMULA_START = /^[=+\-@\t\r]/;

export const escapeCellValue = (value: string): string => (FORMULA_START.test(value) ? `'${value}` : value);
