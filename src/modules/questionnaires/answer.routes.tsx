// The questionnaire's answer pages.
import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/env.js';
import type { RouteContext } from '../../platform/module.js';

export function answerRoutes(_context: RouteContext): Hono<AppEnv> {
  return new Hono<AppEnv>();
}
