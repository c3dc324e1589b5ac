import { MigrationInterface, QueryRunner } from "typeorm";

export class IncrementalSynthesis1795465119974 implements MigrationInterface {
    name = 'IncrementalSynthesis1795465119974'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "block_clusterings" (
                "round_id" uuid NOT NULL,
                "document_version_id" uuid NOT NULL,
                "block_id" character varying(64) NOT NULL,
                "members_sha256" character(64) NOT NULL,
                "clusters" jsonb NOT NULL,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_fa6a08d0e4ad926e0916702daac" PRIMARY KEY ("round_id", "document_version_id", "block_id")
            )
        `);
        await queryRunner.query(`
            ALTER TABLE "comments"
            ADD "prepared" jsonb
        `);
        await queryRunner.query(`
            ALTER TABLE "comment_clusters"
            ADD "agreement" boolean NOT NULL DEFAULT false
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "comment_clusters" DROP COLUMN "agreement"
        `);
        await queryRunner.query(`
            ALTER TABLE "comments" DROP COLUMN "prepared"
        `);
        await queryRunner.query(`
            DROP TABLE "block_clusterings"
        `);
    }

}
