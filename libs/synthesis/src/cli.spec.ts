import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './cli';
import { loadFixture } from '../test/support';
import type { Report } from './types';

describe('runCli', () => {
  const directory = mkdtempSync(join(tmpdir(), 'synthesis-cli-'));
  let errors: string[];
  let spy: jest.SpyInstance;

  beforeEach(() => {
    errors = [];
    spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      errors.push(String(chunk));
      return true;
    });
  });
  afterEach(() => spy.mockRestore());

  it('writes the report of a good file and exits 0', async () => {
    const input = join(directory, 'good.jsonl');
    const fixture = loadFixture();
    writeFileSync(input, fixture.map((comment) => JSON.stringify(comment)).join('\n') + '\n');
    const out = join(directory, 'good.json');
    expect(await runCli([input, '--out', out])).toBe(0);
    const report = JSON.parse(readFileSync(out, 'utf8')) as Report;
    expect(report.comments).toBe(fixture.length);
    expect(report.stats.rejectedLines).toBe(0);
    expect(report.clusters.flatMap((cluster) => cluster.commentIds).sort()).toEqual(fixture.map((comment) => comment.id).sort());
    for (const cluster of report.clusters) {
      expect(Object.keys(cluster)).toEqual(
        expect.arrayContaining(['blockId', 'kind', 'representative', 'commentIds', 'units', 'supporters', 'bySource', 'unitsBySource', 'statedSupporters', 'contributors', 'commentsBySource', 'contributorsBySource']),
      );
    }
    expect(errors.join('')).toMatch(/read 170 lines/);
  });

  it('reports bad lines by number, keeps the rest and exits 2', async () => {
    const good = (id: string): string =>
      JSON.stringify({ id, unit: 'Đảng bộ xã A', sourceType: 'lower_organization', blockId: 'b1', kind: 'add', text: 'Bổ sung nội dung chuyển đổi số' });
    const lines = [
      good('1'),
      '{not json',
      JSON.stringify({ id: '3', unit: 'u', sourceType: 'lower_organization', blockId: 'b1', kind: 'wish', text: 'x' }),
      JSON.stringify({ id: '4', unit: 'u', sourceType: 'press', blockId: 'b1', kind: 'add', text: 'x' }),
      JSON.stringify({ id: '5', unit: 'u', sourceType: 'public', blockId: 'b1', kind: 'add', text: '   ' }),
      JSON.stringify({ id: '6', unit: 'u', sourceType: 'public', blockId: 'b1', kind: 'add', text: 'x', supporters: 5, supportersTotal: 3 }),
      good('1'),
      JSON.stringify({ id: '', unit: 'u', sourceType: 'public', blockId: 'b1', kind: 'add', text: 'x' }),
      JSON.stringify({ id: '9', unit: 'u', sourceType: 'public', blockId: 'b1', kind: 'add', text: 'a'.repeat(5001) }),
      good('10'),
    ];
    const input = join(directory, 'bad.jsonl');
    writeFileSync(input, lines.join('\n'));
    const out = join(directory, 'bad.json');
    expect(await runCli([input, `--out=${out}`])).toBe(2);
    const stderr = errors.join('');
    expect(stderr).toMatch(/^line 2: not valid JSON/m);
    expect(stderr).toMatch(/^line 3: kind must be one of agree, amend, add, delete, question, general$/m);
    expect(stderr).toMatch(/^line 4: sourceType must be one of /m);
    expect(stderr).toMatch(/^line 5: text must not be empty$/m);
    expect(stderr).toMatch(/^line 6: supporters \(5\) must not exceed supportersTotal \(3\)$/m);
    expect(stderr).toMatch(/^line 7: id "1" already used on line 1$/m);
    expect(stderr).toMatch(/^line 8: id must be a non-empty string$/m);
    expect(stderr).toMatch(/^line 9: text must be at most 5000 characters/m);
    const report = JSON.parse(readFileSync(out, 'utf8')) as Report;
    expect(report.comments).toBe(2);
    expect(report.stats.rejectedLines).toBe(8);
    expect(report.clusters.flatMap((cluster) => cluster.commentIds).sort()).toEqual(['1', '10']);
  });

  it('exits 1 on usage errors', async () => {
    expect(await runCli([])).toBe(1);
    expect(await runCli([join(directory, 'missing.jsonl')])).toBe(1);
    expect(errors.join('')).toMatch(/cannot read .*missing\.jsonl/);
    const input = join(directory, 'empty.jsonl');
    writeFileSync(input, '');
    expect(await runCli([input, '--fast'])).toBe(1);
    expect(errors.join('')).toMatch(/unknown option --fast/);
    expect(await runCli([input, '--out'])).toBe(1);
  });

  it('writes to stdout when no --out is given', async () => {
    const input = join(directory, 'one.jsonl');
    writeFileSync(input, JSON.stringify({ id: 'a', unit: 'u', sourceType: 'expert', blockId: 'b', kind: 'question', text: 'Vì sao?' }) + '\n');
    const chunks: string[] = [];
    const stdout = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      chunks.push(String(chunk));
      return true;
    });
    try {
      expect(await runCli([input, '--quiet'])).toBe(0);
    } finally {
      stdout.mockRestore();
    }
    const report = JSON.parse(chunks.join('')) as Report;
    expect(report.clusters[0]).toMatchObject({ blockId: 'b', kind: 'question', representative: 'Vì sao?', commentIds: ['a'], units: 1, supporters: 1, statedSupporters: 0, contributors: 0 });
  });
});
