// The participation module's process pages.
import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/env.js';
import type { RouteContext } from '../../platform/module.js';

export function processRoutes(_context: RouteContext): Hono<AppEnv> {
  return new Hono<AppEnv>();
}
