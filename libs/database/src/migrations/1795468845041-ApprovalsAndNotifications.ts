import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Approval chains and notifications. Generated from the entities, then completed by hand: the
 * new request status, backfilling document_id, the lock of a document under approval enforced by
 * the database (no update, no new version), and the index of a document's history.
 */
export class ApprovalsAndNotifications1795468845041 implements MigrationInterface {
    name = 'ApprovalsAndNotifications1795468845041'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "notifications" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "user_id" uuid NOT NULL,
                "kind" character varying(40) NOT NULL,
                "document_id" uuid,
                "approval_request_id" uuid,
                "message" text NOT NULL,
                "payload" jsonb NOT NULL DEFAULT '{}',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "read_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "notifications_user_id_created_at_idx" ON "notifications" ("user_id", "created_at")
        `);
        await queryRunner.query(`
            ALTER TABLE "documents"
            ADD "locked_version_id" uuid
        `);
        await queryRunner.query(`
            ALTER TABLE "approval_requests"
            ADD "document_id" uuid
        `);
        await queryRunner.query(`
            UPDATE "approval_requests" r SET "document_id" = v."document_id"
              FROM "document_versions" v WHERE v."id" = r."document_version_id"
        `);
        await queryRunner.query(`
            ALTER TABLE "approval_requests" ALTER COLUMN "document_id" SET NOT NULL
        `);
        await queryRunner.query(`
            ALTER TABLE "approval_requests" DROP CONSTRAINT "approval_requests_status_check"
        `);
        await queryRunner.query(`
            ALTER TABLE "approval_requests" ADD CONSTRAINT "approval_requests_status_check"
            CHECK ("status" IN ('pending', 'approved', 'changes_requested', 'withdrawn', 'superseded'))
        `);
        await queryRunner.query(`
            ALTER TABLE "approval_requests"
            ADD "previous_stage_id" uuid
        `);
        await queryRunner.query(`
            ALTER TABLE "approval_requests"
            ADD "stages" integer NOT NULL DEFAULT '1'
        `);
        await queryRunner.query(`
            ALTER TABLE "approval_requests"
            ADD "message" text
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_ff2a95db2a9b792f0ac5f6ddc7" ON "approval_requests" ("document_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "approval_requests_one_pending_per_document" ON "approval_requests" ("document_id")
            WHERE "status" = 'pending'
        `);
        await queryRunner.query(`
            ALTER TABLE "approval_requests"
            ADD CONSTRAINT "FK_ff2a95db2a9b792f0ac5f6ddc76" FOREIGN KEY ("document_id") REFERENCES "documents"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "approval_requests"
            ADD CONSTRAINT "FK_d8e4bacbeec14b3115fb59dc578" FOREIGN KEY ("previous_stage_id") REFERENCES "approval_requests"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "notifications"
            ADD CONSTRAINT "FK_9a8a82462cab47c73d25f49261f" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            CREATE INDEX "audit_events_document_id_idx" ON "audit_events" ((payload->>'documentId'))
        `);
        // a document is locked from the first committee's approval on (and final once approved):
        // whatever path tries to change its text or freeze a version on it is refused here too
        await queryRunner.query(`
            CREATE OR REPLACE FUNCTION vankien_reject_update_of_approved_document() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF EXISTS (SELECT 1 FROM documents WHERE id = NEW.document_id
                          AND (approved_version_id IS NOT NULL OR locked_version_id IS NOT NULL)) THEN
                RAISE EXCEPTION 'document % is approved or under approval: its text cannot change', NEW.document_id
                  USING ERRCODE = 'restrict_violation';
              END IF;
              RETURN NEW;
            END $$
        `);
        await queryRunner.query(`
            CREATE TRIGGER document_versions_not_after_approval BEFORE INSERT ON document_versions
            FOR EACH ROW EXECUTE FUNCTION vankien_reject_update_of_approved_document()
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TRIGGER document_versions_not_after_approval ON document_versions`);
        await queryRunner.query(`
            CREATE OR REPLACE FUNCTION vankien_reject_update_of_approved_document() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF EXISTS (SELECT 1 FROM documents WHERE id = NEW.document_id AND approved_version_id IS NOT NULL) THEN
                RAISE EXCEPTION 'document % is approved: its text cannot change', NEW.document_id
                  USING ERRCODE = 'restrict_violation';
              END IF;
              RETURN NEW;
            END $$
        `);
        await queryRunner.query(`DROP INDEX "public"."audit_events_document_id_idx"`);
        await queryRunner.query(`UPDATE "approval_requests" SET "status" = 'withdrawn' WHERE "status" = 'superseded'`);
        await queryRunner.query(`ALTER TABLE "approval_requests" DROP CONSTRAINT "approval_requests_status_check"`);
        await queryRunner.query(`
            ALTER TABLE "approval_requests" ADD CONSTRAINT "approval_requests_status_check"
            CHECK ("status" IN ('pending', 'approved', 'changes_requested', 'withdrawn'))
        `);
        await queryRunner.query(`
            ALTER TABLE "notifications" DROP CONSTRAINT "FK_9a8a82462cab47c73d25f49261f"
        `);
        await queryRunner.query(`
            ALTER TABLE "approval_requests" DROP CONSTRAINT "FK_d8e4bacbeec14b3115fb59dc578"
        `);
        await queryRunner.query(`
            ALTER TABLE "approval_requests" DROP CONSTRAINT "FK_ff2a95db2a9b792f0ac5f6ddc76"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."approval_requests_one_pending_per_document"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_ff2a95db2a9b792f0ac5f6ddc7"
        `);
        await queryRunner.query(`
            ALTER TABLE "approval_requests" DROP COLUMN "message"
        `);
        await queryRunner.query(`
            ALTER TABLE "approval_requests" DROP COLUMN "stages"
        `);
        await queryRunner.query(`
            ALTER TABLE "approval_requests" DROP COLUMN "previous_stage_id"
        `);
        await queryRunner.query(`
            ALTER TABLE "approval_requests" DROP COLUMN "document_id"
        `);
        await queryRunner.query(`
            ALTER TABLE "documents" DROP COLUMN "locked_version_id"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."notifications_user_id_created_at_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "notifications"
        `);
    }

}
