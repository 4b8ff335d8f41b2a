// The groups module's groups pages.
import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/env.js';
import type { RouteContext } from '../../platform/module.js';

export function groupsRoutes(_context: RouteContext): Hono<AppEnv> {
  return new Hono<AppEnv>();
}
