// Helpers shared by the specs of libs/synthesis (test code: reads the fixture file).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mulberry32 } from '../src/hash';
import type { CommentInput } from '../src/types';

export interface LabelledComment extends CommentInput {
  readonly group: string;
}

export function loadFixture(): LabelledComment[] {
  return readFileSync(join(__dirname, '..', 'fixtures', 'labelled-comments.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as LabelledComment);
}

/** A deterministic Fisher–Yates shuffle. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const random = mulberry32(seed);
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [copy[index], copy[other]] = [copy[other], copy[index]];
  }
  return copy;
}
