import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, VerticalMergeType } from 'docx';
import ExcelJS from 'exceljs';
import { CommentTableRow, SectionCatalogue } from '../comment-table-types';
import { readCommentTable } from '../read-comment-table';
import { stripHeadingNumber } from '../section-resolver';
import { actionProgram, politicalReport, resolution } from './catalogue';
import { KIND_PHRASINGS, withoutToneMarks } from './kind-phrasings';
import { toTcvn3 } from './tcvn3';

// Comment tables written the way committee offices write them, each row with the section it is
// about: what intake accuracy is measured on (comment-intake-accuracy.spec.ts and
// bench/office-comments/accuracy.ts). Each style is one office's habit: its header wording,
// title rows, merges, group rows, and its way of naming a section. References are written from
// the section (its number and heading), never from what the reader does.

export interface ExpectedRow {
  /** null: the reference cannot name a section (a page and line), and the row must say so. */
  documentVersionId: string | null;
  sectionNumber: string | null;
}

export interface IntakeTable {
  style: string;
  format: 'xlsx' | 'docx';
  buffer: Buffer;
  /** Row number (as the reader numbers rows) → the section the clerk meant. */
  expected: Map<number, ExpectedRow>;
}

interface Section {
  document: SectionCatalogue;
  number: string;
  segments: string[];
  /** The heading as a clerk types it: sentence case, number left out. */
  title: string;
}

const ORDINALS = ['', 'nhất', 'hai', 'ba', 'tư', 'năm'];
const ROMAN = ['', 'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];
const romanToArabic = (roman: string): number => ROMAN.indexOf(roman);

const sentenceCase = (text: string): string => {
  const lower = text.toLocaleLowerCase('vi');
  return lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1);
};

const sectionsOf = (document: SectionCatalogue): Section[] =>
  document.blocks
    .filter((block) => block.type === 'heading' && block.sectionNumber !== '')
    .map((block) => {
      const title = stripHeadingNumber(block.text);
      return { document, number: block.sectionNumber, segments: block.sectionNumber.split('.'), title: /[a-zà-ỹ]/.test(title) ? title : sentenceCase(title) };
    });

export const intakeDocuments = (): SectionCatalogue[] => [politicalReport(), actionProgram(), resolution()];

const commentFor = (index: number): string => KIND_PHRASINGS[(index * 7) % KIND_PHRASINGS.length][0];

const partOrdinal = (segment: string, upper = false): string => {
  const text = `Phần thứ ${ORDINALS[Number(segment.slice(1))]}`;
  return upper ? text.toLocaleUpperCase('vi') : text;
};

/** "I.4.b" → "điểm b, khoản 4, mục I" (smallest first, as decrees are cited). */
const vietnameseOrder = (segments: readonly string[]): string => {
  const names = segments.map((segment, index) => {
    if (/^[a-zđ]$/.test(segment)) return `điểm ${segment}`;
    if (index === 0 && /^[IVX]+$/.test(segment)) return `mục ${segment}`;
    return /^\d+$/.test(segment) ? `khoản ${segment}` : `mục ${segment}`;
  });
  return names.reverse().join(', ');
};

interface Row {
  cells: (string | number | null)[];
  expected?: ExpectedRow;
  /** A label merged across the row (a group row), or a section cell merged down over `span` rows. */
  mergeAcross?: boolean;
  spanDown?: number;
}

const expect = (section: Section | null): ExpectedRow => ({ documentVersionId: section?.document.documentVersionId ?? null, sectionNumber: section?.number ?? null });

