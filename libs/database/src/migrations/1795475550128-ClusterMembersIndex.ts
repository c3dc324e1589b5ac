import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * cluster_members had an index on synthesis_id alone besides the unique (synthesis_id,
 * comment_id), which serves the same lookups: each revision paid for maintaining both on every
 * membership it wrote.
 */
export class ClusterMembersIndex1795475550128 implements MigrationInterface {
    name = 'ClusterMembersIndex1795475550128'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."IDX_79528eeb44671d2a35139dd73f"
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE INDEX "IDX_79528eeb44671d2a35139dd73f" ON "cluster_members" ("synthesis_id")
        `);
    }

}
