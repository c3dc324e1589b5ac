import { AlignmentType, ILevelsOptions, LevelFormat } from 'docx';
import { millimetres } from './party-layout';

// Lists in Party documents: bullets are dashes ("-", then "+"), numbered lists "1.", then "a)".
// Each ordered list is its own numbering instance so it restarts at its `start`.

const LEVELS = 9;
const indentFor = (level: number) => ({
  left: millimetres(10 + level * 8),
  hanging: millimetres(5),
});

export const BULLET_REFERENCE = 'vankien-bullet';

const bulletLevels = (): ILevelsOptions[] =>
  Array.from({ length: LEVELS }, (_, level) => ({
    level,
    format: LevelFormat.BULLET,
    text: level % 2 === 0 ? '-' : '+',
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: indentFor(level) } },
  }));

const orderedLevels = (start: number): ILevelsOptions[] =>
  Array.from({ length: LEVELS }, (_, level) => ({
    level,
    format: level % 2 === 0 ? LevelFormat.DECIMAL : LevelFormat.LOWER_LETTER,
    text: level % 2 === 0 ? `%${level + 1}.` : `%${level + 1})`,
    alignment: AlignmentType.LEFT,
    start: level === 0 ? start : 1,
    style: { paragraph: { indent: indentFor(level) } },
  }));

export const orderedReference = (start: number): string => `vankien-ordered-${start}`;

/** Numbering definitions for the bullet style and for every `start` the document's lists use. */
export const numberingConfig = (starts: ReadonlySet<number>) => ({
  config: [
    { reference: BULLET_REFERENCE, levels: bulletLevels() },
    ...[...starts].sort((a, b) => a - b).map((start) => ({ reference: orderedReference(start), levels: orderedLevels(start) })),
  ],
});
