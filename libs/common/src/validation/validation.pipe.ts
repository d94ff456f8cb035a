import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { ValidationProblem, type FieldError } from '../problem-details/problem.js';

/**
 * Strict validation for every body, query and path: unknown fields are refused (never silently dropped), values
 * are converted only where the DTO says so, and every invalid field is listed in one answer.
 */
export function createValidationPipe() {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new ValidationProblem(flattenValidationErrors(errors)),
  });
}

export function flattenValidationErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const path = /^\d+$/.test(error.property)
      ? `${prefix}[${error.property}]`
      : prefix
        ? `${prefix}.${error.property}`
        : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field: path,
      message: message.replace(/^property (\S+) should not exist$/, 'unknown field; it is not part of this resource'),
    }));
    return [...own, ...flattenValidationErrors(error.children ?? [], path)];
  });
}
