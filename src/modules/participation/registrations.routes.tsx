// The participation module's registrations pages.
import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/env.js';
import type { RouteContext } from '../../platform/module.js';

export function registrationsRoutes(_context: RouteContext): Hono<AppEnv> {
  return new Hono<AppEnv>();
}
