// The mails of requests to join: to the group's lead when a resident asks, and to the resident on the
// decision, in the resident's language; plain text and HTML with the same content (hono/jsx escapes values).
import { dirOf, translator, type Lang } from '../../platform/i18n/i18n.js';
import type { MailMessage } from '../../platform/mail/mailer.js';

async function compose(to: string, lang: Lang, subject: string, paragraphs: string[], link?: string): Promise<MailMessage> {
  const t = translator(lang);
  const text = [...paragraphs.flatMap((p) => [p, '']), ...(link ? [link, ''] : []), '-- ', t('groups.groups.mail.footer')].join('\n');
  const html = await (
    <html lang={lang} dir={dirOf(lang)}>
      <head>
        <meta charset="utf-8" />
        <title>{subject}</title>
      </head>
      <body>
        {paragraphs.map((p) => <p>{p}</p>)}
        {link ? <p><a href={link}>{link}</a></p> : null}
        <p><small>{t('groups.groups.mail.footer')}</small></p>
      </body>
    </html>
  ).toString();
  return { to, subject, text, html: `<!doctype html>${html}` };
}

/** To a lead: someone asks to join; the link opens the group's requests (the name stays out of the mail). */
export function requestMail(to: string, input: { lang: Lang; group: string; url: string }): Promise<MailMessage> {
  const t = translator(input.lang);
  return compose(to, input.lang, t('groups.groups.mail.request.subject', { group: input.group }), [
    t('groups.groups.mail.request.greeting'), t('groups.groups.mail.request.body', { group: input.group }),
  ], input.url);
}

/** To the resident: the decision, with the lead's note; accepted means an invitation mail follows. */
export function decisionMail(to: string, input: { lang: Lang; name: string; group: string; accepted: boolean; note: string }): Promise<MailMessage> {
  const t = translator(input.lang);
  const key = input.accepted ? 'accepted' : 'declined';
  return compose(to, input.lang, t(`groups.groups.mail.${key}.subject`, { group: input.group }), [
    t('groups.groups.mail.hello', { name: input.name }),
    t(`groups.groups.mail.${key}.body`, { group: input.group }),
    ...(input.note ? [t('groups.groups.mail.note', { note: input.note })] : []),
    t('groups.groups.mail.deletion'),
  ]);
}
