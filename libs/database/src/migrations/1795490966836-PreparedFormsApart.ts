import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Comments' prepared forms move out of `comments` into a table of their own. Written into
 * `comments`, each form (about 1.7 KB) made a new version of its row twice as wide, and listing a
 * round's comments at every revision read the whole table (23,000 pages instead of 5,700 for a
 * round of 100,000: 0.5–0.9 s instead of 0.1 s under load). The forms are stored out of line
 * (toast_tuple_target 128: compressed, then moved to the TOAST table whatever their size), so
 * that the table's own rows stay small and finding which comments have a form reads little.
 * Existing forms are moved, both ways.
 */
export class PreparedFormsApart1795490966836 implements MigrationInterface {
    name = 'PreparedFormsApart1795490966836'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "comment_prepared_forms" (
                "comment_id" uuid NOT NULL,
                "prepared" jsonb NOT NULL,
                CONSTRAINT "PK_d83e978db885ba4c4496f01e543" PRIMARY KEY ("comment_id")
            ) WITH (toast_tuple_target = 128)
        `);
        await queryRunner.query(`
            INSERT INTO "comment_prepared_forms" ("comment_id", "prepared")
            SELECT "id", "prepared" FROM "comments" WHERE "prepared" IS NOT NULL
        `);
        await queryRunner.query(`
            ALTER TABLE "comments" DROP COLUMN "prepared"
        `);
        await queryRunner.query(`
            ALTER TABLE "comment_prepared_forms"
            ADD CONSTRAINT "FK_d83e978db885ba4c4496f01e543" FOREIGN KEY ("comment_id") REFERENCES "comments"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "comment_prepared_forms" DROP CONSTRAINT "FK_d83e978db885ba4c4496f01e543"
        `);
        await queryRunner.query(`
            ALTER TABLE "comments"
            ADD "prepared" jsonb
        `);
        await queryRunner.query(`
            UPDATE "comments" SET "prepared" = f."prepared" FROM "comment_prepared_forms" f WHERE f."comment_id" = "comments"."id"
        `);
        await queryRunner.query(`
            DROP TABLE "comment_prepared_forms"
        `);
    }

}
