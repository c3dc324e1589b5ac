import { MigrationInterface, QueryRunner } from "typeorm";

export class CommentProvenance1795463946858 implements MigrationInterface {
    name = 'CommentProvenance1795463946858'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "comments"
            ADD "provenance" jsonb
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "comments" DROP COLUMN "provenance"
        `);
    }

}
