// The public dashboard's content texts in the reader's language: the plan's title, the fields' titles and the
// measures it names, as the plan's pages show them (translated with the plan, German marked where not).
import type { ContentTexts, TextRef } from '../../platform/i18n/content.js';
import type { DashboardData, MeasureRef } from './dashboard.js';

/** What the dashboard shows of the plan's texts (the fields of the chooser included). */
export function dashboardRefs(data: DashboardData, fields: Array<{ id: number; title: string }>): TextRef[] {
  const measures = [...data.overdue.map((o) => o.measure), ...data.fundingWarnings.map((w) => w.measure)];
  return [
    { entityType: 'plan', entityId: data.plan.id, field: 'title', source: data.plan.title },
    ...fields.map((f) => ({ entityType: 'field', entityId: f.id, field: 'title', source: f.title })),
    ...measures.map((m) => ({ entityType: 'measure', entityId: m.id, field: 'text', source: m.text })),
  ];
}

/** The dashboard with those texts in the reader's language where a reviewed, current translation exists. */
export function localizeDashboard(data: DashboardData, ct: ContentTexts): DashboardData {
  if (ct.lang === 'de') return data;
  const field = (id: number, title: string) => ct.text('field', id, 'title', title);
  const measure = (m: MeasureRef): MeasureRef => ({ ...m, text: ct.text('measure', m.id, 'text', m.text), fieldTitle: field(m.fieldId, m.fieldTitle) });
  return {
    ...data,
    plan: { ...data.plan, title: ct.text('plan', data.plan.id, 'title', data.plan.title) },
    field: data.field ? { ...data.field, title: field(data.field.id, data.field.title) } : null,
    fields: data.fields.map((f) => ({ ...f, title: field(f.id, f.title) })),
    overdue: data.overdue.map((o) => ({ ...o, measure: measure(o.measure) })),
    fundingWarnings: data.fundingWarnings.map((w) => ({ ...w, measure: measure(w.measure) })),
  };
}
