import { FootnoteCollector } from './footnote-collector';

/** State shared while writing the blocks of one document. */
export interface BlockContext {
  footnotes: FootnoteCollector;
  /** Numbers each ordered list so it restarts; bullet lists share one instance per list too. */
  nextListInstance: () => number;
  /** The `start` values ordered lists use, for the numbering part. */
  orderedStarts: Set<number>;
}

export const createBlockContext = (): BlockContext => {
  let instance = 0;
  return { footnotes: new FootnoteCollector(), nextListInstance: () => ++instance, orderedStarts: new Set() };
};
