import { Transform } from 'class-transformer';
import { registerDecorator, ValidateIf, type ValidationOptions } from 'class-validator';

// a date, or a date and time with an optional fraction and an optional offset (Z or ±hh:mm)
const isoDateTime = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?(?:Z|[+-](\d{2}):(\d{2}))?)?$/;

/** The years a congress's rounds and deadlines can fall in; year 0 or 99999 is a typing mistake. */
const earliestYear = 1900;
const latestYear = 2999;

/**
 * A real calendar date (2025-02-30 does not exist: JavaScript and PostgreSQL would quietly make
 * it 2 March) in ISO 8601, optionally with a time and an offset.
 */
export function isCalendarDateTime(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const match = isoDateTime.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < earliestYear || year > latestYear || month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return false;
  const [hour, minute, second, offsetHours, offsetMinutes] = [match[4], match[5], match[6], match[7], match[8]].map((part) => Number(part ?? 0));
  return hour <= 23 && minute <= 59 && second <= 59 && offsetHours <= 14 && offsetMinutes <= 59;
}

export function IsCalendarDateTime(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isCalendarDateTime',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: `$property must be an existing date (ISO 8601, years ${earliestYear}–${latestYear})`, ...options },
      validator: { validate: isCalendarDateTime },
    });
}

/**
 * A whole number written in a query string, read strictly: digits only ("1e3", "0x10", " 7",
 * "" stay strings, and the field's @IsInt refuses them). A JSON body needs no conversion: a
 * number there is a JSON number, and a string where a number belongs is refused as it is.
 */
export function QueryInteger(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) => (typeof value === 'string' && /^-?(0|[1-9]\d{0,15})$/.test(value) ? Number(value) : value));
}

/** The largest value of a PostgreSQL integer column: a bigger number is refused, not a 500. */
export const maxInt32 = 2_147_483_647;

/**
 * A field that may be left out, but not sent as null: class-validator's @IsOptional() skips
 * every rule for null too, and a null then reaches services that expect a string or a list
 * (a correction's "text": null was a 500). No field of ours gives null a meaning.
 */
export function OptionalField(): PropertyDecorator {
  return ValidateIf((_object: object, value: unknown) => value !== undefined);
}
