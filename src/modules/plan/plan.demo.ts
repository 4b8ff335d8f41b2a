// The demo municipality's plan: the structure and size of a real catalogue (seeds/003, names changed).
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { exchangePlanSchema, type ExchangePlan } from './exchange.js';

export function demoPlan(): ExchangePlan {
  const file = fileURLToPath(new URL('./musterstadt.json', import.meta.url));
  return exchangePlanSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
}