const xlsxOf = async (title: string[], header: string[][], rows: Row[], style: string, sectionColumns: number[] = []): Promise<IntakeTable> => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Tổng hợp');
  const width = header[0].length;
  const letter = (column: number): string => String.fromCharCode(65 + column);
  let rowNumber = 1;
  for (const line of title) {
    sheet.getCell(`A${rowNumber}`).value = line;
    sheet.mergeCells(`A${rowNumber}:${letter(width - 1)}${rowNumber}`);
    rowNumber++;
  }
  rowNumber++;
  for (const labels of header) sheet.getRow(rowNumber++).values = labels;
  const expected = new Map<number, ExpectedRow>();
  for (const row of rows) {
    sheet.getRow(rowNumber).values = row.cells;
    if (row.mergeAcross === true) sheet.mergeCells(`A${rowNumber}:${letter(width - 1)}${rowNumber}`);
    if (row.spanDown !== undefined && row.spanDown > 1) for (const column of sectionColumns) sheet.mergeCells(`${letter(column)}${rowNumber}:${letter(column)}${rowNumber + row.spanDown - 1}`);
    if (row.expected !== undefined) expected.set(rowNumber, row.expected);
    rowNumber++;
  }
  return { style, format: 'xlsx', buffer: Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer), expected };
};

const docxOf = async (header: string[], rows: Row[], style: string, sectionColumn: number): Promise<IntakeTable> => {
  const cell = (text: string, options: { columnSpan?: number; verticalMerge?: (typeof VerticalMergeType)[keyof typeof VerticalMergeType] } = {}): TableCell =>
    new TableCell({ children: text.split('\n').map((line) => new Paragraph({ text: line, alignment: AlignmentType.LEFT })), ...options });
  const tableRows = [new TableRow({ tableHeader: true, children: header.map((label) => cell(label)) })];
  const expected = new Map<number, ExpectedRow>();
  let spanLeft = 0;
  rows.forEach((row, index) => {
    if (row.mergeAcross === true) {
      tableRows.push(new TableRow({ children: [cell(String(row.cells[0] ?? ''), { columnSpan: header.length })] }));
    } else {
      tableRows.push(
        new TableRow({
          children: header.map((_, column) => {
            const text = String(row.cells[column] ?? '');
            if (column !== sectionColumn) return cell(text);
            if (spanLeft > 0) {
              spanLeft--;
              return cell('', { verticalMerge: VerticalMergeType.CONTINUE });
            }
            if (row.spanDown !== undefined && row.spanDown > 1) {
              spanLeft = row.spanDown - 1;
              return cell(text, { verticalMerge: VerticalMergeType.RESTART });
            }
            return cell(text);
          }),
        }),
      );
    }
    if (row.expected !== undefined) expected.set(index + 2, row.expected);
  });
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph('ĐẢNG BỘ HUYỆN TAM ĐƯỜNG'),
          new Paragraph('BIÊN BẢN TỔNG HỢP Ý KIẾN GÓP Ý VÀO DỰ THẢO VĂN KIỆN ĐẠI HỘI'),
          new Table({ rows: tableRows }),
        ],
      },
    ],
  });
  return { style, format: 'docx', buffer: await Packer.toBuffer(doc), expected };
};

