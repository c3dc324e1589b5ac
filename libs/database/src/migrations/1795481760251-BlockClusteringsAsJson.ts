import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * block_clusterings.clusters is only ever written and read whole: json keeps the text as given,
 * where jsonb converted each clustering (about 150 KB for a block of 1,200 comments) both ways.
 * Stored clusterings are converted, not dropped.
 */
export class BlockClusteringsAsJson1795481760251 implements MigrationInterface {
    name = 'BlockClusteringsAsJson1795481760251'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "block_clusterings" ALTER COLUMN "clusters" TYPE json USING "clusters"::json
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "block_clusterings" ALTER COLUMN "clusters" TYPE jsonb USING "clusters"::jsonb
        `);
    }

}
