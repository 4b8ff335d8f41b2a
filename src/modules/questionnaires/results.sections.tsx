// What residents said, on the pages it led to: below a goal and on a measure's page, the topics of closed
// questionnaires with public results ("from the questionnaire … (2025): 23 responses on the topic …"); on a
// measure's admin page every linked topic, public or not yet.
import { oncePerRequest, pageContext, type Ctx, withContext } from '../../platform/http/kit.js';
import type { SectionContributions, Services } from '../../platform/module.js';
import { berlinDay } from '../../platform/views/format.js';
import type { TopicMention } from './topics.service.js';
import { TopicMentions } from './topics.view.js';

/**
 * The year a questionnaire asked in: when it ended (closed by hand, or its closing time passed, whichever came
 * first), else when it was published.
 */
function yearOf(m: TopicMention): string {
  const q = m.questionnaire;
  const ends = [q.closedAt, q.closesAt].filter((x): x is string => !!x).sort();
  return berlinDay(new Date(ends[0] ?? q.publishedAt ?? q.createdAt)).slice(0, 4);
}

export function resultsSections(services: Services): SectionContributions {
  const mentions = async (c: Ctx, target: { goalId: number } | { measureId: number }, area: 'admin' | 'public', headingId: string, nested = false) => {
    const all = await services.questionnaireTopics.mentions(c.get('municipality').id, target);
    const shown = all.filter((m) => area === 'admin' || m.isPublic).map((m) => ({ ...m, year: yearOf(m) }));
    if (!shown.length) return null;
    if (area === 'admin') return <TopicMentions ctx={pageContext(c)} mentions={shown} area={area} headingId={headingId} nested={nested} />;
    // The questionnaires' titles in the reader's language; the page's note about German texts counts them, too.
    const ct = await services.content.load(c.get('municipality').id, c.get('lang'), shown.map((m) => ({ entityType: 'questionnaire', entityId: m.questionnaire.id, field: 'title', source: m.questionnaire.title })));
    c.set('content', ct.with(c.get('content')));
    const localized = shown.map((m) => ({ ...m, questionnaire: { ...m.questionnaire, title: ct.text('questionnaire', m.questionnaire.id, 'title', m.questionnaire.title) } }));
    return <TopicMentions ctx={withContext(pageContext(c), { content: ct })} mentions={localized} area={area} headingId={headingId} nested={nested} />;
  };
  return {
    // On a measure's page, part of its one origin ("Herkunft") section.
    'measure.origin': (c, { measureId, area }) => mentions(c, { measureId }, area, 'befragung-titel', true),
    // once per goal of a field's page: which goals have topics at all is read once
    'goal.public': async (c, { goalId }) => {
      const linked = await oncePerRequest(c, 'questionnaires.goalsWithTopics', () => services.questionnaireTopics.goalsWithTopics(c.get('municipality').id));
      return linked.has(goalId) ? mentions(c, { goalId }, 'public', `befragung-ziel-${goalId}`) : null;
    },
  };
}
