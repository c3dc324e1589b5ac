import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An approved document is final: whatever path tries to append to its Yjs update log (the
 * collaboration server, an import, a console) is refused by the database itself.
 */
export class ApprovedDocumentsFrozen1795459185300 implements MigrationInterface {
  name = 'ApprovedDocumentsFrozen1795459185300';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION vankien_reject_update_of_approved_document() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM documents WHERE id = NEW.document_id AND approved_version_id IS NOT NULL) THEN
          RAISE EXCEPTION 'document % is approved: its text cannot change', NEW.document_id
            USING ERRCODE = 'restrict_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER document_updates_not_after_approval BEFORE INSERT ON document_updates
      FOR EACH ROW EXECUTE FUNCTION vankien_reject_update_of_approved_document()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER document_updates_not_after_approval ON document_updates');
    await queryRunner.query('DROP FUNCTION vankien_reject_update_of_approved_document()');
  }
}
