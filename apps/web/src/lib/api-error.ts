/** An error the API answered: { code, message, details?, requestId }. */
export interface ApiErrorBody {
  code: string;
  message: string;
  details?: unknown;
  requestId?: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId: string | undefined,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** A stale write or a state that changed meanwhile: the user can reload what changed. */
  get isConflict(): boolean {
    return this.status === 409;
  }
}

/** Reads an error response; a body that is not the API's shape still gives a code. */
export async function toApiError(response: Response): Promise<ApiError> {
  let body: Partial<ApiErrorBody> = {};
  try {
    body = (await response.json()) as Partial<ApiErrorBody>;
  } catch {
    // not JSON (a proxy's page)
  }
  const code = typeof body.code === 'string' ? body.code : response.status >= 500 ? 'SERVICE_UNAVAILABLE' : `HTTP_${response.status}`;
  return new ApiError(response.status, code, body.message ?? response.statusText, body.requestId ?? response.headers.get('x-request-id') ?? undefined, body.details);
}

/** No answer at all: offline or the server down. */
export const networkError = (): ApiError => new ApiError(0, 'NETWORK', 'Network error', undefined);
