import type { Hono } from 'hono';
import type { AppEnv } from '../../app.env.js';

/** Routes of the editions module (issue 4). */
export function registerEditionsRoutes(_app: Hono<AppEnv>): void {}
