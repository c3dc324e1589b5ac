import i18n from 'i18next';
import { ApiError, networkError, toApiError } from './api-error';
import { accessToken, endSession, readSession, refreshSession } from './session';

// Every call to the API: the access token, the user's language (the API answers its error
// messages in it), one silent refresh on 401, and errors as ApiError with the API's code.

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  body?: unknown;
  query?: Record<string, string | number | boolean | undefined | null>;
  /** raw response (files) */
  raw?: boolean;
  signal?: AbortSignal;
}

function url(path: string, query?: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  const search = params.toString();
  return `/api${path}${search ? `?${search}` : ''}`;
}

async function send(path: string, options: RequestOptions, token: string | null): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': i18n.language === 'en' ? 'en' : 'vi' };
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) body = options.body;
  else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (token) headers.authorization = `Bearer ${token}`;
  try {
    return await fetch(url(path, options.query), { method: options.method ?? 'GET', headers, body, signal: options.signal });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw networkError();
  }
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const token = await accessToken();
  let response = await send(path, options, token);
  if (response.status === 401 && token) {
    const fresh = await refreshSession(token);
    if (!fresh) throw await toApiError(response);
    response = await send(path, options, fresh.accessToken);
    if (response.status === 401) {
      endSession('expired');
      throw await toApiError(response);
    }
  }
  if (!response.ok) throw await toApiError(response);
  if (options.raw) return response as unknown as T;
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, query?: RequestOptions['query']) => request<T>(path, { query }),
  post: <T>(path: string, body?: unknown) => request<T>(path, { method: 'POST', body: body ?? {} }),
  put: <T>(path: string, body?: unknown) => request<T>(path, { method: 'PUT', body }),
  delete: <T>(path: string) => request<T>(path, { method: 'DELETE' }),
};

/** Downloads a file the API answers (DOCX exports) under the name the server gives. */
export async function download(path: string, query: RequestOptions['query'], fallbackName: string): Promise<void> {
  const response = await request<Response>(path, { query, raw: true });
  const disposition = response.headers.get('content-disposition') ?? '';
  const match = /filename\*=UTF-8''([^;]+)/i.exec(disposition) ?? /filename="?([^";]+)"?/i.exec(disposition);
  const name = match ? decodeURIComponent(match[1]) : fallbackName;
  const blob = await response.blob();
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

export const isSignedIn = (): boolean => readSession() !== null;
export { ApiError };
