import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { SourceType } from '../round/source-type';
import type { CommentKind } from '../submission/comment.entity';
import { ClusterMemberSet } from './cluster-member-set.entity';
import { Synthesis } from './synthesis.entity';

/**
 * One proposal of a synthesis revision: similar comments of one block, stated once by a
 * representative member. `key` is stable across revisions (matched by members), so
 * dispositions and corrections carry over.
 */
@Entity({ name: 'comment_clusters' })
@Unique('comment_clusters_synthesis_id_key_key', ['synthesisId', 'key'])
export class CommentCluster {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /**
   * Its revision. No foreign key, whose check cost one query per inserted row (a revision inserts
   * about 49,000 per 100,000 comments): the worker inserts a synthesis and its clusters in one
   * transaction, and a trigger on syntheses (migration ClusterWritesWithoutRowChecks) deletes a
   * synthesis's clusters with it and refuses to change the id of a synthesis that has clusters.
   */
  @Column({ type: 'uuid' })
  synthesisId!: string;

  @ManyToOne(() => Synthesis, { createForeignKeyConstraints: false })
  @JoinColumn({ name: 'synthesis_id' })
  synthesis?: Synthesis;

  @Column({ type: 'varchar', length: 64 })
  key!: string;

  /**
   * Its comments: a set shared with the clusters of other revisions that have the same ones. No
   * foreign key (checking one per cluster cost each revision about 0.5 s per 50,000 clusters):
   * the worker writes a revision's sets and clusters in one transaction, and both go with the round.
   */
  @Column({ type: 'uuid' })
  memberSetId!: string;

  @ManyToOne(() => ClusterMemberSet, { createForeignKeyConstraints: false })
  @JoinColumn({ name: 'member_set_id' })
  memberSet?: ClusterMemberSet;

  @Column({ type: 'uuid' })
  documentVersionId!: string;

  @Column({ type: 'varchar', length: 64 })
  blockId!: string;

  @Column({ type: 'varchar', length: 12 })
  kind!: CommentKind;

  @Column({ type: 'text' })
  representativeText!: string;

  @Column({ type: 'uuid', nullable: true })
  representativeCommentId!: string | null;

  @Column({ type: 'int' })
  commentCount!: number;

  /** Distinct submitters: the units that sent a consolidated line and the contributors, each once. */
  @Column({ type: 'int' })
  units!: number;

  /**
   * The stated supporters plus one for each comment without a stated figure (kept for the roll-up
   * and existing readers; it mixes people with lines): see statedSupporters and contributors.
   */
  @Column({ type: 'int' })
  supporters!: number;

  /** Comments per source type. */
  @Column({ type: 'jsonb' })
  bySource!: Partial<Record<SourceType, number>>;

  /** Distinct submitters (as in `units`) per source type. */
  @Column({ type: 'jsonb' })
  unitsBySource!: Partial<Record<SourceType, number>>;

  /** People stated by units behind their consolidated lines ("12/15 chi bộ" → 12): stated figures only. */
  @Column({ type: 'int' })
  statedSupporters!: number;

  /** Distinct individual contributors (persons) whose own comments are in the cluster. */
  @Column({ type: 'int' })
  contributors!: number;

  /** Distinct individual contributors per source type. */
  @Column({ type: 'jsonb' })
  contributorsBySource!: Partial<Record<SourceType, number>>;

  /** The block's general agreement ("tán thành như dự thảo"), counted apart from proposals. */
  @Column({ type: 'boolean', default: false })
  agreement!: boolean;

  @Column({ type: 'int' })
  position!: number;
}
