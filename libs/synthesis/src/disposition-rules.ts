// Rules of the table of dispositions (bảng tiếp thu, giải trình), pure: the service loads rows
// and asks these, so the web page and an export can never disagree with the API.

export const dispositionStateNames = ['accepted', 'partly_accepted', 'explained', 'pending'] as const;
export type DispositionStateName = (typeof dispositionStateNames)[number];

export interface DispositionDraft {
  state: DispositionStateName;
  explanation?: string | null;
  targetBlockIds?: readonly string[];
}

export interface DispositionProblem {
  field: string;
  reasons: string[];
}

/**
 * What is wrong with a disposition before anything is stored: partly accepted and explained
 * need the reason written out; only what is (partly) accepted can point to where it went.
 */
export function dispositionProblems(draft: DispositionDraft): DispositionProblem[] {
  const problems: DispositionProblem[] = [];
  const explanation = draft.explanation?.trim() ?? '';
  if ((draft.state === 'partly_accepted' || draft.state === 'explained') && explanation.length === 0) {
    problems.push({ field: 'explanation', reasons: [`explanation is required when the state is ${draft.state}`] });
  }
  const targets = draft.targetBlockIds ?? [];
  if (targets.length > 0 && draft.state !== 'accepted' && draft.state !== 'partly_accepted') {
    problems.push({ field: 'targetBlockIds', reasons: ['only an accepted or partly accepted proposal points to blocks of the new draft'] });
  }
  if (new Set(targets).size !== targets.length) problems.push({ field: 'targetBlockIds', reasons: ['targetBlockIds must not repeat a block'] });
  return problems;
}

/**
 * A proposal disposed of while it had fewer comments than it has now gained new supporters:
 * the drafters should look at it again (the decision stays until they do).
 */
export function needsAnotherLook(disposition: { state: DispositionStateName; memberCountAtDecision: number } | null, commentCount: number): boolean {
  return disposition !== null && disposition.state !== 'pending' && commentCount > disposition.memberCountAtDecision;
}

export interface ProgressEntry {
  /** The section (document version and block) the proposal is about. */
  documentVersionId: string;
  blockId: string;
  sectionNumber: string;
  state: DispositionStateName;
  needsReview: boolean;
}

export interface SectionProgress {
  documentVersionId: string;
  blockId: string;
  sectionNumber: string;
  proposals: number;
  disposed: number;
  byState: Record<DispositionStateName, number>;
  needsReview: number;
}

export interface DispositionProgress {
  proposals: number;
  disposed: number;
  byState: Record<DispositionStateName, number>;
  needsReview: number;
  /** In the order of the entries (the report's order). */
  sections: SectionProgress[];
}

const emptyStates = (): Record<DispositionStateName, number> => ({ accepted: 0, partly_accepted: 0, explained: 0, pending: 0 });

/** How far the drafters are: per state, and per section, in the order given. */
export function dispositionProgress(entries: readonly ProgressEntry[]): DispositionProgress {
  const total: DispositionProgress = { proposals: 0, disposed: 0, byState: emptyStates(), needsReview: 0, sections: [] };
  const sections = new Map<string, SectionProgress>();
  for (const entry of entries) {
    const key = `${entry.documentVersionId}/${entry.blockId}`;
    let section = sections.get(key);
    if (!section) {
      section = { documentVersionId: entry.documentVersionId, blockId: entry.blockId, sectionNumber: entry.sectionNumber, proposals: 0, disposed: 0, byState: emptyStates(), needsReview: 0 };
      sections.set(key, section);
      total.sections.push(section);
    }
    for (const counts of [total, section]) {
      counts.proposals += 1;
      counts.byState[entry.state] += 1;
      if (entry.state !== 'pending') counts.disposed += 1;
      if (entry.needsReview) counts.needsReview += 1;
    }
  }
  return total;
}
