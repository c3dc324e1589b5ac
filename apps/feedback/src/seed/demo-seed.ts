import { hashPassword } from '@vankien/auth';
import { Organization, type OrganizationKind, type Role } from '@vankien/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { createOrganization, createUser, grantRole } from '../organizations/organizations.service';

/** The password of every demo account (printed at the first start; change it for real use). */
export const demoPassword = 'vankien-demo-2025';
const provinceCode = 'LC';

interface OrganizationSeed {
  code: string;
  name: string;
  level: string;
  kind: OrganizationKind;
  children?: OrganizationSeed[];
}

/**
 * A province-level organisation with three lower organisations and cells under each, the
 * Fatherland Front, a socio-political organisation and a retired-leaders group.
 */
const tree: OrganizationSeed = {
  code: provinceCode,
  name: 'Đảng bộ tỉnh Lai Châu',
  level: 'province',
  kind: 'party_organization',
  children: [
    {
      code: 'LC-TP',
      name: 'Đảng bộ thành phố Lai Châu',
      level: 'district',
      kind: 'party_organization',
      children: [
        { code: 'LC-TP-CB1', name: 'Chi bộ phường Tân Phong', level: 'cell', kind: 'party_organization' },
        { code: 'LC-TP-CB2', name: 'Chi bộ phường Đông Phong', level: 'cell', kind: 'party_organization' },
      ],
    },
    {
      code: 'LC-TD',
      name: 'Đảng bộ huyện Tam Đường',
      level: 'district',
      kind: 'party_organization',
      children: [
        { code: 'LC-TD-CB1', name: 'Chi bộ xã Bình Lư', level: 'cell', kind: 'party_organization' },
        { code: 'LC-TD-CB2', name: 'Chi bộ xã Sơn Bình', level: 'cell', kind: 'party_organization' },
      ],
    },
    {
      code: 'LC-PT',
      name: 'Đảng bộ huyện Phong Thổ',
      level: 'district',
      kind: 'party_organization',
      children: [
        { code: 'LC-PT-CB1', name: 'Chi bộ thị trấn Phong Thổ', level: 'cell', kind: 'party_organization' },
        { code: 'LC-PT-CB2', name: 'Chi bộ xã Mường So', level: 'cell', kind: 'party_organization' },
      ],
    },
    { code: 'LC-MTTQ', name: 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Lai Châu', level: 'province', kind: 'fatherland_front' },
    { code: 'LC-DTN', name: 'Tỉnh đoàn Lai Châu', level: 'province', kind: 'socio_political' },
    { code: 'LC-NGH', name: 'Cán bộ lãnh đạo chủ chốt đã nghỉ hưu', level: 'province', kind: 'retired_leaders' },
  ],
};

interface AccountSeed {
  email: string;
  fullName: string;
  roles: [organizationCode: string, role: Role][];
}

const accounts: AccountSeed[] = [
  { email: 'quantri@vankien.local', fullName: 'Quản trị hệ thống', roles: [[provinceCode, 'admin']] },
  { email: 'tieuban@vankien.local', fullName: 'Nguyễn Văn An (Tiểu ban Văn kiện)', roles: [[provinceCode, 'drafter']] },
  { email: 'thuongvu1@vankien.local', fullName: 'Trần Thị Bình (Ban Thường vụ)', roles: [[provinceCode, 'approver']] },
  { email: 'thuongvu2@vankien.local', fullName: 'Lê Văn Cường (Ban Thường vụ)', roles: [[provinceCode, 'approver']] },
  { email: 'thuongvu3@vankien.local', fullName: 'Phạm Thị Dung (Ban Thường vụ)', roles: [[provinceCode, 'approver']] },
  { email: 'vanphong.tp@vankien.local', fullName: 'Văn phòng Thành ủy Lai Châu', roles: [['LC-TP', 'clerk']] },
  { email: 'vanphong.td@vankien.local', fullName: 'Văn phòng Huyện ủy Tam Đường', roles: [['LC-TD', 'clerk'], ['LC-TD', 'drafter']] },
  { email: 'thuongvu.td@vankien.local', fullName: 'Hoàng Văn Em (Ban Thường vụ Huyện ủy Tam Đường)', roles: [['LC-TD', 'approver']] },
  { email: 'vanphong.pt@vankien.local', fullName: 'Văn phòng Huyện ủy Phong Thổ', roles: [['LC-PT', 'clerk']] },
  { email: 'chibo.binhlu@vankien.local', fullName: 'Chi bộ xã Bình Lư', roles: [['LC-TD-CB1', 'clerk']] },
  { email: 'mttq@vankien.local', fullName: 'Văn phòng Ủy ban MTTQ tỉnh', roles: [['LC-MTTQ', 'clerk']] },
  { email: 'tinhdoan@vankien.local', fullName: 'Văn phòng Tỉnh đoàn', roles: [['LC-DTN', 'clerk']] },
  { email: 'nghihuu1@vankien.local', fullName: 'Đồng chí Vũ Văn Giang (nguyên Bí thư Tỉnh ủy)', roles: [['LC-NGH', 'contributor']] },
  { email: 'nghihuu2@vankien.local', fullName: 'Đồng chí Đỗ Thị Hà (nguyên Chủ tịch HĐND tỉnh)', roles: [['LC-NGH', 'contributor']] },
];

export interface SeedOutcome {
  created: boolean;
  accounts: { email: string; fullName: string; roles: string[] }[];
}

async function createTree(manager: EntityManager, seed: OrganizationSeed, parent: Organization | null, byCode: Map<string, Organization>): Promise<void> {
  const organization = await createOrganization(manager, { parent, name: seed.name, code: seed.code, level: seed.level, kind: seed.kind });
  byCode.set(seed.code, organization);
  for (const child of seed.children ?? []) await createTree(manager, child, organization, byCode);
}

/** Creates the demo data once: does nothing when the demo province already exists. */
export async function seedDemoData(dataSource: DataSource): Promise<SeedOutcome> {
  const described = accounts.map((account) => ({ email: account.email, fullName: account.fullName, roles: account.roles.map(([code, role]) => `${role}@${code}`) }));
  const passwordHash = await hashPassword(demoPassword);
  const created = await dataSource.transaction(async (manager) => {
    // serialise concurrent first starts
    await manager.query('SELECT pg_advisory_xact_lock(7261001)');
    if (await manager.getRepository(Organization).exist({ where: { code: provinceCode } })) return false;
    const byCode = new Map<string, Organization>();
    await createTree(manager, tree, null, byCode);
    await manager.getRepository(Organization).update({ code: provinceCode }, { settings: { approvalRule: 'majority' } });
    await manager.getRepository(Organization).update({ code: 'LC-TD' }, { settings: { approvalRule: 'majority', requiresUpperApproval: true } });
    for (const account of accounts) {
      const user = await createUser(manager, { email: account.email, fullName: account.fullName, passwordHash });
      for (const [code, role] of account.roles) {
        const organization = byCode.get(code);
        if (!organization) throw new Error(`demo seed: unknown organisation ${code}`);
        await grantRole(manager, null, user.id, organization.id, role);
      }
    }
    return true;
  });
  return { created, accounts: described };
}
