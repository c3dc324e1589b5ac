// `npm run synthesize -- INPUT.jsonl [--out REPORT.json]`: the synthesis command line
// (contract in ../shared/architecture.md). The logic lives in libs/synthesis.
import { ensureBuilt, repoRoot } from './lib/ensure-built.mjs';
import { createRequire } from 'node:module';

ensureBuilt();
const require = createRequire(import.meta.url);
const { runCli } = require(`${repoRoot}/dist/libs/synthesis/src/cli.js`);
process.exitCode = await runCli(process.argv.slice(2));
