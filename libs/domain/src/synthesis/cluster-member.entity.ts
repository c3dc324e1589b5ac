import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import { Comment } from '../submission/comment.entity';
import { CommentCluster } from './comment-cluster.entity';

/** A comment's place in a cluster; a comment is in exactly one cluster of a revision. */
@Entity({ name: 'cluster_members' })
@Unique('cluster_members_synthesis_id_comment_id_key', ['synthesisId', 'commentId'])
export class ClusterMember {
  @PrimaryColumn({ type: 'uuid' })
  clusterId!: string;

  @ManyToOne(() => CommentCluster, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cluster_id' })
  cluster?: CommentCluster;

  @PrimaryColumn({ type: 'uuid' })
  commentId!: string;

  @ManyToOne(() => Comment, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'comment_id' })
  comment?: Comment;

  /** Looked up through the unique (synthesisId, commentId): no index of its own to maintain. */
  @Column({ type: 'uuid' })
  synthesisId!: string;
}
