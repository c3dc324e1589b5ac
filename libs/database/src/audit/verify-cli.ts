// `npm run audit:verify`: walks the audit chain and reports the first broken link.
// Exit 0 when the chain is intact, 1 when it is broken, 2 when it cannot be checked.
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../data-source-options';
import { verifyAuditChain } from './audit-log';

export async function runAuditVerify(url: string, write: (line: string) => void): Promise<number> {
  const dataSource = new DataSource({ ...dataSourceOptions(url, { applicationName: 'vankien-audit-verify', poolSize: 1 }), logging: ['error'] });
  await dataSource.initialize();
  try {
    const result = await verifyAuditChain(dataSource.manager);
    if (!result.firstBreak) {
      write(`Chuỗi nhật ký kiểm tra toàn vẹn / audit chain intact: ${result.checked} events verified.`);
      return 0;
    }
    write(`Chuỗi nhật ký kiểm tra bị phá vỡ / audit chain BROKEN after ${result.checked} good events.`);
    write(`First broken link: ${result.firstBreak.kind} at event ${result.firstBreak.eventId ?? '(end)'}: ${result.firstBreak.reason}`);
    return 1;
  } finally {
    await dataSource.destroy();
  }
}

if (require.main === module) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    process.stderr.write('DATABASE_URL is missing\n');
    process.exit(2);
  }
  runAuditVerify(url, (line) => process.stdout.write(`${line}\n`))
    .then((code) => process.exit(code))
    .catch((error: unknown) => {
      process.stderr.write(`audit verification failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(2);
    });
}
