import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * The outcome of a request sent with an Idempotency-Key, so a retry gets the same answer and
 * nothing is stored twice. Keyed by user and key; `requestSha256` tells a retry from a
 * different request that reuses the key.
 */
@Entity({ name: 'idempotency_records' })
export class IdempotencyRecord {
  @PrimaryColumn({ type: 'uuid' })
  userId!: string;

  @PrimaryColumn({ type: 'varchar', length: 200 })
  key!: string;

  @Column({ type: 'varchar', length: 200 })
  scope!: string;

  @Column({ type: 'char', length: 64 })
  requestSha256!: string;

  @Column({ type: 'int', nullable: true })
  statusCode!: number | null;

  @Column({ type: 'jsonb', nullable: true })
  response!: unknown;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
