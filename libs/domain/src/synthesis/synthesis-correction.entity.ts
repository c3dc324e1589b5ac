import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { CommentRound } from '../round/comment-round.entity';
import { User } from '../user/user.entity';

/**
 * A drafter's manual correction of a round's clusters (merge, split, move a comment, choose the
 * representative text), kept in order and replayed on every new revision, so it survives
 * re-clustering. Expressed with comment ids and stable cluster keys.
 */
@Entity({ name: 'synthesis_corrections' })
@Unique('synthesis_corrections_round_id_sequence_key', ['roundId', 'sequence'])
export class SynthesisCorrection {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  roundId!: string;

  @ManyToOne(() => CommentRound, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'round_id' })
  round?: CommentRound;

  @Column({ type: 'int' })
  sequence!: number;

  /** libs/synthesis's Correction: {type: merge|split|move|representative, …}. */
  @Column({ type: 'jsonb' })
  correction!: Record<string, unknown>;

  @Column({ type: 'uuid', nullable: true })
  createdById!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: User;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
