// Dates as Vietnamese officials write them (dd/mm/yyyy) and numbers with Vietnamese separators
// (1.234,5), whatever the interface's language: the documents are Vietnamese.

const pad = (value: number): string => String(value).padStart(2, '0');

/** 07/12/2026, in the reader's time zone. */
export function formatDate(value: string | number | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  return `${pad(date.getDate())}/${pad(date.getMonth() + 1)}/${date.getFullYear()}`;
}

/** 07/12/2026 14:05 */
export function formatDateTime(value: string | number | Date | null | undefined): string {
  const day = formatDate(value);
  if (!day) return '';
  const date = value instanceof Date ? value : new Date(value as string | number);
  return `${day} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

const integer = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1, minimumFractionDigits: 0 });

/** 40.123 (dot between thousands); 7,5 with `decimals`. */
export function formatNumber(value: number, decimals: 0 | 1 = 0): string {
  if (!Number.isFinite(value)) return '';
  return (decimals ? oneDecimal : integer).format(value);
}
