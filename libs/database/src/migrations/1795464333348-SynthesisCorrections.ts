import { MigrationInterface, QueryRunner } from "typeorm";

export class SynthesisCorrections1795464333348 implements MigrationInterface {
    name = 'SynthesisCorrections1795464333348'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "synthesis_corrections" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "round_id" uuid NOT NULL,
                "sequence" integer NOT NULL,
                "correction" jsonb NOT NULL,
                "created_by_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "synthesis_corrections_round_id_sequence_key" UNIQUE ("round_id", "sequence"),
                CONSTRAINT "PK_b57488a567253be886da17b6426" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            ALTER TABLE "synthesis_corrections"
            ADD CONSTRAINT "FK_698b16739258a969777dec9dd4f" FOREIGN KEY ("round_id") REFERENCES "comment_rounds"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "synthesis_corrections"
            ADD CONSTRAINT "FK_d90d591acc9eb5a3fc027c72850" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "synthesis_corrections" DROP CONSTRAINT "FK_d90d591acc9eb5a3fc027c72850"
        `);
        await queryRunner.query(`
            ALTER TABLE "synthesis_corrections" DROP CONSTRAINT "FK_698b16739258a969777dec9dd4f"
        `);
        await queryRunner.query(`
            DROP TABLE "synthesis_corrections"
        `);
    }

}
