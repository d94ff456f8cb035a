import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import {
  IsInt,
  Matches,
  Max,
  MaxLength,
  Min,
  registerDecorator,
  ValidateIf,
  type ValidationOptions,
} from 'class-validator';

export const MAX_AMOUNT_SEK = 1_000_000_000_000;
export const CODE_PATTERN = /^[A-Z0-9](?:[A-Z0-9_-]{0,38}[A-Z0-9])?$/;

/** A real calendar date written `YYYY-MM-DD` (2025-02-30 is refused, not rolled over to March). */
export function IsCalendarDate(options?: ValidationOptions) {
  return function (target: object, propertyName: string) {
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName,
      options: { message: `${propertyName} must be a real date written YYYY-MM-DD`, ...options },
      validator: { validate: (value: unknown) => isCalendarDate(value) },
    });
  };
}

export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * A date on or after the date in `property` of the same body. Judged only when both are real dates, so a malformed
 * date is reported once, by IsCalendarDate. A PATCH that sends one of the two is the service's to judge.
 */
export function IsOnOrAfter(property: string, options?: ValidationOptions) {
  return function (target: object, propertyName: string) {
    registerDecorator({
      name: 'isOnOrAfter',
      target: target.constructor,
      propertyName,
      constraints: [property],
      options: { message: `${propertyName} must be on or after ${property}`, ...options },
      validator: {
        validate: (value: unknown, args) => {
          const other = (args?.object as Record<string, unknown>)[property];
          return !isCalendarDate(value) || !isCalendarDate(other) || value >= other;
        },
      },
    });
  };
}

/** May be left out, but not sent as null: for optional fields whose column is not nullable or whose list is never null. */
export function IsOmittable(options?: ValidationOptions) {
  return ValidateIf((_, value: unknown) => value !== undefined, options);
}

/** Upper-case code of letters, digits, `-` and `_` such as `ASF`, `FP-1`, `UNGA-16-24`. */
export function IsCode(options?: ValidationOptions) {
  return applyDecorators(
    MaxLength(40, options),
    Matches(CODE_PATTERN, {
      message: '$property must be upper-case letters A–Z, digits, - or _ (e.g. ASF, FP-1)',
      ...options,
    }),
  );
}

/** Whole kronor, zero or more and at most 10^12. */
export function IsWholeKronor(options?: ValidationOptions) {
  return applyDecorators(
    IsInt({ message: '$property must be whole kronor (an integer)', ...options }),
    Min(0, { message: '$property must not be negative', ...options }),
    Max(MAX_AMOUNT_SEK, { message: `$property must be at most ${MAX_AMOUNT_SEK}`, ...options }),
  );
}

/** Trims surrounding white space so that "  " counts as empty for `IsNotEmpty`. */
export function Trim() {
  return Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
}

/** Query-string integers: `?limit=20` arrives as a string; anything that is not a plain integer stays invalid. */
export function QueryInt() {
  return Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value,
  );
}

/** Query-string lists: `?status=draft,active` or repeated `?status=draft&status=active`. */
export function QueryList() {
  return Transform(({ value }) =>
    value === undefined
      ? undefined
      : (Array.isArray(value) ? value : [value])
          .flatMap((v) => String(v).split(','))
          .map((v) => v.trim())
          .filter(Boolean),
  );
}
