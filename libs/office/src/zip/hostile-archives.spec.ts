import { readCommentTable } from '../comments/read-comment-table';
import { OfficeFileError } from '../errors/office-file-error';
import { importDocx } from '../import/import-docx';
import {
  ArchiveFormat,
  BOMB_MIB,
  docxWith,
  documentXml,
  expectedCode,
  HostileArchive,
  hostileArchives,
  nestedBombEmbedded,
  xlsxBaseEntries,
} from '../test-support/hostile-archives';
import { measurePeakRss, MIB } from '../test-support/peak-rss';
import { readZipText } from '../test-support/read-zip-entry';
import { buildZip } from '../test-support/zip-writer';
import { verifyArchive } from './verify-archive';
import { ZipLimits } from './zip-limits';

// Every hostile archive of the corpus through every import path, as the editor and the worker
// call them: refused with its own code (a 4xx, in both languages), and with the process's
// resident memory growing by less than RSS_BOUND at its peak while bombs would inflate to
// 200 MiB. Set HOSTILE_RSS_REPORT=1 to print the figures.

const RSS_BOUND = 40 * MIB;

interface ImportPath {
  name: string;
  format: ArchiveFormat;
  read: (buffer: Buffer, limits?: Partial<ZipLimits>) => Promise<unknown>;
}

const IMPORT_PATHS: ImportPath[] = [
  { name: 'document import (editor, mammoth)', format: 'docx', read: (buffer, limits) => importDocx(buffer, { limits }) },
  {
    name: 'comment table from Word (worker, mammoth)',
    format: 'docx',
    read: (buffer, limits) => readCommentTable(buffer, 'docx', { documents: [], resolveSections: false, limits }),
  },
  {
    name: 'comment table from Excel (worker, exceljs)',
    format: 'xlsx',
    read: (buffer, limits) => readCommentTable(buffer, 'xlsx', { documents: [], resolveSections: false, limits }),
  },
];

const codeOf = (outcome: { value: unknown } | { error: unknown }): string => {
  if ('value' in outcome) return 'accepted';
  if (!(outcome.error instanceof OfficeFileError)) throw outcome.error;
  // A refusal the clerk or drafter can read, in both languages, naming the problem.
  expect(outcome.error.vi.length).toBeGreaterThan(20);
  expect(outcome.error.en.length).toBeGreaterThan(20);
  return outcome.error.code;
};

const report = (path: string, figures: { name: string; code: string; growth: number }[]): void => {
  if (process.env.HOSTILE_RSS_REPORT === undefined) return;
  const lines = figures.map((figure) => `  ${(figure.growth / MIB).toFixed(1).padStart(6)} MiB  ${figure.code.padEnd(24)} ${figure.name}`);
  process.stdout.write(`${path}: peak RSS growth\n${lines.join('\n')}\n`);
};

describe('hostile archives through every import path', () => {
  let corpus: HostileArchive[];

  beforeAll(async () => {
    corpus = await hostileArchives();
  }, 30_000);

  it.each(IMPORT_PATHS)('$name: refuses each with its code and bounded memory', async (path) => {
    const figures: { name: string; code: string; growth: number }[] = [];
    for (const archive of corpus) {
      const measured = await measurePeakRss(() => path.read(archive[path.format], archive.limits));
      figures.push({ name: archive.name, code: codeOf(measured.outcome), growth: measured.growth });
    }
    report(path.name, figures);
    expect(figures.map((figure) => [figure.name, figure.code])).toEqual(corpus.map((archive) => [archive.name, expectedCode(archive, path.format)]));
    for (const figure of figures) expect({ name: figure.name, withinBound: figure.growth < RSS_BOUND }).toEqual({ name: figure.name, withinBound: true });
  });

  it.each(IMPORT_PATHS)('$name: accepts the clean base file, and one holding a nested bomb without opening it', async (path) => {
    const clean = path.format === 'docx' ? docxWith() : buildZip(await xlsxBaseEntries());
    expect(codeOf((await measurePeakRss(() => path.read(clean))).outcome)).toBe('accepted');
    const nested = (await nestedBombEmbedded())[path.format];
    const measured = await measurePeakRss(() => path.read(nested));
    report(path.name, [{ name: `a nested archive holding a ${BOMB_MIB} MiB bomb, embedded`, code: codeOf(measured.outcome), growth: measured.growth }]);
    expect(codeOf(measured.outcome)).toBe('accepted');
    expect(measured.growth).toBeLessThan(RSS_BOUND);
  });
});

describe('verifyArchive', () => {
  it('hands the parser a canonical copy of exactly the entries it checked', async () => {
    const upload = Buffer.concat([docxWith([{ name: 'word/media/image1.png', data: Buffer.from('png'), stored: true }])]);
    const verified = await verifyArchive(upload);
    expect(verified.entries.map((entry) => entry.name)).toEqual(['[Content_Types].xml', '_rels/.rels', 'word/document.xml', 'word/media/image1.png']);
    expect(await readZipText(verified.buffer, 'word/document.xml')).toBe(documentXml());
    expect(await readZipText(verified.buffer, 'word/media/image1.png')).toBe('png');
  });

  it('stops inflating a lying entry at its declared size: a chunk, not the bomb', async () => {
    const archive = (await hostileArchives())[0];
    const measured = await measurePeakRss(() => verifyArchive(archive.xlsx));
    expect(codeOf(measured.outcome)).toBe('DECLARED_SIZE_EXCEEDED');
    expect(measured.growth).toBeLessThan(RSS_BOUND);
  });
});
