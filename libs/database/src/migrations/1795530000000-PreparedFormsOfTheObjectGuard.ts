import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The synthesis now reads what each request is about (the `objects` of a prepared form, for the
 * guard that keeps "đầu tư vào giao thông" apart from "đầu tư vào trường học") and reads words
 * through a near-synonym lexicon. Forms prepared before lack the objects and hold words read
 * without the lexicon, and block clusterings were made from them: both caches are emptied, so
 * the next revision of each round prepares and clusters every comment by the current rules
 * (the revisions already written stay as they were). Restart the workers after migrating: their
 * threads keep forms in memory. Down empties them too: the older rules prepare them again.
 */
export class PreparedFormsOfTheObjectGuard1795530000000 implements MigrationInterface {
    name = 'PreparedFormsOfTheObjectGuard1795530000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DELETE FROM "block_clusterings"`);
        await queryRunner.query(`DELETE FROM "comment_prepared_forms"`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DELETE FROM "block_clusterings"`);
        await queryRunner.query(`DELETE FROM "comment_prepared_forms"`);
    }
}
