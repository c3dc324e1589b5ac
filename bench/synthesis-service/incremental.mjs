#!/usr/bin/env node
// Incremental synthesis revision, in one command:
//   node bench/synthesis-service/incremental.mjs [--comments 100000] [--new 500] [--profile DIR]
// Starts a throwaway PostgreSQL and Redis, migrates and seeds, freezes a political report,
// stores a round of --comments submitted comments from four units (SQL, like the bulk API's
// COPY), then times the worker's synthesis job (apps/worker SynthesizeRoundHandler, in-process):
//   cold         first revision: every comment prepared, every block clustered;
//   unchanged    a second revision with nothing new (every block reused);
//   incremental  one more unit submits --new comments: only their blocks are clustered again;
//   full         the same state recomputed from nothing (stored prepared forms and clusterings
//                cleared, a new worker whose threads hold no forms): the comparison in the same run.
// Each run's time is split as the handler reports it (reading, preparing, clustering, writing, then
// caching: the touched blocks' clusterings stored once the revision is committed; "revision shown"
// is the time until that commit),
// and the incremental revision is checked to be exactly the full recomputation (exit code 1 if not).
import { createRequire } from 'node:module';
import { mkdtempSync, mkdirSync, chmodSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { ensureBuilt, repoRoot } from '../../scripts/lib/ensure-built.mjs';
import { freePort, log, startPostgres, startRedis } from '../../scripts/lib/services.mjs';
import { generateComments } from '../ingest/generate.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(`--${name}`) ? Number(args[args.indexOf(`--${name}`) + 1]) : fallback);
const total = option('comments', 100_000);
const fresh = option('new', 500);

ensureBuilt();
const require = createRequire(import.meta.url);
const dist = (path) => require(join(repoRoot, 'dist', path));
const { runMigrations, dataSourceOptions } = dist('libs/database/src/index.js');
const { seedDemoData } = dist('apps/feedback/src/seed/demo-seed.js');
const { createTemplate, buildBlockIndex, congressSchema, plainText } = dist('libs/document-schema/src/index.js');
const { DataSource } = require('typeorm');

const root = mkdtempSync(join(tmpdir(), 'vankien-bench-synthesis-'));
chmodSync(root, 0o755);
const stops = [];
try {
  const postgres = await startPostgres({ dataDir: join(root, 'postgres'), port: await freePort(), database: 'vankien' });
  stops.push(() => postgres.stop());
  const redis = await startRedis({ dir: join(root, 'redis'), port: await freePort(), persistent: false });
  stops.push(() => redis.stop());
  await runMigrations(postgres.url);
  const dataSource = await new DataSource({ ...dataSourceOptions(postgres.url, { poolSize: 4 }), logging: false }).initialize();
  stops.push(() => dataSource.destroy());
  await seedDemoData(dataSource);
  const org = Object.fromEntries((await dataSource.query('SELECT code, id FROM organizations')).map((row) => [row.code, row.id]));

  // a frozen political report
  const content = createTemplate('political_report', { organizationName: 'Đảng bộ tỉnh Lai Châu', term: '2025–2030' });
  const node = congressSchema.nodeFromJSON(content);
  const index = buildBlockIndex(node);
  const [{ id: documentId }] = await dataSource.query(`INSERT INTO documents (organization_id, kind, title, term) VALUES ($1, 'political_report', 'Báo cáo chính trị', '2025–2030') RETURNING id`, [org.LC]);
  const [{ id: versionId }] = await dataSource.query(
    `INSERT INTO document_versions (document_id, number, label, yjs_state, content, block_index, plain_text) VALUES ($1, 1, 'Dự thảo lần 1', '\\x00', $2, $3, $4) RETURNING id`,
    [documentId, JSON.stringify(content), JSON.stringify(index), plainText(node)],
  );
  const [{ id: roundId }] = await dataSource.query(
    `INSERT INTO comment_rounds (organization_id, title, status, opens_at, deadline) VALUES ($1, 'Góp ý', 'open', now() - interval '1 day', now() + interval '7 days') RETURNING id`,
    [org.LC],
  );
  await dataSource.query('INSERT INTO round_documents (round_id, document_version_id, position) VALUES ($1, $2, 0)', [roundId, versionId]);
  const blocks = index.filter((entry) => entry.text).map((entry) => ({ blockId: entry.blockId, text: entry.text }));

  const submit = async (code, comments, seed) => {
    const [{ id: invitationId }] = await dataSource.query(`INSERT INTO invitations (round_id, organization_id, source_type) VALUES ($1, $2, 'lower_organization') RETURNING id`, [roundId, org[code]]);
    const [{ id: submissionId }] = await dataSource.query(
      `INSERT INTO submissions (round_id, invitation_id, organization_id, status, submitted_at, comment_count, row_version) VALUES ($1, $2, $3, 'submitted', now(), $4, 1) RETURNING id`,
      [roundId, invitationId, org[code], comments],
    );
    const generated = generateComments(comments, blocks, seed);
    for (let start = 0; start < generated.length; start += 5000) {
      const chunk = generated.slice(start, start + 5000);
      await dataSource.query(
        `INSERT INTO comments (submission_id, round_id, document_version_id, block_id, position, kind, text, supporters, supporters_total)
         SELECT $1, $2, $3, unnest($4::text[]), unnest($5::int[]), unnest($6::text[]), unnest($7::text[]), unnest($8::int[]), unnest($9::int[])`,
        [submissionId, roundId, versionId, chunk.map((c) => c.blockId), chunk.map((_, i) => start + i + 1), chunk.map((c) => c.kind), chunk.map((c) => c.text), chunk.map((c) => c.supporters ?? null), chunk.map((c) => c.supportersTotal ?? null)],
      );
    }
  };
  const perUnit = Math.floor(total / 4);
  for (const [i, code] of ['LC-TP', 'LC-TD', 'LC-PT', 'LC-MTTQ'].entries()) await submit(code, perUnit, 1000 + i);
  log(`round of ${perUnit * 4} comments on ${blocks.length} blocks stored`);

  Object.assign(process.env, { DATABASE_URL: postgres.url, REDIS_URL: redis.url, JWT_SECRET: randomBytes(32).toString('hex'), LOG_LEVEL: 'error' });
  require('reflect-metadata');
  const { NestFactory } = require('@nestjs/core');
  const { WorkerModule } = dist('apps/worker/src/worker.module.js');
  const { SynthesizeRoundHandler } = dist('apps/worker/src/processors/synthesize-round.handler.js');
  // a worker (its clustering threads keep the blocks' forms from one revision to the next)
  const startWorker = async () => {
    const worker = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error'] });
    await worker.init();
    stops.push(() => worker.close());
    return worker;
  };
  let worker = await startWorker();
  let handler = worker.get(SynthesizeRoundHandler);
  const time = async (label) => {
    const started = process.hrtime.bigint();
    const outcome = await handler.handle({ roundId });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const phases = Object.entries(outcome.milliseconds ?? {}).map(([phase, value]) => `${phase} ${value}`).join(', ');
    log(`${label}: ${ms.toFixed(0)} ms (${outcome.comments} comments, ${outcome.clusters} clusters, ${outcome.blocksReclustered} blocks clustered; ms: ${phases})`);
    return { label, ms, ...outcome };
  };
  const cold = await time('cold');
  const unchanged = await time('unchanged');
  await submit('LC-DTN', fresh, 4242);
  // --profile DIR: a CPU profile of this process's own thread (the worker's event loop) during the
  // incremental revision only, for bench/ingest/profile-summary.mjs
  const profileDir = args.includes('--profile') ? args[args.indexOf('--profile') + 1] : undefined;
  const profiler = profileDir ? new Session() : undefined;
  if (profiler) {
    profiler.connect();
    await new Promise((done) => profiler.post('Profiler.enable', () => profiler.post('Profiler.start', done)));
  }
  const incremental = await time(`incremental (+${fresh})`);
  if (profiler) {
    const { profile } = await new Promise((done, fail) => profiler.post('Profiler.stop', (error, result) => (error ? fail(error) : done(result))));
    mkdirSync(profileDir, { recursive: true });
    writeFileSync(join(profileDir, 'incremental.cpuprofile'), JSON.stringify(profile));
    profiler.disconnect();
    log(`profile of the incremental revision in ${join(profileDir, 'incremental.cpuprofile')}`);
  }
  await dataSource.query('DELETE FROM block_clusterings WHERE round_id = $1', [roundId]);
  await dataSource.query('DELETE FROM comment_prepared_forms f USING comments c WHERE c.id = f.comment_id AND c.round_id = $1', [roundId]);
  // a new worker, whose threads hold nothing: the recomputation owes nothing to the runs above
  await worker.close();
  worker = await startWorker();
  handler = worker.get(SynthesizeRoundHandler);
  const full = await time('full recomputation of the same state');
  // The incremental revision must be exactly the full recomputation: every cluster, its key,
  // position, figures, representative and members.
  const digestOf = async (revision) =>
    (
      await dataSource.query(
        `SELECT md5(string_agg(line, E'\\n' ORDER BY line)) AS digest FROM (
           SELECT concat_ws('|', cc.position, cc.key, cc.document_version_id, cc.block_id, cc.kind, cc.agreement, cc.representative_text, cc.representative_comment_id,
                            cc.comment_count, cc.units, cc.supporters, cc.by_source::text,
                            (SELECT string_agg(cm.comment_id::text, ',' ORDER BY cm.comment_id) FROM cluster_members cm WHERE cm.member_set_id = cc.member_set_id)) AS line
             FROM comment_clusters cc JOIN syntheses s ON s.id = cc.synthesis_id WHERE s.round_id = $1 AND s.revision = $2) lines`,
        [roundId, revision],
      )
    )[0].digest;
  const [incrementalDigest, fullDigest] = [await digestOf(incremental.revision), await digestOf(full.revision)];
  const rows = [cold, unchanged, incremental, full];
  process.stdout.write(`\n| run | comments | blocks clustered | clusters | reading | preparing | clustering | writing | revision shown, ms | caching | ms |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n`);
  for (const row of rows) {
    const phase = (name) => (row.milliseconds?.[name] !== undefined ? String(row.milliseconds[name]) : '');
    // from the start of the job to the revision's commit (the phases before caching)
    const shown = ({ milliseconds: m }) => (m ? String(m.reading + m.preparing + m.clustering + m.writing) : '');
    process.stdout.write(
      `| ${row.label} | ${row.comments} | ${row.blocksReclustered} | ${row.clusters} | ${phase('reading')} | ${phase('preparing')} | ${phase('clustering')} | ${phase('writing')} | ${shown(row)} | ${phase('caching')} | ${row.ms.toFixed(0)} |\n`,
    );
  }
  process.stdout.write(`\nincremental / full: ${(incremental.ms / full.ms).toFixed(2)}\n`);
  process.stdout.write(`incremental revision ${incrementalDigest === fullDigest ? '=' : '≠'} full recomputation (md5 of their clusters: ${incrementalDigest}, ${fullDigest})\n`);
  if (incrementalDigest !== fullDigest) process.exitCode = 1;
} finally {
  for (const stop of stops.reverse()) await stop().catch(() => undefined);
  rmSync(root, { recursive: true, force: true });
}
