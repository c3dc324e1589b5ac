import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The synthesis's figures count one thing each. A cluster gets its distinct submitters per source
 * (`units_by_source`, which the exports' source column shows next to `units`), the people its
 * units stated behind their lines (`stated_supporters`: stated figures only) and its individual
 * contributors (`contributors`, `contributors_by_source`: persons whose own comments are in it),
 * computed for every stored revision from its member set as the worker computes them.
 *
 * A comment's prepared form no longer says `supporters: 1` when its unit stated no figure, and
 * says `contributor: true` for a person's own comment: the stored forms are rewritten to exactly
 * what preparing them again gives (both depend only on the comment and its submission), so an
 * incremental revision still equals a full recomputation. The block clusterings stored before
 * lack the new figures; the worker reads them as stale and clusters those blocks again
 * (libs/synthesis isStaleBlockClustering). Going down, the forms get their old `supporters` back
 * and the stored clusterings, a cache in a form the older worker refuses, are dropped.
 */
export class ClusterFiguresApart1795520000000 implements MigrationInterface {
    name = 'ClusterFiguresApart1795520000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "comment_clusters"
            ADD "units_by_source" jsonb NOT NULL DEFAULT '{}',
            ADD "stated_supporters" integer NOT NULL DEFAULT 0,
            ADD "contributors" integer NOT NULL DEFAULT 0,
            ADD "contributors_by_source" jsonb NOT NULL DEFAULT '{}'
        `);
        await queryRunner.query(`
            WITH members AS (
                SELECT cm.member_set_id, c.supporters, s.contributor_id, i.source_type,
                       coalesce('user:' || s.contributor_id::text, s.organization_id::text) AS unit
                  FROM cluster_members cm
                  JOIN comments c ON c.id = cm.comment_id
                  JOIN submissions s ON s.id = c.submission_id
                  JOIN invitations i ON i.id = s.invitation_id
            ), per_source AS (
                SELECT member_set_id, source_type, count(DISTINCT unit)::int AS units, count(DISTINCT contributor_id)::int AS contributors
                  FROM members GROUP BY member_set_id, source_type
            ), figures AS (
                SELECT m.member_set_id, coalesce(sum(m.supporters), 0)::int AS stated, count(DISTINCT m.contributor_id)::int AS contributors,
                       (SELECT jsonb_object_agg(p.source_type, p.units) FROM per_source p WHERE p.member_set_id = m.member_set_id) AS units_by_source,
                       (SELECT coalesce(jsonb_object_agg(p.source_type, p.contributors) FILTER (WHERE p.contributors > 0), '{}') FROM per_source p WHERE p.member_set_id = m.member_set_id) AS contributors_by_source
                  FROM members m GROUP BY m.member_set_id
            )
            UPDATE "comment_clusters" cc
               SET "units_by_source" = f.units_by_source, "stated_supporters" = f.stated,
                   "contributors" = f.contributors, "contributors_by_source" = f.contributors_by_source
              FROM figures f
             WHERE f.member_set_id = cc.member_set_id
        `);
        await queryRunner.query(`
            ALTER TABLE "comment_clusters"
            ALTER COLUMN "units_by_source" DROP DEFAULT,
            ALTER COLUMN "stated_supporters" DROP DEFAULT,
            ALTER COLUMN "contributors" DROP DEFAULT,
            ALTER COLUMN "contributors_by_source" DROP DEFAULT
        `);
        await queryRunner.query(`
            UPDATE "comment_prepared_forms" f
               SET "prepared" = (f."prepared" - 'supporters' - 'contributor')
                   || CASE WHEN c.supporters IS NOT NULL THEN jsonb_build_object('supporters', c.supporters) ELSE '{}'::jsonb END
                   || CASE WHEN s.contributor_id IS NOT NULL THEN '{"contributor": true}'::jsonb ELSE '{}'::jsonb END
              FROM comments c JOIN submissions s ON s.id = c.submission_id
             WHERE c.id = f."comment_id"
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DELETE FROM "block_clusterings"`);
        await queryRunner.query(`
            UPDATE "comment_prepared_forms" f
               SET "prepared" = (f."prepared" - 'contributor') || jsonb_build_object('supporters', coalesce(c.supporters, 1))
              FROM comments c
             WHERE c.id = f."comment_id"
        `);
        await queryRunner.query(`
            ALTER TABLE "comment_clusters"
            DROP COLUMN "contributors_by_source",
            DROP COLUMN "contributors",
            DROP COLUMN "stated_supporters",
            DROP COLUMN "units_by_source"
        `);
    }
}
