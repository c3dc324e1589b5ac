import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * A revision writes one comment_clusters row per cluster (about 49,000 for 100,000 comments) in
 * one COPY. Two per-row costs of that COPY bought nothing:
 * - comment_clusters_synthesis_id_block_idx: no query looks clusters up by block (readers go by
 *   synthesis and key, by synthesis alone, which the unique (synthesis_id, key) index serves, or by id);
 * - the foreign key to syntheses, checked by one query per inserted row (about a quarter of the
 *   server's time for the COPY, in a probe). The worker inserts a revision's synthesis and its
 *   clusters in one transaction, so that check never failed; as for member_set_id, there is none.
 *   What the key did for deletes and updates of syntheses is kept by a trigger on syntheses: it
 *   deletes a synthesis's clusters with it (ON DELETE CASCADE) and refuses to change the id of a
 *   synthesis that has clusters (NO ACTION on update). (A check once per statement over its new rows,
 *   with a transition table, cost as much as the key's checks in the same probe.)
 * No data changes.
 */
export class ClusterWritesWithoutRowChecks1795492800000 implements MigrationInterface {
    name = 'ClusterWritesWithoutRowChecks1795492800000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."comment_clusters_synthesis_id_block_idx"
        `);
        await queryRunner.query(`
            ALTER TABLE "comment_clusters" DROP CONSTRAINT "FK_2b2e6ff2fdfb7a881a8a599a9a9"
        `);
        await queryRunner.query(`
            CREATE FUNCTION "syntheses_cluster_references"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP = 'DELETE' THEN
                    DELETE FROM "comment_clusters" WHERE "synthesis_id" = OLD."id";
                    RETURN OLD;
                END IF;
                IF EXISTS (SELECT 1 FROM "comment_clusters" WHERE "synthesis_id" = OLD."id") THEN
                    RAISE EXCEPTION 'update on table "syntheses" would leave the clusters of synthesis % without it', OLD."id"
                        USING ERRCODE = 'foreign_key_violation', TABLE = 'syntheses';
                END IF;
                RETURN NEW;
            END
            $$
        `);
        await queryRunner.query(`
            CREATE TRIGGER "syntheses_delete_clusters" AFTER DELETE ON "syntheses"
            FOR EACH ROW EXECUTE FUNCTION "syntheses_cluster_references"()
        `);
        await queryRunner.query(`
            CREATE TRIGGER "syntheses_keep_cluster_references" AFTER UPDATE OF "id" ON "syntheses"
            FOR EACH ROW WHEN (OLD."id" IS DISTINCT FROM NEW."id") EXECUTE FUNCTION "syntheses_cluster_references"()
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP TRIGGER "syntheses_keep_cluster_references" ON "syntheses"
        `);
        await queryRunner.query(`
            DROP TRIGGER "syntheses_delete_clusters" ON "syntheses"
        `);
        await queryRunner.query(`
            DROP FUNCTION "syntheses_cluster_references"()
        `);
        // (clusters whose synthesis is gone could only come from writes outside the worker: the key cannot hold them)
        await queryRunner.query(`
            DELETE FROM "comment_clusters" cc WHERE NOT EXISTS (SELECT 1 FROM "syntheses" s WHERE s."id" = cc."synthesis_id")
        `);
        await queryRunner.query(`
            ALTER TABLE "comment_clusters" ADD CONSTRAINT "FK_2b2e6ff2fdfb7a881a8a599a9a9" FOREIGN KEY ("synthesis_id") REFERENCES "syntheses"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            CREATE INDEX "comment_clusters_synthesis_id_block_idx" ON "comment_clusters" ("synthesis_id", "document_version_id", "block_id")
        `);
    }

}
