import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Comment } from '../submission/comment.entity';
import { ClusterMemberSet } from './cluster-member-set.entity';

/**
 * A comment's place in a member set (and so in every cluster built on that set). That a comment
 * is in exactly one cluster of a revision is guaranteed by libs/synthesis (and tested), not by a
 * constraint here: sets are shared between revisions.
 */
@Entity({ name: 'cluster_members' })
export class ClusterMember {
  @PrimaryColumn({ type: 'uuid' })
  memberSetId!: string;

  @ManyToOne(() => ClusterMemberSet, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'member_set_id' })
  memberSet?: ClusterMemberSet;

  /** Indexed: deleting a comment (a re-forwarded roll-up) finds its memberships through it. */
  @Index('cluster_members_comment_id_idx')
  @PrimaryColumn({ type: 'uuid' })
  commentId!: string;

  @ManyToOne(() => Comment, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'comment_id' })
  comment?: Comment;
}
