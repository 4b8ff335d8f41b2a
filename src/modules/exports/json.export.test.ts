import { describe, expect, it } from 'vitest';
import { smallInput, smallPlan } from '../../../test/fixtures/exports/plans.js';
import { exchangePlanSchema } from '../plan/index.js';
import { exportJson } from './json.export.js';

describe('exportJson', () => {
  it('writes the exchange format that reads back into the same plan', () => {
    const json = exportJson(smallInput);
    expect(json).toContain('\n  "plan": {');
    expect(exchangePlanSchema.parse(JSON.parse(json))).toEqual(smallPlan);
  });

  it('refuses a plan the exchange format does not allow', () => {
    const broken = { ...smallPlan, fields: [{ ...smallPlan.fields[0], title: '' }] };
    expect(() => exportJson({ ...smallInput, plan: broken })).toThrow();
  });
});
