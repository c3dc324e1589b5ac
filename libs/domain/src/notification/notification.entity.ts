import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../user/user.entity';

export const notificationKinds = [
  /** To each approver of the committee: a version waits for their decision. */
  'approval.requested',
  /** To the drafters: an approver approved or asked for changes (with remarks). */
  'approval.decided',
  /** To the drafters: a committee's rule is met; the next stage, if any, has been asked. */
  'approval.approved',
  /** To the approvers: the request they were deciding on was withdrawn or replaced. */
  'approval.closed',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/**
 * An in-application notification for one user, written in the transaction of the event it
 * tells about (so none is lost or sent for something that did not happen).
 */
@Entity({ name: 'notifications' })
@Index('notifications_user_id_created_at_idx', ['userId', 'createdAt'])
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'varchar', length: 40 })
  kind!: NotificationKind;

  /** The document and approval request it is about, for links. */
  @Column({ type: 'uuid', nullable: true })
  documentId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  approvalRequestId!: string | null;

  /** Vietnamese text for the interface, already composed. */
  @Column({ type: 'text' })
  message!: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  payload!: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  readAt!: Date | null;
}
