// `npm run synthesize -- INPUT.jsonl [--out REPORT.json]`: the synthesis command line
// (contract in ../shared/architecture.md). The logic lives in libs/synthesis. An XLSX comment
// template as INPUT is read by libs/office, which is handed in here: libs/office depends on
// libs/synthesis, so the command line in libs/synthesis cannot import it.
import { ensureBuilt, repoRoot } from './lib/ensure-built.mjs';
import { createRequire } from 'node:module';

ensureBuilt();
const require = createRequire(import.meta.url);
const { runCli } = require(`${repoRoot}/dist/libs/synthesis/src/cli.js`);
// loaded only for XLSX input: exceljs costs a noticeable start-up to every JSON-lines run
const xlsx = (file) => require(`${repoRoot}/dist/libs/office/src/comments/comment-template-rows.js`).readCommentTemplateRows(file);
process.exitCode = await runCli(process.argv.slice(2), { xlsx });
