// How a comment reads in a report: what it says, without how it was typed. The stored comment
// keeps the clerk's bullet and spacing ("- Làm rõ …", "các xã ,  vùng xa"); a synthesis report
// shows its representative cleaned of them.

// A bullet typed before the text: dashes, dots, arrows, check marks (repeated: "- + …").
const LEADING_BULLET = /^[\s\u00a0]*(?:[-–—•·+*○●◦▪■□➢➤►✓✔→>]+[\s\u00a0]*)+/u;
// Numbering of a list item ("1.", "2)", "a)", "(3)"), only when a space and a letter follow, so
// that "7,5% là …", "2030 là …" and "1.000 tỷ" stay as they are.
const LEADING_NUMBER = /^(?:\(\s*(?:\d{1,3}|[a-zđ])\s*\)|\d{1,3}[.)]|[a-zđ]\))[\s\u00a0]+(?=\p{L})/u;

/** The text without a leading bullet or list number, spaces collapsed, none before punctuation. Pure. */
export function cleanRepresentativeText(text: string): string {
  let current = text.normalize('NFC');
  for (let guard = 0; guard < 4; guard++) {
    const next = current.replace(LEADING_BULLET, '').replace(LEADING_NUMBER, '');
    if (next === current) break;
    current = next;
  }
  return current
    .split('\n')
    .map((line) =>
      line
        .replace(/[ \t\u00a0]+/g, ' ')
        // "xã ,  vùng" → "xã, vùng"; "(  a )" → "(a)"; an ellipsis or a decimal is untouched
        .replace(/ +([,.;:!?…)\]”’])/g, '$1')
        .replace(/([(\[“‘]) +/g, '$1')
        .trim(),
    )
    .filter((line, index, lines) => line !== '' || (index > 0 && lines[index - 1] !== ''))
    .join('\n')
    .trim();
}
