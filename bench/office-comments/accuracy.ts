// Intake accuracy: the section every row of the offices' tables resolves to, against the one the
// clerk meant, and the kind read from each comment phrasing, against the one it asks for.
// usage: node dist/bench/office-comments/accuracy.js   (bench/office-comments/accuracy.sh builds first)
import { inferKind } from '../../libs/office/src/comments/comment-kind';
import { COMMENT_TABLE_KINDS } from '../../libs/office/src/comments/comment-table-types';
import { heldOutTables, intakeTables, measureIntake } from '../../libs/office/src/comments/test-support/intake-tables';
import { KIND_HELD_OUT, kindPhrasings } from '../../libs/office/src/comments/test-support/kind-phrasings';

const percent = (part: number, whole: number): string => (whole === 0 ? '–' : `${((100 * part) / whole).toFixed(1)} %`);

async function main(): Promise<void> {
  const tables = await intakeTables();
  const intake = await measureIntake(tables);
  process.stdout.write(`sections: ${tables.length} tables in ${Object.keys(intake.byStyle).length} styles, ${intake.rows} rows\n\n`);
  process.stdout.write('| style | rows | right | wrong | unsure | unresolved |\n|---|---|---|---|---|---|\n');
  for (const [style, counts] of [...Object.entries(intake.byStyle), ['all', intake] as const]) {
    process.stdout.write(`| ${style} | ${counts.rows} | ${percent(counts.right, counts.rows)} | ${percent(counts.wrong, counts.rows)} | ${percent(counts.unsure, counts.rows)} | ${percent(counts.unresolved, counts.rows)} |\n`);
  }
  for (const line of intake.wrongRows) process.stdout.write(`  ${line}\n`);
  const heldOut = await measureIntake(await heldOutTables());
  process.stdout.write(`\nwritten after the rules: ${heldOut.rows} rows, right ${percent(heldOut.right, heldOut.rows)}, wrong ${percent(heldOut.wrong, heldOut.rows)}, unsure ${percent(heldOut.unsure, heldOut.rows)}, unresolved ${percent(heldOut.unresolved, heldOut.rows)}\n`);
  for (const line of heldOut.wrongRows) process.stdout.write(`  ${line}\n`);
  const phrasings = kindPhrasings();
  process.stdout.write(`\nkinds: ${phrasings.length} phrasings\n\n| kind | phrasings | right |\n|---|---|---|\n`);
  let right = 0;
  for (const kind of COMMENT_TABLE_KINDS) {
    const ofKind = phrasings.filter(([, expected]) => expected === kind);
    const correct = ofKind.filter(([text]) => inferKind(text) === kind).length;
    right += correct;
    process.stdout.write(`| ${kind} | ${ofKind.length} | ${percent(correct, ofKind.length)} |\n`);
  }
  process.stdout.write(`| all | ${phrasings.length} | ${percent(right, phrasings.length)} |\n`);
  const heldOutRight = KIND_HELD_OUT.filter(([text, kind]) => inferKind(text) === kind).length;
  process.stdout.write(`| written after the rules | ${KIND_HELD_OUT.length} | ${percent(heldOutRight, KIND_HELD_OUT.length)} |\n`);
  for (const [text, kind] of [...phrasings, ...KIND_HELD_OUT]) {
    const read = inferKind(text);
    if (read !== kind) process.stdout.write(`  ${kind} read as ${read}: ${text}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
