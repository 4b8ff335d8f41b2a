// Who is asking, from the request: the signed-in person and their role in this municipality.
import { requireUser, type Ctx } from '../../platform/http/kit.js';
import type { Viewer } from './steering.service.js';

export const viewerOf = (c: Ctx): Viewer => {
  const u = requireUser(c);
  return { userId: u.id, name: u.name, role: c.get('role'), isInstanceAdmin: u.isInstanceAdmin };
};
