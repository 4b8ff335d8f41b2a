// The groups module's steering pages.
import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/env.js';
import type { RouteContext } from '../../platform/module.js';

export function steeringRoutes(_context: RouteContext): Hono<AppEnv> {
  return new Hono<AppEnv>();
}
