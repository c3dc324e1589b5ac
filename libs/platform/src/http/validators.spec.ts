import { plainToInstance } from 'class-transformer';
import { IsInt, validateSync } from 'class-validator';
import { isCalendarDateTime, OptionalField, QueryInteger } from './validators';

describe('isCalendarDateTime', () => {
  it('accepts real dates and times, with or without an offset', () => {
    for (const value of ['2025-10-15', '2028-02-29', '2025-10-15T00:00:00+07:00', '2025-11-15T23:59:59.999Z', '2025-01-01T08:30']) expect({ value, ok: isCalendarDateTime(value) }).toEqual({ value, ok: true });
  });

  it('refuses days that do not exist, year 0, hours past 23 and other shapes', () => {
    for (const value of ['2025-02-30', '2025-02-29', '2025-04-31', '0000-01-01', '1899-12-31', '2025-13-01', '2025-00-10', '2025-10-15T24:00:00Z', '2025-10-15T10:60', '2025-10-15T10:00:00+25:00', '20251015', '15/10/2025', '', 1_760_000_000_000]) {
      expect({ value, ok: isCalendarDateTime(value) }).toEqual({ value, ok: false });
    }
  });
});

class Query {
  @QueryInteger() @IsInt() page!: number;
}

class Body {
  @OptionalField() @IsInt() count?: number;
}

describe('QueryInteger and OptionalField', () => {
  it('reads only plain digits as a number', () => {
    const read = (page: string): unknown => plainToInstance(Query, { page }).page;
    expect([read('0'), read('12'), read('-3')]).toEqual([0, 12, -3]);
    for (const text of ['1e3', '0x10', ' 7', '', '07', '1.5', 'NaN', 'Infinity']) expect(read(text)).toBe(text);
  });

  it('lets a field be left out but not sent as null', () => {
    expect(validateSync(plainToInstance(Body, {}))).toEqual([]);
    expect(validateSync(plainToInstance(Body, { count: null }))).toHaveLength(1);
  });
});
