import type { Hono } from 'hono';
import type { AppEnv } from '../../app.env.js';

/** Routes of the rounds module (issue 4). */
export function registerRoundsRoutes(_app: Hono<AppEnv>): void {}
