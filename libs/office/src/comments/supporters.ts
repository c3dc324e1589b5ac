// "Số đơn vị/đảng viên tán thành" and "Tổng số" cells: whole numbers, or both in one cell
// ("12/15", "12 / 15 chi bộ"). A number that is not whole or a date is a problem, never rounded.

export interface SupportCount {
  supporters?: number;
  supportersTotal?: number;
  problem?: string;
}

const MAX_COUNT = 10_000_000;

export const parseCount = (text: string, numeric: number | undefined): { value?: number; problem?: string } => {
  if (numeric !== undefined) {
    if (Number.isInteger(numeric) && numeric >= 0 && numeric <= MAX_COUNT) return { value: numeric };
    return { problem: `"${text}" không phải số nguyên / not a whole number` };
  }
  const trimmed = text.trim();
  if (trimmed === '') return {};
  const match = /^(\d{1,3}(?:[.,\s]\d{3})+|\d+)(?:\s*\p{L}[\p{L}\p{M}\s]*)?$/u.exec(trimmed);
  if (match === null) return { problem: `"${trimmed}" không phải số nguyên / not a whole number` };
  const value = Number(match[1].replace(/[.,\s]/g, ''));
  return value <= MAX_COUNT ? { value } : { problem: `"${trimmed}" quá lớn / too large` };
};

/** Reads the supporters cell (which may hold "12/15") and the total cell. */
export const parseSupport = (
  supportersText: string,
  supportersNumber: number | undefined,
  totalText: string,
  totalNumber: number | undefined,
): SupportCount => {
  const result: SupportCount = {};
  const problems: string[] = [];
  const fraction = supportersNumber === undefined ? /^\s*(\d+)\s*\/\s*(\d+)\b/.exec(supportersText) : null;
  if (fraction !== null) {
    result.supporters = Number(fraction[1]);
    result.supportersTotal = Number(fraction[2]);
  } else {
    const supporters = parseCount(supportersText, supportersNumber);
    if (supporters.value !== undefined) result.supporters = supporters.value;
    if (supporters.problem !== undefined) problems.push(`Số tán thành ${supporters.problem}`);
  }
  const total = parseCount(totalText, totalNumber);
  if (total.value !== undefined) {
    if (result.supportersTotal !== undefined && result.supportersTotal !== total.value) {
      problems.push(`Tổng số ${total.value} khác ${result.supportersTotal} ghi trong "${supportersText.trim()}" / total differs from the one in the supporters cell`);
    }
    result.supportersTotal ??= total.value;
  }
  if (total.problem !== undefined) problems.push(`Tổng số ${total.problem}`);
  if (result.supporters !== undefined && result.supportersTotal !== undefined && result.supporters > result.supportersTotal) {
    problems.push(`Số tán thành (${result.supporters}) lớn hơn tổng số (${result.supportersTotal}) / supporters above total`);
  }
  if (problems.length > 0) result.problem = problems.join('; ');
  return result;
};
