import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Revisions of a round's synthesis share the member sets of the clusters they have in common
 * (cluster_member_sets, one per distinct set of comment ids in a round, named by a SHA-256 of the
 * sorted ids): a revision writes memberships only for clusters whose comments changed, instead of
 * one row per comment of the round. Existing revisions are converted; the memberships move from
 * (cluster_id, comment_id, synthesis_id) to (member_set_id, comment_id). comment_clusters.member_set_id
 * has no foreign key: its check cost each revision about half a second per 50,000 clusters, and
 * the worker writes a revision's sets and clusters in one transaction (both go with the round).
 */
export class SharedClusterMemberSets1795478595324 implements MigrationInterface {
    name = 'SharedClusterMemberSets1795478595324'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "cluster_member_sets" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "round_id" uuid NOT NULL,
                "members_sha256" character(64) NOT NULL,
                CONSTRAINT "cluster_member_sets_round_id_members_sha256_key" UNIQUE ("round_id", "members_sha256"),
                CONSTRAINT "PK_5ee5e60ec7bf68c2af43d037fda" PRIMARY KEY ("id")
            )
        `);
        // The digest as the worker computes it: ids in uuid order (that of their lowercase text),
        // joined with commas.
        await queryRunner.query(`
            CREATE TEMPORARY TABLE "cluster_digests" ON COMMIT DROP AS
            SELECT cc."id" AS "cluster_id", s."round_id",
                   encode(sha256(convert_to(coalesce(string_agg(cm."comment_id"::text, ',' ORDER BY cm."comment_id"), ''), 'UTF8')), 'hex') AS "digest"
              FROM "comment_clusters" cc
              JOIN "syntheses" s ON s."id" = cc."synthesis_id"
              LEFT JOIN "cluster_members" cm ON cm."cluster_id" = cc."id"
             GROUP BY cc."id", s."round_id"
        `);
        await queryRunner.query(`
            INSERT INTO "cluster_member_sets" ("round_id", "members_sha256")
            SELECT DISTINCT "round_id", "digest" FROM "cluster_digests"
        `);
        await queryRunner.query(`
            ALTER TABLE "comment_clusters"
            ADD "member_set_id" uuid
        `);
        await queryRunner.query(`
            UPDATE "comment_clusters" cc SET "member_set_id" = ms."id"
              FROM "cluster_digests" d
              JOIN "cluster_member_sets" ms ON ms."round_id" = d."round_id" AND ms."members_sha256" = d."digest"
             WHERE d."cluster_id" = cc."id"
        `);
        await queryRunner.query(`
            ALTER TABLE "comment_clusters" ALTER COLUMN "member_set_id" SET NOT NULL
        `);
        await queryRunner.query(`
            ALTER TABLE "cluster_members" RENAME TO "cluster_members_by_cluster"
        `);
        await queryRunner.query(`
            CREATE TABLE "cluster_members" (
                "member_set_id" uuid NOT NULL,
                "comment_id" uuid NOT NULL,
                CONSTRAINT "PK_b974c33ed384d7b88065d650ba1" PRIMARY KEY ("member_set_id", "comment_id")
            )
        `);
        await queryRunner.query(`
            INSERT INTO "cluster_members" ("member_set_id", "comment_id")
            SELECT DISTINCT cc."member_set_id", old."comment_id"
              FROM "cluster_members_by_cluster" old
              JOIN "comment_clusters" cc ON cc."id" = old."cluster_id"
        `);
        await queryRunner.query(`
            DROP TABLE "cluster_members_by_cluster"
        `);
        await queryRunner.query(`
            CREATE INDEX "cluster_members_comment_id_idx" ON "cluster_members" ("comment_id")
        `);
        await queryRunner.query(`
            ALTER TABLE "cluster_member_sets"
            ADD CONSTRAINT "FK_fd32f0f01b3343d7b1490704e16" FOREIGN KEY ("round_id") REFERENCES "comment_rounds"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "cluster_members"
            ADD CONSTRAINT "FK_dc4c18703c42ae58b1c8adaed90" FOREIGN KEY ("member_set_id") REFERENCES "cluster_member_sets"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "cluster_members"
            ADD CONSTRAINT "FK_5ccb6fa3748c598654440a12d1d" FOREIGN KEY ("comment_id") REFERENCES "comments"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "cluster_members" RENAME TO "cluster_members_by_set"
        `);
        await queryRunner.query(`
            ALTER TABLE "cluster_members_by_set" DROP CONSTRAINT "FK_5ccb6fa3748c598654440a12d1d"
        `);
        await queryRunner.query(`
            CREATE TABLE "cluster_members" (
                "cluster_id" uuid NOT NULL,
                "comment_id" uuid NOT NULL,
                "synthesis_id" uuid NOT NULL,
                CONSTRAINT "cluster_members_synthesis_id_comment_id_key" UNIQUE ("synthesis_id", "comment_id"),
                CONSTRAINT "PK_b4c7ff2a40d76810ac71fae4fc2" PRIMARY KEY ("cluster_id", "comment_id")
            )
        `);
        await queryRunner.query(`
            INSERT INTO "cluster_members" ("cluster_id", "comment_id", "synthesis_id")
            SELECT cc."id", m."comment_id", cc."synthesis_id"
              FROM "comment_clusters" cc
              JOIN "cluster_members_by_set" m ON m."member_set_id" = cc."member_set_id"
        `);
        await queryRunner.query(`
            DROP TABLE "cluster_members_by_set"
        `);
        await queryRunner.query(`
            ALTER TABLE "comment_clusters" DROP COLUMN "member_set_id"
        `);
        await queryRunner.query(`
            DROP TABLE "cluster_member_sets"
        `);
        await queryRunner.query(`
            ALTER TABLE "cluster_members"
            ADD CONSTRAINT "FK_bd9ded267bd628dc6dd779fb566" FOREIGN KEY ("cluster_id") REFERENCES "comment_clusters"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "cluster_members"
            ADD CONSTRAINT "FK_5ccb6fa3748c598654440a12d1d" FOREIGN KEY ("comment_id") REFERENCES "comments"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

}
