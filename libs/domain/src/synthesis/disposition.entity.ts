import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn, VersionColumn } from 'typeorm';
import { CommentRound } from '../round/comment-round.entity';
import { User } from '../user/user.entity';

export const dispositionStates = ['accepted', 'partly_accepted', 'explained', 'pending'] as const;
export type DispositionState = (typeof dispositionStates)[number];

/**
 * What the drafters decided about one proposal (bảng tiếp thu, giải trình). Keyed by the
 * round and the cluster's stable key, so it survives new synthesis revisions.
 */
@Entity({ name: 'dispositions' })
@Unique('dispositions_round_id_cluster_key_key', ['roundId', 'clusterKey'])
@Check('dispositions_state_check', `"state" IN (${dispositionStates.map((s) => `'${s}'`).join(', ')})`)
@Check(
  'dispositions_explanation_check',
  `"state" NOT IN ('partly_accepted', 'explained') OR char_length(coalesce("explanation", '')) > 0`,
)
export class Disposition {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  roundId!: string;

  @ManyToOne(() => CommentRound, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'round_id' })
  round?: CommentRound;

  @Column({ type: 'varchar', length: 64 })
  clusterKey!: string;

  @Column({ type: 'varchar', length: 20, default: 'pending' })
  state!: DispositionState;

  @Column({ type: 'text', nullable: true })
  explanation!: string | null;

  /** Blocks of the next version that carry an accepted proposal. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  targetBlockIds!: string[];

  /** How many members the cluster had when it was disposed: more later means "look again". */
  @Column({ type: 'int', default: 0 })
  memberCountAtDecision!: number;

  @Column({ type: 'uuid', nullable: true })
  decidedById!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'decided_by_id' })
  decidedBy?: User;

  @VersionColumn()
  rowVersion!: number;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
