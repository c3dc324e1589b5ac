import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiProperty, ApiPropertyOptional, ApiResponse, getSchemaPath } from '@nestjs/swagger';

/** One problem with one field of the request. */
export class FieldProblemView {
  @ApiProperty({ description: 'A path in the request: `email`, `comments.3.text`, `Idempotency-Key`', example: 'email' })
  field!: string;

  @ApiProperty({ type: [String], example: ['email must be an email address'] })
  reasons!: string[];
}

/** The body of every error answered by every service. */
@ApiExtraModels(FieldProblemView)
export class ErrorBody {
  @ApiProperty({ description: 'Stable code that decides what the client shows', example: 'VALIDATION_FAILED' })
  code!: string;

  @ApiProperty({ description: 'In Vietnamese, or English for `Accept-Language: en`', example: 'Dữ liệu gửi lên không hợp lệ.' })
  message!: string;

  @ApiPropertyOptional({
    description: 'For VALIDATION_FAILED, one entry per bad field; for other codes, the facts of the refusal (e.g. `{ "versionNumber": 3, "latestNumber": 4 }`)',
    oneOf: [{ type: 'array', items: { $ref: getSchemaPath(FieldProblemView) } }, { type: 'object', additionalProperties: true }],
  })
  details?: unknown;

  @ApiPropertyOptional({ description: 'The X-Request-Id of the request, for support', example: '7f2c0e1a-5b1d-4d8e-9a57-1f0c2b3d4e5f' })
  requestId?: string;
}

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429;

const meanings: Record<ErrorStatus, string> = {
  400: 'Dữ liệu không hợp lệ / The request is not valid (details name the fields)',
  401: 'Cần đăng nhập / Authentication is required, or the token is not valid or has expired',
  403: 'Không có quyền / The caller may not do this',
  404: 'Không tìm thấy / Not found',
  409: 'Xung đột / The request conflicts with the current state (changed meanwhile, duplicate, locked)',
  413: 'Quá lớn / The request body is too large',
  422: 'Không thể xử lý / The request is well formed but cannot be carried out (details say why)',
  429: 'Quá nhiều yêu cầu / Too many requests; try again later',
};

/** The error responses an operation (or every operation of a controller) may answer, each with ErrorBody. */
export function ApiErrors(...statuses: ErrorStatus[]): MethodDecorator & ClassDecorator {
  return applyDecorators(...statuses.map((status) => ApiResponse({ status, description: meanings[status], type: ErrorBody })));
}
