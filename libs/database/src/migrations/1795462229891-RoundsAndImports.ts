import { MigrationInterface, QueryRunner } from "typeorm";

export class RoundsAndImports1795462229891 implements MigrationInterface {
    name = 'RoundsAndImports1795462229891'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "comment_imports" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "submission_id" uuid NOT NULL,
                "format" character varying(10) NOT NULL,
                "filename" character varying(255) NOT NULL,
                "file" bytea NOT NULL,
                "status" character varying(12) NOT NULL DEFAULT 'queued',
                "progress" integer NOT NULL DEFAULT '0',
                "result" jsonb,
                "error" jsonb,
                "created_by_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "comment_imports_format_check" CHECK ("format" IN ('xlsx', 'docx')),
                CONSTRAINT "comment_imports_status_check" CHECK (
                    "status" IN (
                        'queued',
                        'parsing',
                        'preview',
                        'confirmed',
                        'failed'
                    )
                ),
                CONSTRAINT "PK_2dfe2cfbc35c11250f7d9a87128" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_caf3911b05a2974c47def3bd58" ON "comment_imports" ("submission_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "idempotency_records" (
                "user_id" uuid NOT NULL,
                "key" character varying(200) NOT NULL,
                "scope" character varying(200) NOT NULL,
                "request_sha256" character(64) NOT NULL,
                "status_code" integer,
                "response" jsonb,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_361095756bf434c1971a5a89be4" PRIMARY KEY ("user_id", "key")
            )
        `);
        await queryRunner.query(`
            ALTER TABLE "comment_rounds"
            ADD "synthesis_requested_at" TIMESTAMP WITH TIME ZONE
        `);
        await queryRunner.query(`
            ALTER TABLE "comment_imports"
            ADD CONSTRAINT "FK_caf3911b05a2974c47def3bd58f" FOREIGN KEY ("submission_id") REFERENCES "submissions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "comment_imports"
            ADD CONSTRAINT "FK_a808093f229f177b5a8316758cb" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "comment_imports" DROP CONSTRAINT "FK_a808093f229f177b5a8316758cb"
        `);
        await queryRunner.query(`
            ALTER TABLE "comment_imports" DROP CONSTRAINT "FK_caf3911b05a2974c47def3bd58f"
        `);
        await queryRunner.query(`
            ALTER TABLE "comment_rounds" DROP COLUMN "synthesis_requested_at"
        `);
        await queryRunner.query(`
            DROP TABLE "idempotency_records"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_caf3911b05a2974c47def3bd58"
        `);
        await queryRunner.query(`
            DROP TABLE "comment_imports"
        `);
    }

}
