import type { INestApplication, Type } from '@nestjs/common';
import { createHttpApp, type ApiDescription } from '@vankien/platform';
import { CollaborationServer } from '../../apps/editor/src/collaboration/collaboration.server';
import { editorApi } from '../../apps/editor/src/editor.api';
import { EditorModule } from '../../apps/editor/src/editor.module';
import { feedbackApi } from '../../apps/feedback/src/feedback.api';
import { bulkRoutes, FeedbackModule } from '../../apps/feedback/src/feedback.module';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@vankien/database';
import { testRedisUrl, type TestDatabase } from './test-database';

export type ServiceName = 'feedback' | 'editor';

/** The variables an app needs to run against this test file's database and Redis. */
export function serviceEnvironment(database: TestDatabase, extra: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    REDIS_URL: testRedisUrl(),
    JWT_SECRET: process.env.JWT_SECRET ?? 'a-test-secret-that-is-long-enough-for-hs256',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'error',
    ...extra,
  };
}

export interface RunningApp {
  app: INestApplication;
  url: string;
  close(): Promise<void>;
}

const rootModules: Record<ServiceName, Type<unknown>> = { feedback: FeedbackModule, editor: EditorModule };
const apis: Record<ServiceName, ApiDescription> = { feedback: feedbackApi, editor: editorApi };

/**
 * Starts the real app (same module, same bootstrap as its main.ts) in this process, on a free
 * port. The environment is applied first: apps read it when they are created.
 */
export async function startApp(service: ServiceName, environment: Record<string, string>): Promise<RunningApp> {
  Object.assign(process.env, environment);
  const app = await createHttpApp(rootModules[service], {
    ...apis[service],
    bodyLimit: environment.BODY_LIMIT ?? '1mb',
    largeBodyRoutes: service === 'feedback' ? bulkRoutes : [],
  });
  if (service === 'editor') app.get(CollaborationServer).attach(app.getHttpServer());
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return { app, url, close: () => app.close() };
}

/** A DataSource on the test database, for arranging and inspecting state directly. */
export async function openDataSource(database: TestDatabase): Promise<DataSource> {
  const dataSource = new DataSource({ ...dataSourceOptions(database.url, { applicationName: 'vankien-test', poolSize: 4 }), logging: false });
  return dataSource.initialize();
}

export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/** A small JSON client for the tests. */
export function apiClient(baseUrl: string) {
  async function call<T>(method: string, path: string, options: { body?: unknown; token?: string; headers?: Record<string, string>; rawBody?: string } = {}): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined = options.rawBody;
    if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.body);
    } else if (body !== undefined) headers['content-type'] ??= 'application/json';
    const response = await fetch(`${baseUrl}${path}`, { method, headers, body, signal: AbortSignal.timeout(20_000) });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  }
  return {
    get: <T>(path: string, token?: string, headers?: Record<string, string>) => call<T>('GET', path, { token, headers }),
    post: <T>(path: string, body: unknown, token?: string, headers?: Record<string, string>) => call<T>('POST', path, { body, token, headers }),
    delete: <T>(path: string, token?: string) => call<T>('DELETE', path, { token }),
    put: <T>(path: string, body: unknown, token?: string) => call<T>('PUT', path, { body, token }),
    raw: call,
  };
}

export async function login(baseUrl: string, email: string, password = 'vankien-demo-2025'): Promise<{ accessToken: string; refreshToken: string }> {
  const response = await apiClient(baseUrl).post<{ accessToken: string; refreshToken: string }>('/api/auth/login', { email, password });
  if (response.status !== 200) throw new Error(`login of ${email} failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}