/** Every style's table, from the round's three documents. */
export const intakeTables = async (): Promise<IntakeTable[]> => {
  const [report, program, decree] = intakeDocuments();
  const reportSections = sectionsOf(report);
  const programSections = sectionsOf(program);
  const decreeSections = sectionsOf(decree);
  const underParts = reportSections.filter((section) => section.segments.length >= 2);
  let comment = 0;
  const next = (): string => commentFor(comment++);
  const tables: IntakeTable[] = [];

  // 1. The commune's sheet: title rows, a two-row header with merges, "PHẦN THỨ …" group rows,
  //    "Mục I.4.b" under them, supporters "12/15", the document named once for a run of rows.
  {
    const rows: Row[] = [];
    let part = '';
    for (const section of reportSections) {
      if (section.segments[0] !== part) {
        part = section.segments[0];
        rows.push({ cells: [partOrdinal(part, true)], mergeAcross: true });
      }
      const rest = section.segments.slice(1).join('.');
      rows.push({ cells: [rows.length, rows.length === 1 ? 'Báo cáo chính trị' : null, rest === '' ? '' : `Mục ${rest}`, next(), `${(comment % 9) + 3}/15`, 15], expected: expect(section) });
    }
    tables.push(
      await xlsxOf(
        ['ĐẢNG BỘ XÃ BẢN GIANG', 'BẢNG TỔNG HỢP Ý KIẾN GÓP Ý VÀO DỰ THẢO CÁC VĂN KIỆN'],
        [
          ['STT', 'Văn kiện', 'Phần, mục', 'Nội dung góp ý', 'Số đảng viên', 'Số đảng viên'],
          ['STT', 'Văn kiện', 'Phần, mục', 'Nội dung góp ý', 'Tán thành', 'Tổng số'],
        ],
        rows,
        'group rows and "Mục I.4.b"',
      ),
    );
  }

  // 2. "Phần thứ nhất, mục 3 – Về quốc phòng, an ninh": the part, the section's own number, its title.
  {
    const rows: Row[] = underParts.map((section) => {
      const own = section.segments[section.segments.length - 1];
      const label = /^[a-zđ]$/.test(own) ? `điểm ${own}` : `mục ${own}`;
      return { cells: [null, `${partOrdinal(section.segments[0])}, ${label} – ${section.title}`, next(), 'Báo cáo chính trị'], expected: expect(section) };
    });
    rows.forEach((row, index) => (row.cells[0] = index + 1));
    tables.push(await xlsxOf(['ĐẢNG ỦY PHƯỜNG ĐOÀN KẾT'], [['TT', 'Vị trí trong dự thảo', 'Ý kiến góp ý', 'Tên văn kiện']], rows, 'part, own number and title'));
  }

  // 3. "Phần I, mục 2": parts in Roman numerals, sections written in Arabic ("mục 2" for II), the
  //    document column holding "BCCT" / "CTHĐ" / "NQ".
  {
    const rows: Row[] = [];
    for (const section of reportSections.filter((candidate) => candidate.segments.length >= 2 && candidate.segments.length <= 3)) {
      const [part, roman, sub] = section.segments;
      const mục = sub === undefined ? `${romanToArabic(roman)}` : `${romanToArabic(roman)}.${sub}`;
      rows.push({ cells: [rows.length + 1, 'BCCT', `Phần ${ROMAN[Number(part.slice(1))]}, mục ${mục}`, next(), (comment % 12) + 1], expected: expect(section) });
    }
    for (const section of programSections) {
      rows.push({ cells: [rows.length + 1, 'CTHĐ', `Mục ${section.number}`, next(), (comment % 12) + 1], expected: expect(section) });
    }
    tables.push(await xlsxOf([], [['Số TT', 'Văn kiện', 'Mục', 'Nội dung ý kiến', 'Số chi bộ tán thành']], rows, '"Phần I, mục 2" and short names'));
  }

  // 4. Two columns "Phần" | "Mục", the part merged down over its rows, the decree's sections
  //    cited Vietnamese-fashion ("điểm b, khoản 4, mục I").
  {
    const rows: Row[] = [];
    for (const section of underParts) {
      const rest = section.segments.slice(1);
      const mục = rest.length >= 3 && comment % 2 === 0 ? vietnameseOrder(rest) : rest.join('.');
      rows.push({ cells: [rows.length + 1, partOrdinal(section.segments[0]), mục, next(), ''], expected: expect(section) });
    }
    tables.push(await xlsxOf(['BIỂU TỔNG HỢP'], [['STT', 'Phần', 'Mục', 'Nội dung đề nghị', 'Ghi chú']], rows, 'part and section in two columns'));
  }

  // 5. Heading words only, typed without tone marks or in NFD, the part in a group row, the
  //    document in a group row ("I. BÁO CÁO CHÍNH TRỊ", "II. NGHỊ QUYẾT").
  {
    const rows: Row[] = [{ cells: ['I. BÁO CÁO CHÍNH TRỊ'], mergeAcross: true }];
    let part = '';
    reportSections
      .filter((section) => section.segments.length >= 2)
      .forEach((section, index) => {
        if (section.segments[0] !== part) {
          part = section.segments[0];
          rows.push({ cells: [partOrdinal(part, true)], mergeAcross: true });
        }
        const words = index % 3 === 0 ? withoutToneMarks(section.title).toLowerCase() : index % 3 === 1 ? section.title.normalize('NFD') : section.title;
        rows.push({ cells: [index + 1, words, next()], expected: expect(section) });
      });
    rows.push({ cells: ['II. NGHỊ QUYẾT ĐẠI HỘI'], mergeAcross: true });
    decreeSections.forEach((section, index) => rows.push({ cells: [index + 1, `Mục ${section.number} - ${section.title.slice(0, 40)}`, next()], expected: expect(section) }));
    tables.push(await xlsxOf(['TỔNG HỢP Ý KIẾN'], [['STT', 'Nội dung dự thảo', 'Nội dung góp ý']], rows, 'heading words, toneless and NFD, group rows'));
  }

  // 6. A Word table from the minutes: "Vị trí" column with "PHẦN THỨ HAI - III.2", a section
  //    cell merged down over two comments, a page reference that names no section.
  {
    const rows: Row[] = [];
    for (const section of reportSections.filter((candidate) => candidate.segments.length >= 2)) {
      const reference = `${partOrdinal(section.segments[0], true)} - ${section.segments.slice(1).join('.')}`;
      const expected = expect(section);
      rows.push({ cells: [String(rows.length + 1), 'Báo cáo chính trị', reference, next()], expected, spanDown: 2 });
      rows.push({ cells: [String(rows.length + 1), '', '', next()], expected });
    }
    rows.push({ cells: [String(rows.length + 1), 'Báo cáo chính trị', 'Trang 5, dòng 3', next()], expected: expect(null) });
    tables.push(await docxOf(['STT', 'Văn kiện', 'Vị trí', 'Ý kiến góp ý'], rows, 'Word table, merged section cells', 2));
  }

  // 7. An old template saved in TCVN3: "Mục III.2, Phần thứ hai" (the section first), the
  //    action program's and the decree's sections named with their document.
  {
    const rows: Row[] = [];
    for (const section of underParts) {
      rows.push({ cells: [rows.length + 1, toTcvn3(`Mục ${section.segments.slice(1).join('.')}, ${partOrdinal(section.segments[0])}`), toTcvn3(next())], expected: expect(section) });
    }
    for (const section of programSections) rows.push({ cells: [rows.length + 1, toTcvn3(`Chương trình hành động, mục ${section.number}`), toTcvn3(next())], expected: expect(section) });
    for (const section of decreeSections) rows.push({ cells: [rows.length + 1, toTcvn3(`Nghị quyết, mục ${ROMAN[Number(section.number)]}`), toTcvn3(next())], expected: expect(section) });
    tables.push(await xlsxOf([toTcvn3('ĐẢNG BỘ XÃ NẬM TĂM')], [[toTcvn3('STT'), toTcvn3('Phần, mục'), toTcvn3('Nội dung góp ý')]], rows, 'TCVN3, section before part'));
  }

  // 8. References as typed in a hurry: no tone marks, spaces and dashes inside numbers, the
  //    part after the section, a page added, a part as "Phần thứ II", a title cut short.
  {
    const rows: Row[] = [];
    underParts.forEach((section, index) => {
      const part = section.segments[0];
      const partNumber = Number(part.slice(1));
      const rest = section.segments.slice(1).join('.');
      const short = section.title.split(' ').slice(0, 4).join(' ');
      const variants = [
        withoutToneMarks(`mục ${rest} phần thứ ${ORDINALS[partNumber]}`),
        `Phần ${partNumber}, mục ${rest.replace(/\./g, '. ')}`,
        `${rest.replace(/\./g, '-')} (${partOrdinal(part)})`,
        `${partOrdinal(part)}, mục ${rest}, trang ${12 + index}`,
        `${partOrdinal(part)} - ${short}…`,
        `Phần thứ ${ROMAN[partNumber]}, ${rest}`,
      ];
      rows.push({ cells: [index + 1, variants[index % variants.length], next()], expected: expect(section) });
    });
    tables.push(await xlsxOf([], [['STT', 'Phần/mục', 'Ý kiến đóng góp']], rows, 'typed in a hurry'));
  }

  return tables;
};

