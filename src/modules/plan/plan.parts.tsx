// Small parts the plan's admin and public pages share.
import type { LinkItem } from '../../platform/views/nav.js';
import type { PageContext } from '../../platform/views/page.js';
import type { Plan } from './plan.repository.js';

export function periodText(plan: Pick<Plan, 'period_start' | 'period_end'>): string {
  if (plan.period_start && plan.period_end) return `${plan.period_start}–${plan.period_end}`;
  return String(plan.period_start ?? plan.period_end ?? '');
}

/** Download links of a plan (the exports module contributes them); nothing when there are none. */
export function ExportLinks({ ctx, planId, links }: { ctx: PageContext; planId: number; links: LinkItem[] }) {
  const { t } = ctx;
  if (links.length === 0) return null;
  return (
    <section aria-labelledby={`exports-${planId}`} class="stack no-print">
      <h2 class="kern-heading-small" id={`exports-${planId}`}>{t('export.title')}</h2>
      <ul class="inline-list">
        {links.map((l) => (
          <li>
            <a class="kern-link" href={l.href} download={l.download}>
              {l.label}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
