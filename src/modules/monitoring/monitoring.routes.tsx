import type { Hono } from 'hono';
import type { AppEnv } from '../../app.env.js';

/** Routes of the monitoring module (issue 4). */
export function registerMonitoringRoutes(_app: Hono<AppEnv>): void {}
