import type { Organization } from '@vankien/domain';
import { placeAndDate, placeOfOrganization } from '@vankien/office';
import type { DataSource } from 'typeorm';

/**
 * The heading block of a paper the organisation files (its synthesis report, its table of
 * dispositions): its name, the organisation above it, and its place with today's date.
 */
export async function paperHeading(dataSource: DataSource, owner: Pick<Organization, 'name' | 'parentId'>): Promise<{ organizationName: string; parentOrganizationName?: string; placeAndDate: string }> {
  const parent = owner.parentId ? await dataSource.query('SELECT name FROM organizations WHERE id = $1', [owner.parentId]) : [];
  return {
    organizationName: owner.name,
    ...(parent[0]?.name ? { parentOrganizationName: String(parent[0].name) } : {}),
    placeAndDate: placeAndDate(placeOfOrganization(owner.name), new Date()),
  };
}
