import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Organization } from '../organization/organization.entity';
import { roles, type Role } from './role';
import { User } from './user.entity';

/** A role of a user in an organisation; the policy reads these and nothing else. */
@Entity({ name: 'memberships' })
@Unique('memberships_user_organization_role_key', ['userId', 'organizationId', 'role'])
@Check('memberships_role_check', `"role" IN (${roles.map((r) => `'${r}'`).join(', ')})`)
export class Membership {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Index()
  @Column({ type: 'uuid' })
  organizationId!: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Organization;

  @Column({ type: 'varchar', length: 20 })
  role!: Role;

  /** Who granted the role (null: the seed, or an account since deleted); shown with approvals. */
  @Column({ type: 'uuid', nullable: true })
  grantedById!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'granted_by_id' })
  grantedBy?: User;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
