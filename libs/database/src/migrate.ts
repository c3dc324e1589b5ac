import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';
import { migrations } from './migrations';

/**
 * Applies every pending migration (or those up to and including `through`, by name: tests of one
 * migration's data conversion stop there); returns the names applied.
 */
export async function runMigrations(url: string, options: { through?: string } = {}): Promise<string[]> {
  const all = dataSourceOptions(url, { applicationName: 'vankien-migrations', poolSize: 2 });
  const last = options.through === undefined ? migrations.length - 1 : migrations.findIndex((migration) => migration.name === options.through);
  if (last < 0) throw new Error(`no migration named ${options.through}`);
  const dataSource = new DataSource({ ...all, migrations: migrations.slice(0, last + 1), logging: ['error'] });
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}

/** Reverts the last `count` migrations (all of them with Infinity). */
export async function revertMigrations(url: string, count = 1): Promise<number> {
  const dataSource = new DataSource({ ...dataSourceOptions(url, { applicationName: 'vankien-migrations', poolSize: 2 }), logging: ['error'] });
  await dataSource.initialize();
  let reverted = 0;
  try {
    while (reverted < count) {
      const executed = await dataSource.query(`SELECT 1 FROM information_schema.tables WHERE table_name = 'migrations'`);
      if (executed.length === 0) break;
      const [{ count: remaining }] = await dataSource.query('SELECT count(*)::int AS count FROM migrations');
      if (remaining === 0) break;
      await dataSource.undoLastMigration({ transaction: 'each' });
      reverted += 1;
    }
    return reverted;
  } finally {
    await dataSource.destroy();
  }
}

/** The SQL TypeORM would run to bring the schema to the entities: empty when migrations are complete. */
export async function pendingSchemaChanges(url: string): Promise<string[]> {
  const dataSource = new DataSource({ ...dataSourceOptions(url, { applicationName: 'vankien-schema-check', poolSize: 2 }), logging: ['error'] });
  await dataSource.initialize();
  try {
    const sql = await dataSource.driver.createSchemaBuilder().log();
    return sql.upQueries.map((query) => query.query);
  } finally {
    await dataSource.destroy();
  }
}
