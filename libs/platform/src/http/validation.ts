import { ArgumentMetadata, Injectable, ValidationError, ValidationPipe } from '@nestjs/common';
import { AppError, CommonErrors, FieldProblem } from '../errors/app-error';
import { normaliseTexts } from './text-input';

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

/**
 * The DTO's rules, after the rules every text obeys (NFC, no NUL, no unpaired surrogate, no
 * bidirectional control: see text-input.ts), so that one place covers every field of every
 * route, and a DTO's length limits count the normalised text.
 */
@Injectable()
export class RequestValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query' || metadata.type === 'param') {
      const problems: FieldProblem[] = [];
      const normalised = normaliseTexts(value, problems);
      if (problems.length > 0) throw new AppError(CommonErrors.VALIDATION_FAILED, problems);
      return super.transform(normalised, metadata);
    }
    return super.transform(value, metadata);
  }
}

/** Rejects unknown fields and wrong types with VALIDATION_FAILED naming every bad field. */
export function createValidationPipe(): ValidationPipe {
  return new RequestValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => new AppError(CommonErrors.VALIDATION_FAILED, fieldProblems(errors)),
  });
}
