import { MigrationInterface, QueryRunner } from "typeorm";

export class Initial1795459185128 implements MigrationInterface {
    name = 'Initial1795459185128'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "organizations" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "parent_id" uuid,
                "path" character varying(1024) COLLATE "C" NOT NULL,
                "depth" integer NOT NULL,
                "code" character varying(64) NOT NULL,
                "name" character varying(300) NOT NULL,
                "level" character varying(40) NOT NULL,
                "kind" character varying(40) NOT NULL,
                "settings" jsonb NOT NULL DEFAULT '{}'::jsonb,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "organizations_depth_check" CHECK ("depth" >= 0),
                CONSTRAINT "organizations_kind_check" CHECK (
                    "kind" IN (
                        'party_organization',
                        'fatherland_front',
                        'socio_political',
                        'retired_leaders',
                        'expert_group',
                        'public'
                    )
                ),
                CONSTRAINT "PK_6b031fcd0863e3f6b44230163f9" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_f3a7c9411eaa5f9cbc5363de33" ON "organizations" ("parent_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_2da2b98fea18b842831a7e8fcd" ON "organizations" ("path")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_7e27c3b62c681fbe3e2322535f" ON "organizations" ("code")
        `);
        await queryRunner.query(`
            CREATE TABLE "users" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "email" character varying(254) NOT NULL,
                "full_name" character varying(200) NOT NULL,
                "password_hash" character varying(255) NOT NULL,
                "active" boolean NOT NULL DEFAULT true,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_97672ac88f789774dd47f7c8be" ON "users" ("email")
        `);
        await queryRunner.query(`
            CREATE TABLE "memberships" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "user_id" uuid NOT NULL,
                "organization_id" uuid NOT NULL,
                "role" character varying(20) NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "memberships_user_organization_role_key" UNIQUE ("user_id", "organization_id", "role"),
                CONSTRAINT "memberships_role_check" CHECK (
                    "role" IN (
                        'drafter',
                        'clerk',
                        'contributor',
                        'approver',
                        'admin'
                    )
                ),
                CONSTRAINT "PK_25d28bd932097a9e90495ede7b4" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_e5380c394ec7912046d07b5429" ON "memberships" ("organization_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "refresh_tokens" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "user_id" uuid NOT NULL,
                "family_id" uuid NOT NULL,
                "token_hash" character(64) NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "used_at" TIMESTAMP WITH TIME ZONE,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_7d8bee0204106019488c4c50ffa" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_3ddc983c5f7bcf132fd8732c3f" ON "refresh_tokens" ("user_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_d5e27da0cd39bc3bb2811fc8ba" ON "refresh_tokens" ("family_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_a7838d2ba25be1342091b6695f" ON "refresh_tokens" ("token_hash")
        `);
        await queryRunner.query(`
            CREATE TABLE "documents" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "organization_id" uuid NOT NULL,
                "kind" character varying(40) NOT NULL,
                "title" character varying(500) NOT NULL,
                "term" character varying(40) NOT NULL,
                "approved_version_id" uuid,
                "created_by_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "documents_kind_check" CHECK (
                    "kind" IN (
                        'political_report',
                        'political_report_summary',
                        'review_report',
                        'action_program',
                        'resolution'
                    )
                ),
                CONSTRAINT "PK_ac51aa5181ee2036f5ca482857c" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_69427761f37533ae7767601a64" ON "documents" ("organization_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "document_updates" (
                "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "document_id" uuid NOT NULL,
                "update" bytea NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_08d7134ef85b0c0f087d6a23ae4" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "document_updates_document_id_id_idx" ON "document_updates" ("document_id", "id")
        `);
        await queryRunner.query(`
            CREATE TABLE "document_snapshots" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "document_id" uuid NOT NULL,
                "state" bytea NOT NULL,
                "last_update_id" bigint NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_c8bd7cb08190bbcc4ace233da30" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "document_snapshots_document_id_last_update_id_idx" ON "document_snapshots" ("document_id", "last_update_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "document_versions" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "document_id" uuid NOT NULL,
                "number" integer NOT NULL,
                "label" character varying(200) NOT NULL,
                "yjs_state" bytea NOT NULL,
                "content" jsonb NOT NULL,
                "block_index" jsonb NOT NULL,
                "plain_text" text NOT NULL,
                "frozen_by_id" uuid,
                "frozen_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "document_versions_document_id_number_key" UNIQUE ("document_id", "number"),
                CONSTRAINT "document_versions_number_check" CHECK ("number" >= 1),
                CONSTRAINT "PK_baf26dab035c6d6fc433f9dc6a2" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "comment_rounds" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "organization_id" uuid NOT NULL,
                "title" character varying(500) NOT NULL,
                "status" character varying(10) NOT NULL DEFAULT 'draft',
                "opens_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "deadline" TIMESTAMP WITH TIME ZONE NOT NULL,
                "late_policy" character varying(20) NOT NULL DEFAULT 'refuse',
                "closed_at" TIMESTAMP WITH TIME ZONE,
                "created_by_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "comment_rounds_deadline_check" CHECK ("deadline" > "opens_at"),
                CONSTRAINT "comment_rounds_late_policy_check" CHECK ("late_policy" IN ('refuse', 'accept_late')),
                CONSTRAINT "comment_rounds_status_check" CHECK ("status" IN ('draft', 'open', 'closed')),
                CONSTRAINT "PK_9075ab8608b983b4458ee17a1ef" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_77d0e277d840cf32e98ee53341" ON "comment_rounds" ("organization_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "round_documents" (
                "round_id" uuid NOT NULL,
                "document_version_id" uuid NOT NULL,
                "position" integer NOT NULL DEFAULT '0',
                CONSTRAINT "PK_85b02c04eec44ac71c40170de67" PRIMARY KEY ("round_id", "document_version_id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_2a8844c263a5d9ae824885038b" ON "round_documents" ("document_version_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "invitations" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "round_id" uuid NOT NULL,
                "organization_id" uuid NOT NULL,
                "source_type" character varying(30) NOT NULL,
                "withdrawn_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "invitations_round_id_organization_id_key" UNIQUE ("round_id", "organization_id"),
                CONSTRAINT "invitations_source_type_check" CHECK (
                    "source_type" IN (
                        'lower_organization',
                        'retired_leaders',
                        'fatherland_front',
                        'socio_political',
                        'expert',
                        'public'
                    )
                ),
                CONSTRAINT "PK_5dec98cfdfd562e4ad3648bbb07" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_42d1dbb4d85dc3643fdc6560af" ON "invitations" ("organization_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "submissions" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "round_id" uuid NOT NULL,
                "invitation_id" uuid NOT NULL,
                "organization_id" uuid NOT NULL,
                "contributor_id" uuid,
                "status" character varying(12) NOT NULL DEFAULT 'draft',
                "submitted_at" TIMESTAMP WITH TIME ZONE,
                "late" boolean NOT NULL DEFAULT false,
                "comment_count" integer NOT NULL DEFAULT '0',
                "row_version" integer NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "submissions_status_check" CHECK ("status" IN ('draft', 'submitted', 'withdrawn')),
                CONSTRAINT "PK_10b3be95b8b2fb1e482e07d706b" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_56d7d92462aa3cefbd1c0ce390" ON "submissions" ("invitation_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "submissions_round_contributor_key" ON "submissions" ("round_id", "contributor_id")
            WHERE "contributor_id" IS NOT NULL
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "submissions_round_organization_unit_key" ON "submissions" ("round_id", "organization_id")
            WHERE "contributor_id" IS NULL
        `);
        await queryRunner.query(`
            CREATE TABLE "submission_receipts" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "submission_id" uuid NOT NULL,
                "sequence" integer NOT NULL,
                "comment_count" integer NOT NULL,
                "content_sha256" character(64) NOT NULL,
                "content" jsonb NOT NULL,
                "submitted_by_id" uuid,
                "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "submission_receipts_submission_id_sequence_key" UNIQUE ("submission_id", "sequence"),
                CONSTRAINT "PK_81911e810b479c050fe5f050003" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "comments" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "submission_id" uuid NOT NULL,
                "round_id" uuid NOT NULL,
                "document_version_id" uuid NOT NULL,
                "block_id" character varying(64) NOT NULL,
                "position" integer NOT NULL,
                "kind" character varying(12) NOT NULL,
                "text" text NOT NULL,
                "quote" text,
                "quote_prefix" character varying(200),
                "quote_suffix" character varying(200),
                "supporters" integer,
                "supporters_total" integer,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "comments_supporters_check" CHECK (
                    "supporters" IS NULL
                    OR (
                        "supporters" >= 1
                        AND (
                            "supporters_total" IS NULL
                            OR "supporters" <= "supporters_total"
                        )
                    )
                ),
                CONSTRAINT "comments_text_length_check" CHECK (
                    char_length("text") BETWEEN 1 AND 5000
                ),
                CONSTRAINT "comments_kind_check" CHECK (
                    "kind" IN (
                        'agree',
                        'amend',
                        'add',
                        'delete',
                        'question',
                        'general'
                    )
                ),
                CONSTRAINT "PK_8bf68bc960f2b69e818bdb90dcb" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_3b2c6c8f71fe860c00a3e74c00" ON "comments" ("submission_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "comments_round_id_block_id_idx" ON "comments" ("round_id", "document_version_id", "block_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "syntheses" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "round_id" uuid NOT NULL,
                "revision" integer NOT NULL,
                "status" character varying(10) NOT NULL,
                "comment_count" integer NOT NULL DEFAULT '0',
                "stats" jsonb NOT NULL DEFAULT '{}'::jsonb,
                "started_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "completed_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "syntheses_round_id_revision_key" UNIQUE ("round_id", "revision"),
                CONSTRAINT "syntheses_status_check" CHECK ("status" IN ('running', 'complete', 'failed')),
                CONSTRAINT "PK_358ac8b771e7ac8b9c0f472e0f7" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "comment_clusters" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "synthesis_id" uuid NOT NULL,
                "key" character varying(64) NOT NULL,
                "document_version_id" uuid NOT NULL,
                "block_id" character varying(64) NOT NULL,
                "kind" character varying(12) NOT NULL,
                "representative_text" text NOT NULL,
                "representative_comment_id" uuid,
                "comment_count" integer NOT NULL,
                "units" integer NOT NULL,
                "supporters" integer NOT NULL,
                "by_source" jsonb NOT NULL,
                "position" integer NOT NULL,
                CONSTRAINT "comment_clusters_synthesis_id_key_key" UNIQUE ("synthesis_id", "key"),
                CONSTRAINT "PK_e55b4b66d2b713191d1a18cfb65" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "comment_clusters_synthesis_id_block_idx" ON "comment_clusters" (
                "synthesis_id",
                "document_version_id",
                "block_id"
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "cluster_members" (
                "cluster_id" uuid NOT NULL,
                "comment_id" uuid NOT NULL,
                "synthesis_id" uuid NOT NULL,
                CONSTRAINT "cluster_members_synthesis_id_comment_id_key" UNIQUE ("synthesis_id", "comment_id"),
                CONSTRAINT "PK_b4c7ff2a40d76810ac71fae4fc2" PRIMARY KEY ("cluster_id", "comment_id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_79528eeb44671d2a35139dd73f" ON "cluster_members" ("synthesis_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "dispositions" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "round_id" uuid NOT NULL,
                "cluster_key" character varying(64) NOT NULL,
                "state" character varying(20) NOT NULL DEFAULT 'pending',
                "explanation" text,
                "target_block_ids" jsonb NOT NULL DEFAULT '[]'::jsonb,
                "member_count_at_decision" integer NOT NULL DEFAULT '0',
                "decided_by_id" uuid,
                "row_version" integer NOT NULL,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "dispositions_round_id_cluster_key_key" UNIQUE ("round_id", "cluster_key"),
                CONSTRAINT "dispositions_explanation_check" CHECK (
                    "state" NOT IN ('partly_accepted', 'explained')
                    OR char_length(coalesce("explanation", '')) > 0
                ),
                CONSTRAINT "dispositions_state_check" CHECK (
                    "state" IN (
                        'accepted',
                        'partly_accepted',
                        'explained',
                        'pending'
                    )
                ),
                CONSTRAINT "PK_910039d536836fd1ec73c6d7424" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "approval_requests" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "document_version_id" uuid NOT NULL,
                "committee_id" uuid NOT NULL,
                "stage" integer NOT NULL DEFAULT '1',
                "status" character varying(20) NOT NULL DEFAULT 'pending',
                "rule" character varying(12) NOT NULL DEFAULT 'majority',
                "requested_by_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "decided_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "approval_requests_rule_check" CHECK ("rule" IN ('majority', 'unanimous')),
                CONSTRAINT "approval_requests_status_check" CHECK (
                    "status" IN (
                        'pending',
                        'approved',
                        'changes_requested',
                        'withdrawn'
                    )
                ),
                CONSTRAINT "PK_484806bb8ff331b851fc75973c0" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_0bff14d0d5fee34574a52db549" ON "approval_requests" ("document_version_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "approval_requests_committee_status_idx" ON "approval_requests" ("committee_id", "status")
        `);
        await queryRunner.query(`
            CREATE TABLE "approvals" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "request_id" uuid NOT NULL,
                "approver_id" uuid NOT NULL,
                "decision" character varying(20) NOT NULL,
                "remarks" text,
                "withdrawn_at" TIMESTAMP WITH TIME ZONE,
                "decided_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "approvals_request_id_approver_id_key" UNIQUE ("request_id", "approver_id"),
                CONSTRAINT "approvals_decision_check" CHECK ("decision" IN ('approve', 'request_changes')),
                CONSTRAINT "PK_690417aaefa84d18b1a59e2a499" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "audit_events" (
                "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "actor_id" uuid,
                "action" character varying(80) NOT NULL,
                "subject_type" character varying(40) NOT NULL,
                "subject_id" character varying(80),
                "organization_id" uuid,
                "payload" jsonb NOT NULL DEFAULT '{}'::jsonb,
                "previous_hash" character(64) NOT NULL,
                "hash" character(64) NOT NULL,
                CONSTRAINT "PK_910f64d901a5c3e9878f0d4a407" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_6510e4bf7423cd3d750e8c2ae8" ON "audit_events" ("organization_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_dd4e005a38b7965794e8d2b147" ON "audit_events" ("hash")
        `);
        await queryRunner.query(`
            CREATE INDEX "audit_events_subject_idx" ON "audit_events" ("subject_type", "subject_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "audit_chain_head" (
                "id" integer NOT NULL,
                "last_event_id" bigint,
                "last_hash" character(64) NOT NULL,
                CONSTRAINT "PK_9211408bf584034de409b1bbec5" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            ALTER TABLE "organizations"
            ADD CONSTRAINT "FK_f3a7c9411eaa5f9cbc5363de331" FOREIGN KEY ("parent_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "memberships"
            ADD CONSTRAINT "FK_7c1e2fdfed4f6838e0c05ae5051" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "memberships"
            ADD CONSTRAINT "FK_e5380c394ec7912046d07b54290" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "refresh_tokens"
            ADD CONSTRAINT "FK_3ddc983c5f7bcf132fd8732c3f4" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "documents"
            ADD CONSTRAINT "FK_69427761f37533ae7767601a64b" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "documents"
            ADD CONSTRAINT "FK_7f46f4f77acde1dcedba64cb220" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "document_updates"
            ADD CONSTRAINT "FK_f93069f8052f5fb31b04190531c" FOREIGN KEY ("document_id") REFERENCES "documents"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "document_snapshots"
            ADD CONSTRAINT "FK_c0708186324cc9c27c7d7a54c75" FOREIGN KEY ("document_id") REFERENCES "documents"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "document_versions"
            ADD CONSTRAINT "FK_ac75577bca976d6d581b0f459b6" FOREIGN KEY ("document_id") REFERENCES "documents"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "document_versions"
            ADD CONSTRAINT "FK_f749c99186e395c731780cab4ca" FOREIGN KEY ("frozen_by_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "comment_rounds"
            ADD CONSTRAINT "FK_77d0e277d840cf32e98ee533415" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "comment_rounds"
            ADD CONSTRAINT "FK_8133fe614807142d15bd08f19d3" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "round_documents"
            ADD CONSTRAINT "FK_c6806673008dc25ed17ce0942d8" FOREIGN KEY ("round_id") REFERENCES "comment_rounds"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "round_documents"
            ADD CONSTRAINT "FK_2a8844c263a5d9ae824885038b0" FOREIGN KEY ("document_version_id") REFERENCES "document_versions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "invitations"
            ADD CONSTRAINT "FK_8742005af78f3dc7bfc3617b899" FOREIGN KEY ("round_id") REFERENCES "comment_rounds"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "invitations"
            ADD CONSTRAINT "FK_42d1dbb4d85dc3643fdc6560af0" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "submissions"
            ADD CONSTRAINT "FK_b22644d916479589a969e9d64c2" FOREIGN KEY ("round_id") REFERENCES "comment_rounds"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "submissions"
            ADD CONSTRAINT "FK_56d7d92462aa3cefbd1c0ce3908" FOREIGN KEY ("invitation_id") REFERENCES "invitations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "submissions"
            ADD CONSTRAINT "FK_10cf656e6b0cf503a9d4a6bfbe6" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "submissions"
            ADD CONSTRAINT "FK_e9d501f7e7b80559a32f205dec6" FOREIGN KEY ("contributor_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "submission_receipts"
            ADD CONSTRAINT "FK_39f72b4c205c6e99f2555f66e23" FOREIGN KEY ("submission_id") REFERENCES "submissions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "submission_receipts"
            ADD CONSTRAINT "FK_4063ee480289b1afd9f763d314a" FOREIGN KEY ("submitted_by_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "comments"
            ADD CONSTRAINT "FK_3b2c6c8f71fe860c00a3e74c003" FOREIGN KEY ("submission_id") REFERENCES "submissions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "comments"
            ADD CONSTRAINT "FK_39457ba7b23fd99dd90c351b906" FOREIGN KEY ("document_version_id") REFERENCES "document_versions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "syntheses"
            ADD CONSTRAINT "FK_5c968d45aeb54eaf5564c9748d3" FOREIGN KEY ("round_id") REFERENCES "comment_rounds"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "comment_clusters"
            ADD CONSTRAINT "FK_2b2e6ff2fdfb7a881a8a599a9a9" FOREIGN KEY ("synthesis_id") REFERENCES "syntheses"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "cluster_members"
            ADD CONSTRAINT "FK_bd9ded267bd628dc6dd779fb566" FOREIGN KEY ("cluster_id") REFERENCES "comment_clusters"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "cluster_members"
            ADD CONSTRAINT "FK_5ccb6fa3748c598654440a12d1d" FOREIGN KEY ("comment_id") REFERENCES "comments"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "dispositions"
            ADD CONSTRAINT "FK_335e8fa6d6305f6410e71223c5f" FOREIGN KEY ("round_id") REFERENCES "comment_rounds"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "dispositions"
            ADD CONSTRAINT "FK_d0e7f45f1af6b04202f64fdc0b1" FOREIGN KEY ("decided_by_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "approval_requests"
            ADD CONSTRAINT "FK_0bff14d0d5fee34574a52db5499" FOREIGN KEY ("document_version_id") REFERENCES "document_versions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "approval_requests"
            ADD CONSTRAINT "FK_6ee894d5671f29444c01c0db19b" FOREIGN KEY ("committee_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "approval_requests"
            ADD CONSTRAINT "FK_fe1fd51dc3f183b37762a01458e" FOREIGN KEY ("requested_by_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "approvals"
            ADD CONSTRAINT "FK_c118082a931baa075e1c559d63e" FOREIGN KEY ("request_id") REFERENCES "approval_requests"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "approvals"
            ADD CONSTRAINT "FK_46de2c8562b94a5fbf9a202346a" FOREIGN KEY ("approver_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "approvals" DROP CONSTRAINT "FK_46de2c8562b94a5fbf9a202346a"
        `);
        await queryRunner.query(`
            ALTER TABLE "approvals" DROP CONSTRAINT "FK_c118082a931baa075e1c559d63e"
        `);
        await queryRunner.query(`
            ALTER TABLE "approval_requests" DROP CONSTRAINT "FK_fe1fd51dc3f183b37762a01458e"
        `);
        await queryRunner.query(`
            ALTER TABLE "approval_requests" DROP CONSTRAINT "FK_6ee894d5671f29444c01c0db19b"
        `);
        await queryRunner.query(`
            ALTER TABLE "approval_requests" DROP CONSTRAINT "FK_0bff14d0d5fee34574a52db5499"
        `);
        await queryRunner.query(`
            ALTER TABLE "dispositions" DROP CONSTRAINT "FK_d0e7f45f1af6b04202f64fdc0b1"
        `);
        await queryRunner.query(`
            ALTER TABLE "dispositions" DROP CONSTRAINT "FK_335e8fa6d6305f6410e71223c5f"
        `);
        await queryRunner.query(`
            ALTER TABLE "cluster_members" DROP CONSTRAINT "FK_5ccb6fa3748c598654440a12d1d"
        `);
        await queryRunner.query(`
            ALTER TABLE "cluster_members" DROP CONSTRAINT "FK_bd9ded267bd628dc6dd779fb566"
        `);
        await queryRunner.query(`
            ALTER TABLE "comment_clusters" DROP CONSTRAINT "FK_2b2e6ff2fdfb7a881a8a599a9a9"
        `);
        await queryRunner.query(`
            ALTER TABLE "syntheses" DROP CONSTRAINT "FK_5c968d45aeb54eaf5564c9748d3"
        `);
        await queryRunner.query(`
            ALTER TABLE "comments" DROP CONSTRAINT "FK_39457ba7b23fd99dd90c351b906"
        `);
        await queryRunner.query(`
            ALTER TABLE "comments" DROP CONSTRAINT "FK_3b2c6c8f71fe860c00a3e74c003"
        `);
        await queryRunner.query(`
            ALTER TABLE "submission_receipts" DROP CONSTRAINT "FK_4063ee480289b1afd9f763d314a"
        `);
        await queryRunner.query(`
            ALTER TABLE "submission_receipts" DROP CONSTRAINT "FK_39f72b4c205c6e99f2555f66e23"
        `);
        await queryRunner.query(`
            ALTER TABLE "submissions" DROP CONSTRAINT "FK_e9d501f7e7b80559a32f205dec6"
        `);
        await queryRunner.query(`
            ALTER TABLE "submissions" DROP CONSTRAINT "FK_10cf656e6b0cf503a9d4a6bfbe6"
        `);
        await queryRunner.query(`
            ALTER TABLE "submissions" DROP CONSTRAINT "FK_56d7d92462aa3cefbd1c0ce3908"
        `);
        await queryRunner.query(`
            ALTER TABLE "submissions" DROP CONSTRAINT "FK_b22644d916479589a969e9d64c2"
        `);
        await queryRunner.query(`
            ALTER TABLE "invitations" DROP CONSTRAINT "FK_42d1dbb4d85dc3643fdc6560af0"
        `);
        await queryRunner.query(`
            ALTER TABLE "invitations" DROP CONSTRAINT "FK_8742005af78f3dc7bfc3617b899"
        `);
        await queryRunner.query(`
            ALTER TABLE "round_documents" DROP CONSTRAINT "FK_2a8844c263a5d9ae824885038b0"
        `);
        await queryRunner.query(`
            ALTER TABLE "round_documents" DROP CONSTRAINT "FK_c6806673008dc25ed17ce0942d8"
        `);
        await queryRunner.query(`
            ALTER TABLE "comment_rounds" DROP CONSTRAINT "FK_8133fe614807142d15bd08f19d3"
        `);
        await queryRunner.query(`
            ALTER TABLE "comment_rounds" DROP CONSTRAINT "FK_77d0e277d840cf32e98ee533415"
        `);
        await queryRunner.query(`
            ALTER TABLE "document_versions" DROP CONSTRAINT "FK_f749c99186e395c731780cab4ca"
        `);
        await queryRunner.query(`
            ALTER TABLE "document_versions" DROP CONSTRAINT "FK_ac75577bca976d6d581b0f459b6"
        `);
        await queryRunner.query(`
            ALTER TABLE "document_snapshots" DROP CONSTRAINT "FK_c0708186324cc9c27c7d7a54c75"
        `);
        await queryRunner.query(`
            ALTER TABLE "document_updates" DROP CONSTRAINT "FK_f93069f8052f5fb31b04190531c"
        `);
        await queryRunner.query(`
            ALTER TABLE "documents" DROP CONSTRAINT "FK_7f46f4f77acde1dcedba64cb220"
        `);
        await queryRunner.query(`
            ALTER TABLE "documents" DROP CONSTRAINT "FK_69427761f37533ae7767601a64b"
        `);
        await queryRunner.query(`
            ALTER TABLE "refresh_tokens" DROP CONSTRAINT "FK_3ddc983c5f7bcf132fd8732c3f4"
        `);
        await queryRunner.query(`
            ALTER TABLE "memberships" DROP CONSTRAINT "FK_e5380c394ec7912046d07b54290"
        `);
        await queryRunner.query(`
            ALTER TABLE "memberships" DROP CONSTRAINT "FK_7c1e2fdfed4f6838e0c05ae5051"
        `);
        await queryRunner.query(`
            ALTER TABLE "organizations" DROP CONSTRAINT "FK_f3a7c9411eaa5f9cbc5363de331"
        `);
        await queryRunner.query(`
            DROP TABLE "audit_chain_head"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."audit_events_subject_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_dd4e005a38b7965794e8d2b147"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_6510e4bf7423cd3d750e8c2ae8"
        `);
        await queryRunner.query(`
            DROP TABLE "audit_events"
        `);
        await queryRunner.query(`
            DROP TABLE "approvals"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."approval_requests_committee_status_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_0bff14d0d5fee34574a52db549"
        `);
        await queryRunner.query(`
            DROP TABLE "approval_requests"
        `);
        await queryRunner.query(`
            DROP TABLE "dispositions"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_79528eeb44671d2a35139dd73f"
        `);
        await queryRunner.query(`
            DROP TABLE "cluster_members"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."comment_clusters_synthesis_id_block_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "comment_clusters"
        `);
        await queryRunner.query(`
            DROP TABLE "syntheses"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."comments_round_id_block_id_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_3b2c6c8f71fe860c00a3e74c00"
        `);
        await queryRunner.query(`
            DROP TABLE "comments"
        `);
        await queryRunner.query(`
            DROP TABLE "submission_receipts"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."submissions_round_organization_unit_key"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."submissions_round_contributor_key"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_56d7d92462aa3cefbd1c0ce390"
        `);
        await queryRunner.query(`
            DROP TABLE "submissions"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_42d1dbb4d85dc3643fdc6560af"
        `);
        await queryRunner.query(`
            DROP TABLE "invitations"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_2a8844c263a5d9ae824885038b"
        `);
        await queryRunner.query(`
            DROP TABLE "round_documents"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_77d0e277d840cf32e98ee53341"
        `);
        await queryRunner.query(`
            DROP TABLE "comment_rounds"
        `);
        await queryRunner.query(`
            DROP TABLE "document_versions"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."document_snapshots_document_id_last_update_id_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "document_snapshots"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."document_updates_document_id_id_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "document_updates"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_69427761f37533ae7767601a64"
        `);
        await queryRunner.query(`
            DROP TABLE "documents"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_a7838d2ba25be1342091b6695f"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_d5e27da0cd39bc3bb2811fc8ba"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_3ddc983c5f7bcf132fd8732c3f"
        `);
        await queryRunner.query(`
            DROP TABLE "refresh_tokens"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_e5380c394ec7912046d07b5429"
        `);
        await queryRunner.query(`
            DROP TABLE "memberships"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_97672ac88f789774dd47f7c8be"
        `);
        await queryRunner.query(`
            DROP TABLE "users"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_7e27c3b62c681fbe3e2322535f"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_2da2b98fea18b842831a7e8fcd"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_f3a7c9411eaa5f9cbc5363de33"
        `);
        await queryRunner.query(`
            DROP TABLE "organizations"
        `);
    }

}
