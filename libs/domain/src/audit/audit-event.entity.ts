import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An append-only record of a write that matters. `hash` covers the event's content and the
 * previous event's hash, so an edited or deleted row breaks the chain (`npm run audit:verify`).
 */
@Entity({ name: 'audit_events' })
@Index('audit_events_subject_idx', ['subjectType', 'subjectId'])
// an expression index on payload->>'documentId' (the document's history), made by hand in the
// ApprovalsAndNotifications migration: TypeORM cannot declare expression indexes, so it must not manage it
@Index('audit_events_document_id_idx', { synchronize: false })
export class AuditEvent {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ type: 'uuid', nullable: true })
  actorId!: string | null;

  /** e.g. auth.login, membership.granted, version.frozen, submission.submitted */
  @Column({ type: 'varchar', length: 80 })
  action!: string;

  @Column({ type: 'varchar', length: 40 })
  subjectType!: string;

  @Column({ type: 'varchar', length: 80, nullable: true })
  subjectId!: string | null;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  organizationId!: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  payload!: Record<string, unknown>;

  @Column({ type: 'char', length: 64 })
  previousHash!: string;

  @Index({ unique: true })
  @Column({ type: 'char', length: 64 })
  hash!: string;
}

/**
 * The newest event of the chain, updated in the same transaction as each append; it makes a
 * deleted last event detectable and serialises appends (the row is locked while appending).
 */
@Entity({ name: 'audit_chain_head' })
export class AuditChainHead {
  @Column({ type: 'int', primary: true })
  id!: number;

  @Column({ type: 'bigint', nullable: true })
  lastEventId!: string | null;

  @Column({ type: 'char', length: 64 })
  lastHash!: string;
}
