// Seeds the demo data once (run by `npm start`); prints the demo accounts when it creates them.
import 'reflect-metadata';
import { dataSourceOptions } from '@vankien/database';
import { loadEnvironmentOrExit } from '@vankien/platform';
import { DataSource } from 'typeorm';
import { demoPassword, seedDemoData } from './demo-seed';

async function main(): Promise<void> {
  const environment = loadEnvironmentOrExit('seed');
  const dataSource = new DataSource({ ...dataSourceOptions(environment.DATABASE_URL, { applicationName: 'vankien-seed', poolSize: 2 }), logging: ['error'] });
  await dataSource.initialize();
  try {
    const outcome = await seedDemoData(dataSource);
    if (!outcome.created) return;
    const width = Math.max(...outcome.accounts.map((account) => account.email.length));
    process.stdout.write(`\nTài khoản thử nghiệm / demo accounts (mật khẩu / password: ${demoPassword})\n`);
    for (const account of outcome.accounts) process.stdout.write(`  ${account.email.padEnd(width)}  ${account.roles.join(', ').padEnd(34)} ${account.fullName}\n`);
    process.stdout.write('\n');
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`demo seed failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
