import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * The clustering of one block of a round, as libs/synthesis computed it (before cluster keys
 * and drafters' corrections), for the exact set of comments it had (`membersSha256`). A new
 * revision re-clusters only the blocks whose comments changed and reuses the others: clustering
 * is per block, so this is exactly what a full recomputation gives.
 */
@Entity({ name: 'block_clusterings' })
export class BlockClustering {
  @PrimaryColumn({ type: 'uuid' })
  roundId!: string;

  @PrimaryColumn({ type: 'uuid' })
  documentVersionId!: string;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  blockId!: string;

  @Column({ type: 'char', length: 64 })
  membersSha256!: string;

  @Column({ type: 'jsonb' })
  clusters!: unknown[];

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
