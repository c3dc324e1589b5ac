import type { CommentCluster } from '@vankien/domain';
import type { ClusterFiguresView } from './dto/synthesis-views.dto';

/** The figures of a stored cluster, as the report and the table of dispositions show them. */
export function clusterFigures(cluster: CommentCluster): ClusterFiguresView {
  return {
    comments: cluster.commentCount,
    units: cluster.units,
    statedSupporters: cluster.statedSupporters,
    contributors: cluster.contributors,
    commentsBySource: cluster.bySource,
    unitsBySource: cluster.unitsBySource,
    contributorsBySource: cluster.contributorsBySource,
    supporters: cluster.supporters,
    bySource: cluster.bySource,
  };
}
