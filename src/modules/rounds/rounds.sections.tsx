// What the rounds module adds to other modules' pages: an open round forbids renumbering its plan.
import type { SectionContributions, Services } from '../../platform/module.js';
import { roundsPaths } from './rounds.paths.js';

export function roundsSections(services: Services): SectionContributions {
  return {
    async 'plan.renumber'(c, { planId }) {
      const m = c.get('municipality');
      const round = await services.rounds.openRoundOfPlan(m.id, planId);
      if (!round) return null;
      const t = c.get('t');
      return (
        <>
          <p class="kern-body">{t('rounds.errors.renumberDuringRound', { title: round.title })}</p>
          <p class="kern-body"><a class="kern-link" href={roundsPaths.adminRound(m.slug, round.id)}>{t('rounds.errors.toRound', { title: round.title })}</a></p>
        </>
      );
    },
  };
}
