// An imported plan passes the same zod schemas as the admin forms, entity by entity, before anything is
// written; every problem names the field of action and the measure number or position, in the language of `t`.
import { fieldSchema, goalSchema, measureSchema, planSchema, visionSchema } from './plan.schema.js';
import type { ExchangePlan } from './exchange.js';
import type { ImportProblem } from './exchange.js';
import { errorText, type T } from '../../platform/i18n/i18n.js';

/** Goal text a catalogue without a goal column gets, so that its measures still have a home. */
export const UNNAMED_GOAL = 'Ziel noch nicht benannt';

export function validateForImport(plan: ExchangePlan, file: string, t: T): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const report = (where: string, issues: Array<{ path: PropertyKey[]; message: string }>) => {
    for (const i of issues) problems.push({ file, message: `${where}: ${errorText(t, i.message)}` });
  };
  const p = planSchema.safeParse({ title: plan.plan.title });
  if (!p.success) report(t('exchange.validate.plan'), p.error.issues);
  const numbers = new Map<string, number>();
  plan.fields.forEach((f, fi) => {
    const where = t('exchange.validate.field', { n: fi + 1, title: f.title.slice(0, 40) });
    const fr = fieldSchema.safeParse({ title: f.title });
    if (!fr.success) report(where, fr.error.issues);
    f.visions.forEach((v, vi) => {
      const vr = visionSchema.safeParse({ text: v });
      if (!vr.success) report(t('exchange.validate.vision', { where, n: vi + 1 }), vr.error.issues);
    });
    f.goals.forEach((g, gi) => {
      const gr = goalSchema.safeParse({ text: g.text || UNNAMED_GOAL, number: g.number ?? '' });
      if (!gr.success) report(t('exchange.validate.goal', { where, n: gi + 1 }), gr.error.issues);
      g.measures.forEach((m, mi) => {
        const label = m.number !== null ? t('exchange.validate.measure', { where, number: m.number }) : t('exchange.validate.measureAt', { where, position: mi + 1, goal: gi + 1 });
        const mr = measureSchema.safeParse({ text: m.text, number: m.number ?? '', goal_id: '1' });
        if (!mr.success) report(label, mr.error.issues);
        if (m.number !== null) numbers.set(m.number, (numbers.get(m.number) ?? 0) + 1);
      });
    });
    f.furtherMeasures.forEach((m, mi) => {
      const mr = measureSchema.safeParse({ text: m.text, is_further: '1' });
      if (!mr.success) report(t('exchange.validate.further', { where, n: mi + 1 }), mr.error.issues);
    });
  });
  for (const [n, count] of numbers) {
    if (count > 1) problems.push({ file, message: t('exchange.validate.duplicateNumber', { number: n, times: count }) });
  }
  return problems;
}
