import { MigrationInterface, QueryRunner } from "typeorm";

export class CommentPositionIndex1795464165353 implements MigrationInterface {
    name = 'CommentPositionIndex1795464165353'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."IDX_3b2c6c8f71fe860c00a3e74c00"
        `);
        await queryRunner.query(`
            CREATE INDEX "comments_submission_id_position_idx" ON "comments" ("submission_id", "position")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."comments_submission_id_position_idx"
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_3b2c6c8f71fe860c00a3e74c00" ON "comments" ("submission_id")
        `);
    }

}
