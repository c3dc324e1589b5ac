/**
 * An error a client can act on: a stable code, an HTTP status, and a message in Vietnamese
 * (the interface's language) and English. Modules declare their own definitions with
 * `defineErrors`; the exception filter turns an AppError into `{ code, message, details }`.
 */
export interface ErrorDefinition {
  readonly code: string;
  readonly status: number;
  readonly vi: string;
  readonly en: string;
}

export type ErrorDefinitions<K extends string> = { readonly [P in K]: ErrorDefinition & { readonly code: P } };

/** Declares a module's errors; the key is the code, so a typo cannot separate the two. */
export function defineErrors<K extends string>(
  definitions: { readonly [P in K]: Omit<ErrorDefinition, 'code'> },
): ErrorDefinitions<K> {
  const entries = Object.entries(definitions) as [K, Omit<ErrorDefinition, 'code'>][];
  return Object.fromEntries(entries.map(([code, definition]) => [code, { ...definition, code }])) as ErrorDefinitions<K>;
}

/** One problem with one field of the request: `field` is a path such as `comments.3.text`. */
export interface FieldProblem {
  field: string;
  reasons: string[];
}

export class AppError extends Error {
  constructor(
    readonly definition: ErrorDefinition,
    readonly details?: unknown,
  ) {
    super(definition.en);
    this.name = `AppError(${definition.code})`;
  }

  get code(): string {
    return this.definition.code;
  }

  get status(): number {
    return this.definition.status;
  }
}

/** Errors every module may raise. */
export const CommonErrors = defineErrors({
  VALIDATION_FAILED: { status: 400, vi: 'Dữ liệu gửi lên không hợp lệ.', en: 'The request is not valid.' },
  MALFORMED_JSON: { status: 400, vi: 'Nội dung gửi lên không phải JSON hợp lệ.', en: 'The request body is not valid JSON.' },
  JSON_TOO_DEEP: { status: 400, vi: 'Nội dung JSON lồng nhau quá nhiều cấp.', en: 'The JSON body is nested too deeply.' },
  UNAUTHENTICATED: { status: 401, vi: 'Cần đăng nhập.', en: 'Authentication is required.' },
  TOKEN_INVALID: { status: 401, vi: 'Phiên đăng nhập không hợp lệ.', en: 'The access token is not valid.' },
  TOKEN_EXPIRED: { status: 401, vi: 'Phiên đăng nhập đã hết hạn.', en: 'The access token has expired.' },
  FORBIDDEN: { status: 403, vi: 'Bạn không có quyền thực hiện thao tác này.', en: 'You may not do this.' },
  NOT_FOUND: { status: 404, vi: 'Không tìm thấy.', en: 'Not found.' },
  CONFLICT: { status: 409, vi: 'Dữ liệu đã bị thay đổi hoặc trùng lặp.', en: 'The request conflicts with the current state.' },
  PAYLOAD_TOO_LARGE: { status: 413, vi: 'Nội dung gửi lên quá lớn.', en: 'The request body is too large.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, vi: 'Định dạng nội dung không được hỗ trợ.', en: 'The content type is not supported.' },
  TOO_MANY_REQUESTS: { status: 429, vi: 'Quá nhiều yêu cầu, vui lòng thử lại sau.', en: 'Too many requests; try again later.' },
  INTERNAL: { status: 500, vi: 'Lỗi hệ thống. Vui lòng thử lại hoặc báo quản trị viên.', en: 'Internal error. Try again or tell an administrator.' },
  SERVICE_UNAVAILABLE: { status: 503, vi: 'Dịch vụ tạm thời không truy cập được, vui lòng thử lại.', en: 'The service is temporarily unavailable; try again.' },
  DATABASE_UNAVAILABLE: { status: 503, vi: 'Cơ sở dữ liệu tạm thời không truy cập được.', en: 'The database is temporarily unavailable.' },
  REDIS_UNAVAILABLE: { status: 503, vi: 'Máy chủ Redis (hàng đợi, giới hạn tần suất) tạm thời không truy cập được.', en: 'Redis (queues, rate limits) is temporarily unavailable.' },
});
