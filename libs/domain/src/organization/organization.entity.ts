import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

/**
 * What an organisation is. Party organisations at every level discuss drafts and send one
 * consolidated submission; the others are groups of contributors who submit their own.
 */
export const organizationKinds = [
  'party_organization',
  'fatherland_front',
  'socio_political',
  'retired_leaders',
  'expert_group',
  'public',
] as const;
export type OrganizationKind = (typeof organizationKinds)[number];

/** Who may grant the roles that decide (approver, drafter) in an organisation. */
export const decidingRoleGrantors = ['another_admin', 'upper_level'] as const;

export interface OrganizationSettings {
  /** How a committee of this organisation decides on approval requests. */
  approvalRule?: 'majority' | 'unanimous';
  /** Whether the upper level's standing committee must approve after this one. */
  requiresUpperApproval?: boolean;
  /**
   * Who may grant the roles that decide (approver, drafter): any admin of this organisation or
   * above other than the grantee (default), or only an admin of a higher level.
   */
  decidingRolesGrantedBy?: (typeof decidingRoleGrantors)[number];
}

/**
 * A node of the organisation tree. Levels are data (central, province, district, grassroots,
 * cell, or whatever a reorganisation brings): nothing assumes a depth. `path` is the
 * materialised path of ids from the root ("/<root>/<child>/…/<id>/"), in the C collation so a
 * btree index answers subtree queries (`path LIKE '/…/<id>/%'`) in one statement.
 */
@Entity({ name: 'organizations' })
@Check('organizations_kind_check', `"kind" IN (${organizationKinds.map((k) => `'${k}'`).join(', ')})`)
@Check('organizations_depth_check', `"depth" >= 0`)
export class Organization {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', nullable: true })
  @Index()
  parentId!: string | null;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id' })
  parent?: Organization;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 1024, collation: 'C' })
  path!: string;

  @Column({ type: 'int' })
  depth!: number;

  /** Short unique code used in URLs, imports and exports (e.g. "LC", "LC-TP"). */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  code!: string;

  @Column({ type: 'varchar', length: 300 })
  name!: string;

  /** central, province, district, grassroots, cell … (data, not an enum). */
  @Column({ type: 'varchar', length: 40 })
  level!: string;

  @Column({ type: 'varchar', length: 40 })
  kind!: OrganizationKind;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  settings!: OrganizationSettings;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