/**
 * A style written after the reader's rules and measured once without changing them (see
 * docs/intake-accuracy.md): how the reader does on habits it was not written against.
 */
export const heldOutTables = async (): Promise<IntakeTable[]> => {
  const [report] = intakeDocuments();
  const underParts = sectionsOf(report).filter((section) => section.segments.length >= 2);
  const rows: Row[] = [];
  underParts.forEach((section, index) => {
    const [part, ...rest] = section.segments;
    const partNumber = Number(part.slice(1));
    const levels = rest.map((segment, depth) => (depth === 0 ? `mục ${segment}` : /^[a-zđ]$/.test(segment) ? `điểm ${segment}` : `tiểu mục ${segment}`));
    const variants = [
      `${[...levels].reverse().join(', ')}, phần thứ ${ORDINALS[partNumber]}`,
      `Phần ${partNumber} – ${rest.map((segment, depth) => (depth === 0 ? `Mục ${segment}` : `${segment}.`)).join(' – ')}`,
      `(Phần thứ ${ORDINALS[partNumber]}) ${levels.join(', ')}, trang ${10 + index}`,
      `phần ${ROMAN[partNumber]} ${levels.join(' ')}`,
      `${partOrdinal(part)}: ${section.title.toLocaleLowerCase('vi')}`,
    ];
    rows.push({ cells: [index + 1, variants[index % variants.length], commentFor(index + 3)], expected: expect(section) });
  });
  return [await xlsxOf(['ĐẢNG BỘ XÃ KHUN HÁ', 'TỔNG HỢP Ý KIẾN ĐÓNG GÓP'], [['TT', 'Phần/Mục/Tiểu mục', 'Nội dung ý kiến đóng góp']], rows, 'held out: written after the rules')];
};

