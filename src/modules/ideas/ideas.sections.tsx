// What residents' comments and ideas add to the plan's pages: on a measure's and a goal's public page the
// link to comment (with how many comments are public), on a field's page its ideas and comments, and on a measure's page, in its origin ("Herkunft"),
// the ideas it came from (public: only public ideas; admin: every linked idea with its state).
import { oncePerRequest, pageContext } from '../../platform/http/kit.js';
import type { SectionContributions, Services } from '../../platform/module.js';
import { CommentLink, FieldParticipation, IdeaOrigins } from './ideas.view.js';

export function ideasSections(services: Services): SectionContributions {
  const ideas = services.ideas;
  return {
    'measure.public': async (c, { measureId }) => <CommentLink ctx={pageContext(c)} type="measure" id={measureId} count={await ideas.publicCommentCount(c.get('municipality').id, 'measure', measureId)} />,
    'field.public': async (c, { fieldId }) => <FieldParticipation ctx={pageContext(c)} fieldId={fieldId} comments={await ideas.publicCommentCount(c.get('municipality').id, 'field', fieldId)} />,
    // once per goal of a field's page: the counts of all goals read once
    'goal.public': async (c, { goalId }) => {
      const counts = await oncePerRequest(c, 'ideas.goalComments', () => ideas.publicCommentCounts(c.get('municipality').id, 'goal'));
      return <CommentLink ctx={pageContext(c)} type="goal" id={goalId} count={counts.get(goalId) ?? 0} />;
    },
    'measure.origin': async (c, { measureId, area }) => {
      const list = await ideas.ideasOfMeasure(c.get('municipality').id, measureId, area);
      return list.length ? <IdeaOrigins ctx={pageContext(c)} ideas={list} area={area} /> : null;
    },
  };
}
