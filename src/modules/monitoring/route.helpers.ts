// What several monitoring routes read from the request: ids from the query string and the chosen plan.
import type { Ctx } from '../../platform/http/kit.js';
import type { Services } from '../../platform/module.js';
import { NotFoundError } from '../../platform/http/errors.js';
import { idParam } from '../../platform/http/form.js';

const mid = (c: Ctx) => c.get('municipality').id;

/** An id from the query string: absent is null, anything but a valid id is an unknown resource. */
export function queryId(c: Ctx, name: string): number | null {
  const value = c.req.query(name);
  if (value === undefined || value === '') return null;
  const id = idParam(value);
  if (id === null) throw new NotFoundError(name);
  return id;
}

/** The plan an admin page is about: the one asked for, else the published one, else the newest. */
export async function chosenPlan(c: Ctx, services: Pick<Services, 'plans'>) {
  const asked = queryId(c, 'plan');
  if (asked !== null) return services.plans.getPlan(mid(c), asked);
  return (await services.plans.findCurrentPublishedPlan(mid(c))) ?? (await services.plans.listPlans(mid(c)))[0] ?? null;
}
