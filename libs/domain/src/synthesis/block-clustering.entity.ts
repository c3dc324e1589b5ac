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

  /**
   * The clusters in the form libs/synthesis's encodeBlockClustering gives (member ids as
   * positions in the block's sorted comment ids; rows in an earlier form, the clusters' JSON or
   * format 2, are stale: decodeBlockClustering gives nothing for them and the block is clustered
   * again). json, not jsonb: it is only ever written and read
   * whole, and jsonb's conversion both ways cost more than the text (a clustering of 1,200
   * comments is about 175 KB).
   */
  @Column({ type: 'json' })
  clusters!: unknown;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
