// mammoth's style map for congress documents. mammoth already maps Word's built-in "Heading 1–6"
// (by id and by name); these add underline (which mammoth drops by default), the title and
// version-label styles exportDocx writes, and the style names Vietnamese drafters give their own
// heading styles. Names are matched case-insensitively by mammoth.

const headingNames: ReadonlyArray<readonly [string, number]> = [
  ['Tiêu đề 1', 1], ['Tiêu đề 2', 2], ['Tiêu đề 3', 3], ['Tiêu đề 4', 4],
  ['Đầu đề 1', 1], ['Đầu đề 2', 2], ['Đầu đề 3', 3], ['Đầu đề 4', 4],
  ['Đề mục 1', 1], ['Đề mục 2', 2], ['Đề mục 3', 3], ['Đề mục 4', 4],
  ['Phần', 1], ['Mục', 2], ['Tiểu mục', 3], ['Điểm', 4],
];

const quoted = (name: string): string => name.replace(/'/g, "\\'");

export const STYLE_MAP: readonly string[] = [
  'u => u',
  "p[style-name='Title'] => p.title:fresh",
  "p[style-name='Tiêu đề'] => p.title:fresh",
  "p[style-name='Tên văn bản'] => p.title:fresh",
  "p[style-name='Version Label'] => p.version-label:fresh",
  "p[style-name='Table Text'] => p:fresh",
  ...headingNames.map(([name, level]) => `p[style-name='${quoted(name)}'] => h${level}:fresh`),
  // Unstyled centred or right-aligned paragraphs, marked by transformDocument (see import-docx.ts).
  "p[style-name='vankien-align-center'] => p.align-center:fresh",
  "p[style-name='vankien-align-right'] => p.align-right:fresh",
];
