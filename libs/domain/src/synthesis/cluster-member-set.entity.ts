import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { CommentRound } from '../round/comment-round.entity';

/**
 * A set of comments that forms a cluster in one or more revisions of a round's synthesis,
 * identified by a digest of its sorted comment ids. Revisions share the sets of the clusters they
 * have in common, so a revision writes memberships only for the clusters that changed: after one
 * unit's submission, a few hundred rows instead of one per comment of the round.
 */
@Entity({ name: 'cluster_member_sets' })
@Unique('cluster_member_sets_round_id_members_sha256_key', ['roundId', 'membersSha256'])
export class ClusterMemberSet {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  roundId!: string;

  @ManyToOne(() => CommentRound, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'round_id' })
  round?: CommentRound;

  /** SHA-256 (hex) of the members' ids, sorted, joined with commas: see `memberSetDigest`. */
  @Column({ type: 'char', length: 64 })
  membersSha256!: string;
}
