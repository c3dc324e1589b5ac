import { Node as ProseMirrorNode } from 'prosemirror-model';
import { TargetAssessment, TARGET_ASSESSMENTS } from '../schema/attribute-rules';
import { NODE_TYPES } from '../schema/node-types';

export type TargetAssessmentCounts = Record<TargetAssessment, number> & {
  total: number;
  /** What the review report must state: targets met or exceeded. */
  metOrExceeded: number;
};

/**
 * Counts the assessed targets of last term: rows of targets tables whose purpose is `review` or
 * `full` (a `new_term` table sets targets and has nothing yet to assess).
 */
export const countTargetAssessments = (doc: ProseMirrorNode): TargetAssessmentCounts => {
  const counts: TargetAssessmentCounts = { met: 0, exceeded: 0, not_met: 0, unknown: 0, total: 0, metOrExceeded: 0 };
  doc.descendants((node) => {
    if (node.type.name !== NODE_TYPES.targetsTable) return !node.isTextblock;
    if (node.attrs['purpose'] === 'new_term') return false;
    node.forEach((row) => {
      const assessment = row.attrs['assessment'] as TargetAssessment;
      if (!TARGET_ASSESSMENTS.includes(assessment)) return;
      counts[assessment] += 1;
      counts.total += 1;
    });
    return false;
  });
  counts.metOrExceeded = counts.met + counts.exceeded;
  return counts;
};
