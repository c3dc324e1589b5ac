// Preparing and clustering alone, for this tree and compiled copies of the library (a baseline
// commit), alternating, in one process: CPU time of prepareComment over every line and of
// clusterBlock over every block, so that two rule sets compare without the reading and writing
// around them and with less of the noise of a shared machine.
// usage: node dist/bench/synthesis/clustering-speed.js comments.jsonl ROUNDS [NAME=COMPILED_SRC_DIR ...]
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as current from '../../libs/synthesis/src/index';
import type { CommentInput } from '../../libs/synthesis/src/types';

interface Library {
  clusterBlock: typeof current.clusterBlock;
  prepareComment: typeof current.prepareComment;
}

function cpuMs(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

function main(): void {
  const [path, roundsText, ...others] = process.argv.slice(2);
  if (!path) throw new Error('usage: clustering-speed.js comments.jsonl ROUNDS [NAME=DIR ...]');
  const rounds = Number(roundsText ?? '2');
  const libraries: Array<[string, Library]> = others.map((argument) => {
    const [name, directory] = argument.split('=', 2);
    return [name, require(resolve(directory, 'index.js')) as Library];
  });
  libraries.push(['this tree', current]);
  const inputs = readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as CommentInput);
  process.stdout.write(`${inputs.length} comments; load average ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}\n`);
  process.stdout.write('| round | library | prepare CPU ms | cluster CPU ms | clusters |\n|---|---|---:|---:|---:|\n');
  for (let round = 1; round <= rounds; round++) {
    for (const [name, library] of round % 2 === 1 ? libraries : [...libraries].reverse()) {
      let start = process.cpuUsage();
      const prepared = inputs.map((input) => library.prepareComment(input));
      const prepareMs = cpuMs(start);
      const byBlock = new Map<string, typeof prepared>();
      for (const comment of prepared) {
        const key = `${comment.documentId ?? ''}\u0000${comment.blockId}`;
        const list = byBlock.get(key);
        if (list) list.push(comment);
        else byBlock.set(key, [comment]);
      }
      start = process.cpuUsage();
      let clusters = 0;
      for (const block of byBlock.values()) clusters += library.clusterBlock(block).length;
      const clusterMs = cpuMs(start);
      process.stdout.write(`| ${round} | ${name} | ${prepareMs.toFixed(0)} | ${clusterMs.toFixed(0)} | ${clusters} |\n`);
    }
  }
}

main();
