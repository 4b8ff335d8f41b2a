// Forms of the results pages: a topic's name and description, coding answers into a topic (an existing one or
// a new name, not both), and linking a topic to a goal or measure ("goal:12" / "measure:34").
import { z } from 'zod';
import { idList, optionalId, optionalText, requiredText } from '../../platform/validation/fields.js';

export const topicSchema = z.object({
  name: requiredText(200, 'errors.textRequired'),
  description: optionalText(2000),
});

export const assignSchema = z
  .object({
    answer_ids: idList.refine((ids) => ids.length > 0, 'questionnaires.results.chooseAnswers'),
    topic_id: optionalId,
    name: optionalText(200),
  })
  .superRefine((v, ctx) => {
    if ((v.topic_id === null) === (v.name === '')) ctx.addIssue({ code: 'custom', path: ['topic_id'], message: 'questionnaires.results.chooseTopic' });
  });

export const linkSchema = z.object({
  target: z
    .string()
    .trim()
    .default('')
    .refine((v) => /^(goal|measure):[1-9]\d{0,9}$/.test(v), 'questionnaires.results.chooseTarget'),
});
