import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { CommentRound } from '../round/comment-round.entity';

export const synthesisStatuses = ['running', 'complete', 'failed'] as const;
export type SynthesisStatus = (typeof synthesisStatuses)[number];

/** One revision of a round's synthesis report, written whole in one transaction. */
@Entity({ name: 'syntheses' })
@Unique('syntheses_round_id_revision_key', ['roundId', 'revision'])
@Check('syntheses_status_check', `"status" IN (${synthesisStatuses.map((s) => `'${s}'`).join(', ')})`)
export class Synthesis {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  roundId!: string;

  @ManyToOne(() => CommentRound, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'round_id' })
  round?: CommentRound;

  @Column({ type: 'int' })
  revision!: number;

  @Column({ type: 'varchar', length: 10 })
  status!: SynthesisStatus;

  @Column({ type: 'int', default: 0 })
  commentCount!: number;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  stats!: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  startedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt!: Date | null;
}
