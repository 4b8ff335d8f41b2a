// The invitation and the reminder of an update round, in the actor's language (their setting, German unless
// set), as plain text and as HTML with the same content. The HTML is rendered by hono/jsx, so every value is escaped.
import type { MailMessage } from '../../platform/mail/mailer.js';
import { dirOf, translator, type Lang } from '../../platform/i18n/i18n.js';
import { formatDate } from '../../platform/views/format.js';

export interface RoundMailInput {
  kind: 'invite' | 'reminder' | 'returned';
  /** The actor's language; German when not given. */
  lang?: Lang;
  municipality: { name: string; office_name: string; contact_person: string; contact_email: string; contact_phone: string };
  round: { title: string; deadline: string; expires_at: string };
  planTitle: string;
  actorName: string;
  measureCount: number;
  url: string;
  /** A returned change: the measure it was about and the officer's question. */
  returned?: { measure: string; comment: string };
}

export async function roundMail(to: string, input: RoundMailInput): Promise<MailMessage> {
  const lang = input.lang ?? 'de';
  const t = translator(lang);
  const m = input.municipality;
  const office = m.office_name ? `${m.office_name}, ${m.name}` : m.name;
  const vars = {
    round: input.round.title,
    plan: input.planTitle,
    actor: input.actorName,
    count: input.measureCount,
    deadline: formatDate(input.round.deadline, lang),
    expires: formatDate(input.round.expires_at.slice(0, 10), lang),
    office,
    municipality: m.name,
    measure: input.returned?.measure ?? '',
  };
  const contact = [m.contact_person, m.contact_email, m.contact_phone].filter(Boolean).join(', ');
  const subject = t(`rounds.mail.${input.kind}.subject`, vars);
  const paragraphs = input.returned
    ? [t('rounds.mail.returned.body', vars), input.returned.comment, t('rounds.mail.returned.again', vars)]
    : [t(`rounds.mail.${input.kind}.body`, vars), t('rounds.mail.howTo', vars)];
  const closing = [t('rounds.mail.closing'), office];
  const text = [
    t('rounds.mail.greeting'),
    '',
    ...paragraphs.flatMap((p) => [p, '']),
    t('rounds.mail.linkIntro'),
    input.url,
    '',
    t('rounds.mail.validity', vars),
    ...(contact ? ['', t('rounds.mail.contact', { contact })] : []),
    '',
    ...closing,
    '',
    '-- ',
    t('rounds.mail.footer', vars),
  ].join('\n');
  const html = await (
    <html lang={lang} dir={dirOf(lang)}>
      <head>
        <meta charset="utf-8" />
        <title>{subject}</title>
      </head>
      <body>
        <p>{t('rounds.mail.greeting')}</p>
        {paragraphs.map((p) => <p class="pre-line">{p}</p>)}
        <p>
          {t('rounds.mail.linkIntro')}
          <br />
          <a href={input.url}>{input.url}</a>
        </p>
        <p>{t('rounds.mail.validity', vars)}</p>
        {contact ? <p>{t('rounds.mail.contact', { contact })}</p> : null}
        <p>
          {closing[0]}
          <br />
          {closing[1]}
        </p>
        <p>
          <small>{t('rounds.mail.footer', vars)}</small>
        </p>
      </body>
    </html>
  ).toString();
  return { to, subject, text, html: `<!doctype html>${html}` };
}
