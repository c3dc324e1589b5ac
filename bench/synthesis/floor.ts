// The floor the synthesis is measured against: read the same file, parse each line, normalise
// and split its text once, nothing else.
// usage: node dist/bench/synthesis/floor.js comments.jsonl
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { normalizeText } from '../../libs/synthesis/src/normalize';

async function main(): Promise<void> {
  const path = process.argv[2];
  if (!path) {
    process.stderr.write('usage: node dist/bench/synthesis/floor.js comments.jsonl\n');
    process.exitCode = 1;
    return;
  }
  let lines = 0;
  let tokens = 0;
  const input = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of input) {
    if (line === '') continue;
    const value = JSON.parse(line) as { text: string };
    tokens += normalizeText(value.text).split(' ').length;
    lines++;
  }
  process.stdout.write(`${JSON.stringify({ lines, tokens })}\n`);
}

void main();
