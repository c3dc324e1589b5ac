import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AppError, CommonErrors, ErrorDefinition } from './app-error';
import type { ErrorBody } from './error-body.dto';
import { isDatabaseUnavailable, isRedisUnavailable } from './failure-classification';
import { preferredLanguage } from './language';


const definitionsByStatus: Record<number, ErrorDefinition> = {
  [HttpStatus.BAD_REQUEST]: CommonErrors.VALIDATION_FAILED,
  [HttpStatus.UNAUTHORIZED]: CommonErrors.UNAUTHENTICATED,
  [HttpStatus.FORBIDDEN]: CommonErrors.FORBIDDEN,
  [HttpStatus.NOT_FOUND]: CommonErrors.NOT_FOUND,
  [HttpStatus.CONFLICT]: CommonErrors.CONFLICT,
  [HttpStatus.PAYLOAD_TOO_LARGE]: CommonErrors.PAYLOAD_TOO_LARGE,
  [HttpStatus.UNSUPPORTED_MEDIA_TYPE]: CommonErrors.UNSUPPORTED_MEDIA_TYPE,
  [HttpStatus.TOO_MANY_REQUESTS]: CommonErrors.TOO_MANY_REQUESTS,
};

/** Maps anything thrown to an AppError: known HTTP errors by status, service outages to 503. */
export function toAppError(exception: unknown): AppError {
  if (exception instanceof AppError) return exception;
  if (exception instanceof HttpException) {
    const definition = definitionsByStatus[exception.getStatus()];
    if (definition) return new AppError(definition);
  }
  if (isDatabaseUnavailable(exception)) return new AppError(CommonErrors.DATABASE_UNAVAILABLE);
  if (isRedisUnavailable(exception)) return new AppError(CommonErrors.REDIS_UNAVAILABLE);
  return new AppError(CommonErrors.INTERNAL);
}

export function errorBody(error: AppError, acceptLanguage: string | undefined, requestId?: string): ErrorBody {
  const language = preferredLanguage(acceptLanguage);
  return {
    code: error.code,
    message: language === 'en' ? error.definition.en : error.definition.vi,
    ...(error.details === undefined ? {} : { details: error.details }),
    ...(requestId ? { requestId } : {}),
  };
}

/**
 * What of an unexpected error goes to the log: its kind, message, code and stack, but never
 * the query parameters a database error carries (they hold the users' texts and personal data).
 */
function loggable(exception: unknown): Record<string, unknown> {
  if (!(exception instanceof Error)) return { message: String(exception) };
  const code = (exception as { code?: unknown }).code;
  return { type: exception.constructor?.name ?? exception.name, message: exception.message, ...(typeof code === 'string' ? { code } : {}), stack: exception.stack };
}

/** The one place errors become HTTP responses. Never sends a stack trace to a client. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('ErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request & { id?: string }>();
    const response = http.getResponse<Response>();
    const error = toAppError(exception);
    const requestId = typeof request.id === 'string' ? request.id : undefined;
    if (error.status >= 500) {
      this.logger.error(
        { err: loggable(exception), requestId, code: error.code, path: request.url },
        `${request.method} ${request.url} failed with ${error.code}`,
      );
    }
    if (response.headersSent) return;
    if (error.status === HttpStatus.SERVICE_UNAVAILABLE) response.setHeader('Retry-After', '5');
    response.status(error.status).json(errorBody(error, request.headers['accept-language'], requestId));
  }
}
