// `npm audit --omit=dev`: fails on a high or critical advisory against a production dependency.
// Run by `npm test` (and so by CI) before the tests. npm's advisory service is a POST endpoint of
// the registry; where it cannot be reached (a mirror or proxy that serves packages only answers
// 405), nothing was checked: that is said loudly, and it fails only when AUDIT_REQUIRED=1 (set it
// where the service is reachable, so that a silent skip cannot pass for a clean audit).
import { spawnSync } from 'node:child_process';

const repoRoot = new URL('..', import.meta.url).pathname;
const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { cwd: repoRoot, encoding: 'utf8' });
let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  report = undefined;
}
const log = (message) => process.stderr.write(`[vankien] ${message}\n`);

if (!report || report.error || !report.metadata) {
  const reason = report?.message ?? report?.error?.summary ?? ((run.stderr || 'no answer').trim().split('\n').pop() || 'no answer');
  log(`npm audit: the advisory service could not be reached (${reason}); production dependencies NOT checked.`);
  process.exit(process.env.AUDIT_REQUIRED === '1' ? 1 : 0);
}
const { high = 0, critical = 0, moderate = 0, low = 0 } = report.metadata.vulnerabilities ?? {};
const serious = Object.entries(report.vulnerabilities ?? {}).filter(([, v]) => v.severity === 'high' || v.severity === 'critical');
if (serious.length) {
  for (const [name, v] of serious) log(`npm audit: ${v.severity} in ${name} (${[].concat(v.via).map((via) => (typeof via === 'string' ? via : via.title)).join('; ')})`);
  log(`npm audit: ${critical} critical and ${high} high advisories against production dependencies: fix them first.`);
  process.exit(1);
}
log(`npm audit: no high or critical advisory against production dependencies (${moderate} moderate, ${low} low).`);
