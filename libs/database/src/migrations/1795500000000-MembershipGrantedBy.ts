import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Who granted each role: the approval tally shows who appointed each approver and when.
 * Existing roles were granted by the seed or before this was recorded: their grantor stays null.
 */
export class MembershipGrantedBy1795500000000 implements MigrationInterface {
    name = 'MembershipGrantedBy1795500000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "memberships" ADD "granted_by_id" uuid
        `);
        await queryRunner.query(`
            ALTER TABLE "memberships"
            ADD CONSTRAINT "FK_3217b89a6f3d695fd7d3af11471" FOREIGN KEY ("granted_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "memberships" DROP CONSTRAINT "FK_3217b89a6f3d695fd7d3af11471"
        `);
        await queryRunner.query(`
            ALTER TABLE "memberships" DROP COLUMN "granted_by_id"
        `);
    }
}
