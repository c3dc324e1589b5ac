import type { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';

/** What names an API in its OpenAPI document; the same for the served and the committed one. */
export interface ApiDescription {
  /** editor, feedback: the name of the committed file (openapi/<name>.json) and of /docs/<name>.json */
  service: string;
  title: string;
  description: string;
  /** Extra prefixes served outside /api (e.g. /health). */
  excludeFromApiPrefix?: string[];
}

/** Where each app serves its document's JSON besides /docs/<service>.json (the gateway fetches it there). */
export const openApiJsonPath = 'docs-json';
/** The address of a document's JSON that /docs links to: the same on the gateway and on the app. */
export const openApiDocumentPath = (service: string): string => `/docs/${service}.json`;

/** Routes under /api, except /health and the given prefixes. */
export function setApiPrefix(app: INestApplication, description: ApiDescription): void {
  app.setGlobalPrefix('api', { exclude: ['health', ...(description.excludeFromApiPrefix ?? [])] });
}

/** The OpenAPI document of an app whose routes are set up (global prefix included). */
export function createOpenApiDocument(app: INestApplication, description: ApiDescription): OpenAPIObject {
  const path = openApiDocumentPath(description.service);
  const links = `\n\nOpenAPI JSON: [${path}](${path}) (committed as openapi/${description.service}.json).`;
  const config = new DocumentBuilder()
    .setTitle(description.title)
    .setDescription(description.description + links)
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  return SwaggerModule.createDocument(app, config);
}

/**
 * The OpenAPI document of a root module without starting it: in preview mode Nest reads the
 * modules' and controllers' metadata but instantiates no provider, so no connection to
 * PostgreSQL or Redis is attempted and no environment is needed.
 */
export async function openApiDocumentOf(rootModule: Type<unknown>, description: ApiDescription): Promise<OpenAPIObject> {
  const app = await NestFactory.create(rootModule, { preview: true, logger: false, abortOnError: false });
  try {
    setApiPrefix(app, description);
    return createOpenApiDocument(app, description);
  } finally {
    await app.close();
  }
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
  );
}

/** The committed form: keys sorted at every level, two spaces, a trailing newline. */
export function stableJson(document: unknown): string {
  return `${JSON.stringify(sortKeys(document), null, 2)}\n`;
}
