/**
 * The prepared forms (JSON text) of comments this worker has read or made, by comment id, up to a
 * budget in megabytes of string memory. A comment's prepared form never changes (comments are
 * never edited, only replaced by new rows), so a revision after a submission reads from
 * PostgreSQL only the forms this worker has not seen, instead of every comment of the blocks the
 * submission touched (about 1.2 KB each: 120 MB for a round of 100,000). Another worker, or this
 * one after a restart, reads them from PostgreSQL as before.
 */
export class PreparedFormCache {
  private readonly forms = new Map<string, string>();
  /** UTF-16 code units held. */
  private held = 0;
  private readonly budget: number;

  constructor(budgetMegabytes: number) {
    // V8 keeps Vietnamese text as two bytes per code unit
    this.budget = (budgetMegabytes * 1024 * 1024) / 2;
  }

  get size(): number {
    return this.forms.size;
  }

  get(commentId: string): string | undefined {
    return this.forms.get(commentId);
  }

  clear(): void {
    this.forms.clear();
    this.held = 0;
  }

  /** Keeps a form; the oldest go first when the budget is exceeded (0 keeps nothing). */
  set(commentId: string, json: string): void {
    if (json.length > this.budget) return;
    const previous = this.forms.get(commentId);
    if (previous !== undefined) {
      this.forms.delete(commentId);
      this.held -= previous.length;
    }
    this.forms.set(commentId, json);
    this.held += json.length;
    for (const [oldestId, oldest] of this.forms) {
      if (this.held <= this.budget) break;
      this.forms.delete(oldestId);
      this.held -= oldest.length;
    }
  }
}
