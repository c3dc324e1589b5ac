import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The audit step of `npm test` against npm's three answers, with a stand-in `npm` first on the
 * PATH that prints what the registry's advisory service would: findings, none, or a refusal.
 */
describe('the dependency audit step', () => {
  const script = join(__dirname, '..', 'scripts', 'audit-dependencies.mjs');
  let bin = '';

  beforeAll(() => {
    bin = mkdtempSync(join(tmpdir(), 'fake-npm-'));
  });
  afterAll(() => rmSync(bin, { recursive: true, force: true }));

  const audit = (report: object, environment: Record<string, string> = {}) => {
    writeFileSync(join(bin, 'report.json'), JSON.stringify(report));
    writeFileSync(join(bin, 'npm'), `#!/bin/sh\ncat "${join(bin, 'report.json')}"\nexit 1\n`);
    chmodSync(join(bin, 'npm'), 0o755);
    return spawnSync(process.execPath, [script], { env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, ...environment }, encoding: 'utf8' });
  };
  const counts = (high: number, critical: number) => ({ metadata: { vulnerabilities: { info: 0, low: 1, moderate: 2, high, critical, total: 3 + high + critical } } });

  it('fails on a high or a critical advisory, naming the package', () => {
    const run = audit({ ...counts(1, 0), vulnerabilities: { exceljs: { name: 'exceljs', severity: 'high', via: [{ title: 'Prototype pollution' }] } } });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('high in exceljs (Prototype pollution)');
    expect(audit({ ...counts(0, 1), vulnerabilities: { yauzl: { name: 'yauzl', severity: 'critical', via: ['minimist'] } } }).status).toBe(1);
  });

  it('passes with moderate and low advisories only', () => {
    const run = audit({ ...counts(0, 0), vulnerabilities: { a: { name: 'a', severity: 'moderate', via: [] } } });
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('no high or critical advisory');
  });

  it('says loudly that nothing was checked when the service refuses, and fails then if an audit is required', () => {
    const refusal = { message: '405 Method Not Allowed', statusCode: 405 };
    const run = audit(refusal);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('NOT checked');
    expect(audit(refusal, { AUDIT_REQUIRED: '1' }).status).toBe(1);
  });
});