export interface IntakeAccuracy {
  rows: number;
  /** resolved to the section meant (or, for a page reference, left unresolved with a problem) */
  right: number;
  /** resolved, surely, to another section: the errors nobody sees */
  wrong: number;
  /** marked unsure, with candidates, for the clerk to choose */
  unsure: number;
  /** not resolved, with a problem saying why */
  unresolved: number;
  /** missing: an expected row the reader did not return */
  missing: number;
  byStyle: Record<string, { rows: number; right: number; wrong: number; unsure: number; unresolved: number }>;
  wrongRows: string[];
}

/** Reads every table and compares each row's section with the one meant. */
export const measureIntake = async (tables: readonly IntakeTable[]): Promise<IntakeAccuracy> => {
  const documents = intakeDocuments();
  const accuracy: IntakeAccuracy = { rows: 0, right: 0, wrong: 0, unsure: 0, unresolved: 0, missing: 0, byStyle: {}, wrongRows: [] };
  for (const table of tables) {
    const result = await readCommentTable(table.buffer, table.format, { documents });
    const byRow = new Map<number, CommentTableRow>(result.rows.map((row) => [row.rowNumber, row]));
    const style = (accuracy.byStyle[table.style] ??= { rows: 0, right: 0, wrong: 0, unsure: 0, unresolved: 0 });
    for (const [rowNumber, expected] of table.expected) {
      accuracy.rows++;
      style.rows++;
      const row = byRow.get(rowNumber);
      if (row === undefined) {
        accuracy.missing++;
        accuracy.wrong++;
        style.wrong++;
        accuracy.wrongRows.push(`${table.style} row ${rowNumber}: missing`);
        continue;
      }
      const outcome =
        row.confidence === 'unsure'
          ? 'unsure'
          : row.resolved === null
            ? expected.sectionNumber === null
              ? 'right'
              : 'unresolved'
            : row.resolved.documentVersionId === expected.documentVersionId && row.resolved.sectionNumber === expected.sectionNumber
              ? 'right'
              : 'wrong';
      accuracy[outcome]++;
      style[outcome]++;
      if (outcome === 'wrong' || outcome === 'unresolved' || outcome === 'unsure') {
        accuracy.wrongRows.push(`${outcome}: ${table.style} row ${rowNumber} "${row.sectionReference}" → ${row.resolved?.sectionNumber ?? row.candidates?.map((candidate) => candidate.sectionNumber).join('|') ?? '—'} (meant ${expected.documentVersionId}:${expected.sectionNumber})`);
      }
    }
  }
  return accuracy;
};
