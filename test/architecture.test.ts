// The direction of the code is checked, not hoped for: dependency-cruiser with the rules of
// .dependency-cruiser.cjs finds no cycle, no platform import of a module or the shell, no module importing the
// shell and no deep import between modules in src/; and each rule does fail on a tree that breaks it.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { cruise, type ICruiseOptions, type IViolation } from 'dependency-cruiser';
import { afterAll, describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '..');
const config = require(path.join(root, '.dependency-cruiser.cjs')) as { forbidden: ICruiseOptions['ruleSet'] extends infer R ? R extends { forbidden?: infer F } ? F : never : never; options: ICruiseOptions };

async function cruiseTree(baseDir: string) {
  const result = await cruise(['src'], { ...config.options, tsConfig: undefined, baseDir, validate: true, ruleSet: { forbidden: config.forbidden } });
  if (typeof result.output === 'string') throw new Error('unexpected text output');
  return result.output;
}

async function violationsIn(baseDir: string): Promise<IViolation[]> {
  return (await cruiseTree(baseDir)).summary.violations;
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'teilhabe-deps-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A small tree in the app's layout, with the given files. */
function tree(name: string, files: Record<string, string>): string {
  const dir = path.join(tmp, name);
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

const base = {
  'src/services.ts': "import { planThing } from './modules/plan/index.js';\nexport const services = planThing;\n",
  'src/platform/db.ts': 'export const db = 1;\n',
  'src/modules/plan/index.ts': "import { db } from '../../platform/db.js';\nimport { inner } from './plan.service.js';\nexport const planThing = db + inner;\n",
  'src/modules/plan/plan.service.ts': 'export const inner = 2;\n',
  'src/modules/rounds/index.ts': "import { planThing } from '../plan/index.js';\nexport const rounds = planThing;\n",
};

describe('architecture', () => {
  it('src/ keeps every direction rule: no cycle, no upward import, no deep import between modules', async () => {
    const output = await cruiseTree(root);
    expect(output.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`)).toEqual([]);
    // The check sees the real graph: TypeScript files behind ".js" specifiers are resolved, type imports count.
    const services = output.modules.find((m) => m.source === 'src/services.ts');
    expect(services?.dependencies.map((d) => d.resolved)).toContain('src/modules.ts');
    const plan = output.modules.find((m) => m.source === 'src/modules/plan/index.ts');
    expect(plan?.dependencies.map((d) => d.resolved)).toContain('src/platform/module.ts');
    expect(output.summary.totalCruised).toBeGreaterThan(200);
  }, 120_000);

  it('a tree in the right shape passes', async () => {
    expect(await violationsIn(tree('good', base))).toEqual([]);
  });

  const wrong: Array<[string, Record<string, string>]> = [
    ['platform-knows-no-module', { 'src/platform/db.ts': "import { inner } from '../modules/plan/plan.service.js';\nexport const db = inner;\n" }],
    ['platform-knows-no-module', { 'src/platform/db.ts': "import { services } from '../services.js';\nexport const db = services;\n" }],
    ['modules-not-to-the-shell', { 'src/modules/rounds/index.ts': "import { services } from '../../services.js';\nexport const rounds = services;\n" }],
    ['modules-through-their-surface', { 'src/modules/rounds/index.ts': "import { inner } from '../plan/plan.service.js';\nexport const rounds = inner;\n" }],
    ['no-cycles', { 'src/modules/plan/plan.service.ts': "import { planThing } from './index.js';\nexport const inner = 2;\nexport const again = () => planThing;\n" }],
  ];
  it.each(wrong)('a deliberately wrong import breaks %s', async (rule, files) => {
    const violations = await violationsIn(tree(`wrong-${rule}-${Object.keys(files)[0].replace(/\W/g, '')}`, { ...base, ...files }));
    expect(violations.map((v) => v.rule.name)).toContain(rule);
  });
});
