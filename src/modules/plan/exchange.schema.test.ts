// docs/exchange-format.schema.json is the documented exchange format: it must stay what the code accepts.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exchangeJsonSchema } from './exchange.js';

const file = new URL('../../../docs/exchange-format.schema.json', import.meta.url);

describe('exchange format JSON Schema', () => {
  it('is committed and matches the zod schema', () => {
    if (process.env.WRITE_SCHEMA === '1') fs.writeFileSync(file, `${JSON.stringify(exchangeJsonSchema(), null, 2)}\n`);
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual(exchangeJsonSchema());
  });
  it('names the fields the issue asks for', () => {
    const text = JSON.stringify(exchangeJsonSchema());
    for (const name of ['plan', 'fields', 'visions', 'goals', 'measures', 'number', 'actors', 'role', 'parent', 'status', 'category', 'label', 'date', 'notes', 'furtherMeasures']) {
      expect(text).toContain(`"${name}"`);
    }
  });
});
