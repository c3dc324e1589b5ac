// Applies pending migrations to DATABASE_URL (used by the Docker deployment's one-shot
// `migrate` service; on one machine `npm start` does the same).
import { runMigrations } from './migrate';

const url = process.env.DATABASE_URL;
if (!url) {
  process.stderr.write('DATABASE_URL is missing\n');
  process.exit(78);
}
runMigrations(url)
  .then((applied) => process.stdout.write(applied.length ? `Applied: ${applied.join(', ')}\n` : 'No pending migration.\n'))
  .catch((error: unknown) => {
    process.stderr.write(`migrations failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
