import { formatDate, formatDateTime, formatNumber } from './format';

describe('formats of the web client', () => {
  it('writes dates as dd/mm/yyyy', () => {
    expect(formatDate(new Date(2026, 11, 7, 9, 5))).toBe('07/12/2026');
    expect(formatDateTime(new Date(2026, 0, 3, 9, 5))).toBe('03/01/2026 09:05');
    expect(formatDate('not a date')).toBe('');
    expect(formatDate(null)).toBe('');
  });

  it('writes numbers with Vietnamese separators', () => {
    expect(formatNumber(40123)).toBe('40.123');
    expect(formatNumber(7.5, 1)).toBe('7,5');
    expect(formatNumber(1234567.25, 1)).toBe('1.234.567,3');
    expect(formatNumber(Number.NaN)).toBe('');
  });
});
