// /readyz answers 200 while the database answers and 503 once it does not (a load balancer then takes the
// process out), on both engines; it is never cached and needs no municipality.
import { describe, expect, it } from 'vitest';
import { createTestEnv, engines } from './support.js';

describe.each(engines)('/readyz on %s', (engine) => {
  it('is ready while the database answers, and says so when it does not', async () => {
    const env = await createTestEnv(engine);
    const ok = await env.app.request('/readyz');
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ ok: true, database: engine });
    expect(ok.headers.get('cache-control')).toBe('no-store');
    expect(ok.headers.get('set-cookie')).toBeNull();
    await env.db.close();
    const down = await env.app.request('/readyz');
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ ok: false, database: engine });
    await env.close();
  });
});
