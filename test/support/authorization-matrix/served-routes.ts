import type { INestApplication } from '@nestjs/common';
import { METHODS } from 'node:http';

interface RouteLayer {
  route?: { path: string | string[]; methods: Record<string, boolean> };
}

/**
 * Every route an app serves, as "METHOD /path" (Express's own syntax, `:id`), read from the
 * Express router Nest registered them on: what the app answers, not what a list says it answers.
 */
export function servedRoutes(app: INestApplication): string[] {
  const instance = app.getHttpAdapter().getInstance() as { router?: { stack: RouteLayer[] }; _router?: { stack: RouteLayer[] } };
  // Express 5 exposes `router`; Express 4 had `_router`
  const stack = (instance.router ?? instance._router)?.stack;
  if (!stack) throw new Error('cannot read the Express router of the app');
  const routes = new Set<string>();
  for (const layer of stack) {
    if (!layer.route) continue;
    const methods = Object.entries(layer.route.methods).filter(([method, on]) => on && method !== '_all');
    // a "route" for every HTTP method is a middleware Nest mounted with forRoutes(ALL) (the
    // request logger), not an endpoint: it answers nothing itself
    if (layer.route.methods._all || methods.length >= METHODS.length) continue;
    const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
    for (const [method] of methods) {
      for (const path of paths) routes.add(`${method.toUpperCase()} ${path}`);
    }
  }
  return [...routes].sort();
}
