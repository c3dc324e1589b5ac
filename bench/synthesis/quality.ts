// Clustering quality on the labelled set (quality-set.ts): pairwise and B-cubed precision and
// recall, for the library of this tree and for other compiled copies of it (a baseline commit),
// on the same comments in the same run.
// usage (from the repository root): node dist/bench/synthesis/quality.js [--missed] [NAME=COMPILED_SRC_DIR ...]
//        (quality.sh builds a baseline commit and passes it)
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as current from '../../libs/synthesis/src/index';
import { HOLDOUT_LOOK_ALIKE_PAIRS, holdoutSet } from './quality-holdout';
import { LOOK_ALIKE_PAIRS, labelledSet, type LabelledComment } from './quality-set';

interface Library {
  clusterBlock: typeof current.clusterBlock;
  prepareComment: typeof current.prepareComment;
}

interface Scores {
  pairPrecision: number;
  pairRecall: number;
  cubedPrecision: number;
  cubedRecall: number;
  clusters: number;
  apart: Record<string, [number, number]>;
  falseMerges: string[];
  missed: string[];
}

const f1 = (p: number, r: number): number => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

type Pairs = ReadonlyArray<readonly [string, string, 'object' | 'number' | 'operation']>;

function score(library: Library, comments: readonly LabelledComment[], pairs: Pairs): Scores {
  const clusters = library.clusterBlock(comments.map((comment) => library.prepareComment(comment)));
  const clusterOf = new Map<string, number>();
  clusters.forEach((cluster, index) => cluster.commentIds.forEach((id) => clusterOf.set(id, index)));
  let truePairs = 0;
  let predictedPairs = 0;
  let goldPairs = 0;
  const falseMerges: string[] = [];
  const missed: string[] = [];
  for (let i = 0; i < comments.length; i++) {
    for (let j = i + 1; j < comments.length; j++) {
      const a = comments[i];
      const b = comments[j];
      const together = clusterOf.get(a.id) === clusterOf.get(b.id);
      const same = a.group === b.group;
      if (together) predictedPairs++;
      if (same) goldPairs++;
      if (together && same) truePairs++;
      if (together && !same) falseMerges.push(`${a.group} | ${b.group}: ${a.text} <> ${b.text}`);
      if (!together && same) missed.push(`${a.group}: ${a.text} <> ${b.text}`);
    }
  }
  // B-cubed: per comment, the share of its cluster that is of its group (precision) and the share
  // of its group that is in its cluster (recall), averaged over comments.
  let cubedPrecision = 0;
  let cubedRecall = 0;
  const groupSize = new Map<string, number>();
  for (const comment of comments) groupSize.set(comment.group, (groupSize.get(comment.group) ?? 0) + 1);
  const cell = new Map<string, number>();
  const clusterSize = new Map<number, number>();
  for (const comment of comments) {
    const cluster = clusterOf.get(comment.id) ?? -1;
    clusterSize.set(cluster, (clusterSize.get(cluster) ?? 0) + 1);
    const key = `${cluster}\u0000${comment.group}`;
    cell.set(key, (cell.get(key) ?? 0) + 1);
  }
  for (const comment of comments) {
    const cluster = clusterOf.get(comment.id) ?? -1;
    const both = cell.get(`${cluster}\u0000${comment.group}`) ?? 0;
    cubedPrecision += both / (clusterSize.get(cluster) ?? 1);
    cubedRecall += both / (groupSize.get(comment.group) ?? 1);
  }
  const apart: Record<string, [number, number]> = {};
  for (const type of new Set(LOOK_ALIKE_PAIRS.map(([, , kind]) => kind))) apart[type] = [0, 0];
  for (const [left, right, type] of pairs) {
    const leftClusters = new Set(comments.filter((c) => c.group === left).map((c) => clusterOf.get(c.id)));
    const shared = comments.some((c) => c.group === right && leftClusters.has(clusterOf.get(c.id)));
    const tally = (apart[type] ??= [0, 0]);
    if (!comments.some((c) => c.group === left)) continue;
    tally[1]++;
    if (!shared) tally[0]++;
  }
  return {
    pairPrecision: predictedPairs === 0 ? 1 : truePairs / predictedPairs,
    pairRecall: truePairs / goldPairs,
    cubedPrecision: cubedPrecision / comments.length,
    cubedRecall: cubedRecall / comments.length,
    clusters: clusters.length,
    apart,
    falseMerges,
    missed,
  };
}

function main(): void {
  const args = process.argv.slice(2);
  const showMissed = args.includes('--missed');
  const libraries: Array<[string, Library]> = [];
  for (const argument of args.filter((value) => value !== '--missed')) {
    const [name, directory] = argument.includes('=') ? argument.split('=', 2) : [argument, argument];
    libraries.push([name, require(resolve(directory, 'index.js')) as Library]);
  }
  libraries.push(['this tree', current]);
  // The library's own fixture (libs/synthesis/fixtures), scored the same way: what it gave before
  // must not be lost.
  const fixture = readFileSync(join('libs', 'synthesis', 'fixtures', 'labelled-comments.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as LabelledComment);
  const sets: Array<[string, LabelledComment[], Pairs]> = [
    ['labelled set (bench/synthesis/quality-set.ts)', labelledSet(), LOOK_ALIKE_PAIRS],
    ['hold-out set, written after the rules (bench/synthesis/quality-holdout.ts)', holdoutSet(), HOLDOUT_LOOK_ALIKE_PAIRS],
    ['libs/synthesis/fixtures/labelled-comments.jsonl', fixture, LOOK_ALIKE_PAIRS],
  ];
  for (const [name, set, pairs] of sets) table(name, set, pairs, libraries, showMissed && set !== fixture);
}

function table(title: string, comments: readonly LabelledComment[], pairs: Pairs, libraries: ReadonlyArray<[string, Library]>, showMissed: boolean): void {
  const groups = new Set(comments.map((comment) => comment.group));
  process.stdout.write(
    `\n${title}: ${comments.length} comments, ${groups.size} gold groups (${[...groups].filter((g) => comments.filter((c) => c.group === g).length > 1).length} with several members), ${new Set(comments.map((c) => c.blockId)).size} blocks\n\n`,
  );
  const types = [...new Set(LOOK_ALIKE_PAIRS.map(([, , type]) => type))];
  const header = ['library', 'pair P', 'pair R', 'pair F1', 'B³ P', 'B³ R', 'B³ F1', 'clusters', ...types.map((type) => `apart:${type}`)];
  process.stdout.write(`| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|\n`);
  for (const [name, library] of libraries) {
    const s = score(library, comments, pairs);
    const cells = [
      name,
      s.pairPrecision.toFixed(3),
      s.pairRecall.toFixed(3),
      f1(s.pairPrecision, s.pairRecall).toFixed(3),
      s.cubedPrecision.toFixed(3),
      s.cubedRecall.toFixed(3),
      f1(s.cubedPrecision, s.cubedRecall).toFixed(3),
      String(s.clusters),
      ...types.map((type) => (s.apart[type][1] === 0 ? '–' : `${s.apart[type][0]}/${s.apart[type][1]}`)),
    ];
    process.stdout.write(`| ${cells.join(' | ')} |\n`);
    if (showMissed) {
      process.stderr.write(`\n## ${name}: false merges (${s.falseMerges.length})\n${s.falseMerges.join('\n')}\n## ${name}: missed pairs (${s.missed.length})\n${s.missed.join('\n')}\n`);
    }
  }
}

main();
