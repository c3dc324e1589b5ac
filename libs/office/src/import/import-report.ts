// What an import kept, changed and could not keep. Nothing is dropped without a line here: the
// drafter sees the report before the imported draft replaces anything.

export interface ImportWarning {
  message: string;
  /** Where in the document: the heading trail or the start of the paragraph concerned. */
  where?: string;
}

export interface LostContent {
  /** image, text_box, comment, tracked_change, hyperlink, strikethrough, header_block, … */
  kind: string;
  count: number;
  /** An example, to help the drafter find it in the original. */
  sample?: string;
}

export interface ImportReport {
  /** What came through, as "headings: 35", "footnotes: 4", … */
  kept: string[];
  warnings: ImportWarning[];
  lost: LostContent[];
}

const SAMPLE_LENGTH = 80;
const MAX_WARNINGS = 200;

export const shorten = (text: string, length = SAMPLE_LENGTH): string => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat;
};

/** Collects the report while the import runs. */
export class ReportBuilder {
  private readonly keptCounts = new Map<string, number>();
  private readonly lostByKind = new Map<string, LostContent>();
  private readonly warningCounts = new Map<string, { warning: ImportWarning; count: number }>();
  /** The heading trail of the current block, for `where`. */
  where: string | undefined;

  keep(kind: string, count = 1): void {
    this.keptCounts.set(kind, (this.keptCounts.get(kind) ?? 0) + count);
  }

  lose(kind: string, count = 1, sample?: string): void {
    if (count <= 0) return;
    const entry = this.lostByKind.get(kind);
    const shortSample = sample !== undefined && sample.trim() !== '' ? shorten(sample) : undefined;
    if (entry) {
      entry.count += count;
      entry.sample ??= shortSample;
    } else {
      this.lostByKind.set(kind, { kind, count, ...(shortSample !== undefined ? { sample: shortSample } : {}) });
    }
  }

  /** The same message at the same place is reported once, with a count. */
  warn(message: string, where: string | undefined = this.where): void {
    const key = `${message}\u0000${where ?? ''}`;
    const entry = this.warningCounts.get(key);
    if (entry) entry.count += 1;
    else if (this.warningCounts.size < MAX_WARNINGS) this.warningCounts.set(key, { warning: { message, ...(where ? { where } : {}) }, count: 1 });
  }

  build(): ImportReport {
    return {
      kept: [...this.keptCounts].filter(([, count]) => count > 0).map(([kind, count]) => `${kind}: ${count}`),
      warnings: [...this.warningCounts.values()].map(({ warning, count }) =>
        count > 1 ? { ...warning, message: `${warning.message} (×${count})` } : warning,
      ),
      lost: [...this.lostByKind.values()],
    };
  }
}
