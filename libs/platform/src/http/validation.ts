import { ValidationError, ValidationPipe } from '@nestjs/common';
import { AppError, CommonErrors, FieldProblem } from '../errors/app-error';

/** Flattens class-validator's tree into one entry per bad field, with a dotted path. */
export function fieldProblems(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own: FieldProblem[] = error.constraints
      ? [{ field, reasons: Object.values(error.constraints) }]
      : [];
    return [...own, ...fieldProblems(error.children ?? [], field)];
  });
}

/** Rejects unknown fields and wrong types with VALIDATION_FAILED naming every bad field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => new AppError(CommonErrors.VALIDATION_FAILED, fieldProblems(errors)),
  });
}
