import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Organization } from '../organization/organization.entity';
import { CommentRound } from './comment-round.entity';
import { sourceTypes, type SourceType } from './source-type';

/**
 * An organisation invited to comment in a round: a lower-level organisation (one consolidated
 * submission) or a group of contributors (each of its contributors submits their own).
 */
@Entity({ name: 'invitations' })
@Unique('invitations_round_id_organization_id_key', ['roundId', 'organizationId'])
@Check('invitations_source_type_check', `"source_type" IN (${sourceTypes.map((s) => `'${s}'`).join(', ')})`)
export class Invitation {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  roundId!: string;

  @ManyToOne(() => CommentRound, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'round_id' })
  round?: CommentRound;

  @Index()
  @Column({ type: 'uuid' })
  organizationId!: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Organization;

  @Column({ type: 'varchar', length: 30 })
  sourceType!: SourceType;

  @Column({ type: 'timestamptz', nullable: true })
  withdrawnAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
