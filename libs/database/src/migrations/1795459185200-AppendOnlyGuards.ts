import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Guards that hold whatever path a write takes (API, worker, a console): audit events are
 * append-only, and a frozen version's content never changes. The audit chain head starts at
 * the genesis hash.
 */
export class AppendOnlyGuards1795459185200 implements MigrationInterface {
  name = 'AppendOnlyGuards1795459185200';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION vankien_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% on % is not allowed: %', TG_OP, TG_TABLE_NAME, TG_ARGV[0]
          USING ERRCODE = 'restrict_violation';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
      FOR EACH ROW EXECUTE FUNCTION vankien_reject_change('audit events are append-only')`);
    await queryRunner.query(`
      CREATE TRIGGER document_versions_frozen BEFORE UPDATE OF number, yjs_state, content, block_index, plain_text, document_id ON document_versions
      FOR EACH ROW EXECUTE FUNCTION vankien_reject_change('a frozen version cannot change')`);
    await queryRunner.query(`
      CREATE TRIGGER document_versions_no_delete BEFORE DELETE ON document_versions
      FOR EACH ROW EXECUTE FUNCTION vankien_reject_change('a frozen version cannot be deleted')`);
    await queryRunner.query(`INSERT INTO audit_chain_head (id, last_event_id, last_hash) VALUES (1, NULL, repeat('0', 64))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM audit_chain_head WHERE id = 1`);
    await queryRunner.query(`DROP TRIGGER document_versions_no_delete ON document_versions`);
    await queryRunner.query(`DROP TRIGGER document_versions_frozen ON document_versions`);
    await queryRunner.query(`DROP TRIGGER audit_events_append_only ON audit_events`);
    await queryRunner.query(`DROP FUNCTION vankien_reject_change()`);
  }
}
