import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const repoRoot = join(__dirname, '../..');

/**
 * The documents as the built apps describe themselves. Generated from dist/ (built first when
 * older than the sources, as npm start and npm test do), never from Jest's transpiled sources:
 * transpiling file by file loses some of the type metadata Swagger reads (a parameter typed
 * with an imported alias), and the committed files must be what the running apps serve.
 */
async function generateFromBuild(): Promise<{ path: string; text: string }[]> {
  const build = spawnSync(process.execPath, ['--input-type=module', '-e', `(await import(${JSON.stringify(join(repoRoot, 'scripts/lib/ensure-built.mjs'))})).ensureBuilt({ quiet: true })`], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}${build.stderr}`);
  const { generateApiDocuments } = require(join(repoRoot, 'dist/apps/api-documents.js')) as typeof import('../../apps/api-documents');
  return generateApiDocuments();
}

/** The JSON pointers where two documents differ, at most `limit` of them: what a reviewer reads. */
function differences(committed: unknown, generated: unknown, limit = 20, pointer = ''): string[] {
  if (JSON.stringify(committed) === JSON.stringify(generated)) return [];
  const bothObjects = committed !== null && generated !== null && typeof committed === 'object' && typeof generated === 'object';
  if (!bothObjects || Array.isArray(committed) !== Array.isArray(generated)) {
    return [`${pointer || '/'}: committed ${JSON.stringify(committed)?.slice(0, 120)}, generated ${JSON.stringify(generated)?.slice(0, 120)}`];
  }
  const left = committed as Record<string, unknown>;
  const right = generated as Record<string, unknown>;
  const found: string[] = [];
  for (const key of [...new Set([...Object.keys(left), ...Object.keys(right)])]) {
    if (found.length >= limit) break;
    const at = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    if (!(key in left)) found.push(`${at}: only in the code`);
    else if (!(key in right)) found.push(`${at}: only in the committed file`);
    else found.push(...differences(left[key], right[key], limit - found.length, at));
  }
  return found;
}

interface Operation {
  summary?: string;
  description?: string;
  security?: unknown[];
  responses: Record<string, { content?: Record<string, { schema?: Record<string, unknown> }> }>;
}

describe('the committed OpenAPI documents (openapi/*.json)', () => {
  let generated: { path: string; text: string }[];
  beforeAll(async () => {
    generated = await generateFromBuild();
  }, 300_000);

  it('the web client’s types are generated from them, never hand-copied: npm run openapi rewrites both', () => {
    // openapi-typescript is an ES module: generated in a process of its own
    const script = `
      const { webApiServices, webApiTypes, webApiTypesPath } = await import(${JSON.stringify(join(repoRoot, 'scripts/lib/web-api-types.mjs'))});
      const out = {};
      for (const service of webApiServices) out[webApiTypesPath(service)] = await webApiTypes(${JSON.stringify(repoRoot)}, service);
      process.stdout.write(JSON.stringify(out));`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(run.stderr).toBe('');
    const generatedTypes = JSON.parse(run.stdout) as Record<string, string>;
    const stale = Object.entries(generatedTypes).filter(([path, text]) => readFileSync(join(repoRoot, path), 'utf8') !== text).map(([path]) => `${path} is out of date: run npm run openapi`);
    expect(Object.keys(generatedTypes)).toHaveLength(2);
    expect(stale).toEqual([]);
  });

  it('are what the code generates: npm run openapi rewrites them after an API change', () => {
    expect(generated.map((document) => document.path)).toEqual(['openapi/editor.json', 'openapi/feedback.json']);
    const stale: string[] = [];
    for (const { path, text } of generated) {
      let committed: string;
      try {
        committed = readFileSync(join(repoRoot, path), 'utf8');
      } catch {
        stale.push(`${path} is missing: run npm run openapi`);
        continue;
      }
      if (committed === text) continue;
      const where = differences(JSON.parse(committed), JSON.parse(text));
      stale.push([`${path} is out of date: run npm run openapi`, ...where.map((line) => `  ${line}`)].join('\n'));
    }
    if (stale.length) throw new Error(stale.join('\n'));
  });

  it('give every operation a Vietnamese and English summary and a typed success response', () => {
    const problems: string[] = [];
    let operations = 0;
    for (const { path, text } of generated) {
      const document = JSON.parse(text) as { paths: Record<string, Record<string, Operation>> };
      for (const [route, methods] of Object.entries(document.paths)) {
        for (const [method, operation] of Object.entries(methods)) {
          operations += 1;
          const name = `${path} ${method.toUpperCase()} ${route}`;
          // "Tạo văn kiện / Create a document": both languages, the Vietnamese first
          if (!/^\S.* \/ \S.*$/.test(operation.summary ?? '')) problems.push(`${name}: no "Vietnamese / English" summary`);
          const success = Object.entries(operation.responses).filter(([status]) => /^2\d\d$/.test(status));
          if (success.length === 0) problems.push(`${name}: no 2xx response`);
          for (const [status, response] of success) {
            if (status === '204') {
              if (response.content) problems.push(`${name}: 204 with a body`);
              continue;
            }
            const schemas = Object.values(response.content ?? {}).map((media) => media.schema);
            if (schemas.length === 0 || schemas.some((schema) => !schema || Object.keys(schema).length === 0)) {
              problems.push(`${name}: ${status} described by a sentence only (no schema)`);
            }
          }
          if (operation.security && !operation.responses['401']) problems.push(`${name}: needs a token but names no 401`);
        }
      }
    }
    expect(operations).toBeGreaterThan(60);
    expect(problems).toEqual([]);
  });

  it('describe every refusal (4xx) with the one error body', () => {
    for (const { text } of generated) {
      const document = JSON.parse(text) as { paths: Record<string, Record<string, Operation>> };
      for (const methods of Object.values(document.paths)) {
        for (const operation of Object.values(methods)) {
          for (const [status, response] of Object.entries(operation.responses)) {
            if (Number(status) < 400 || Number(status) >= 500) continue;
            expect({ status, schema: response.content?.['application/json']?.schema }).toEqual({ status, schema: { $ref: '#/components/schemas/ErrorBody' } });
          }
        }
      }
    }
  });
});
