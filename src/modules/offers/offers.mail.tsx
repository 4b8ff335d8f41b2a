// The officer's weekly reminder: offers not checked for the municipality's days and websites that no longer
// answer, with the link to the offers page. In German, the officer's working language (as the audit log).
import { translator } from '../../platform/i18n/i18n.js';
import type { MailMessage } from '../../platform/mail/mailer.js';

export interface ReminderInput {
  municipalityName: string;
  staleDays: number;
  stale: string[];
  broken: string[];
  url: string;
}

export async function reminderMail(to: string, input: ReminderInput): Promise<MailMessage> {
  const t = translator('de');
  const subject = t('offers.mail.subject', { municipality: input.municipalityName });
  const staleTitle = t('offers.mail.stale', { count: input.stale.length, days: input.staleDays });
  const brokenTitle = t('offers.mail.broken', { count: input.broken.length });
  const text = [
    t('offers.mail.intro'),
    '',
    ...(input.stale.length ? [staleTitle, ...input.stale.map((s) => `- ${s}`), ''] : []),
    ...(input.broken.length ? [brokenTitle, ...input.broken.map((s) => `- ${s}`), ''] : []),
    input.url,
  ].join('\n');
  const html = await (
    <html lang="de" dir="ltr">
      <head>
        <meta charset="utf-8" />
        <title>{subject}</title>
      </head>
      <body>
        <p>{t('offers.mail.intro')}</p>
        {input.stale.length ? <><p>{staleTitle}</p><ul>{input.stale.map((s) => <li>{s}</li>)}</ul></> : null}
        {input.broken.length ? <><p>{brokenTitle}</p><ul>{input.broken.map((s) => <li>{s}</li>)}</ul></> : null}
        <p><a href={input.url}>{input.url}</a></p>
      </body>
    </html>
  ).toString();
  return { to, subject, text, html: `<!doctype html>${html}` };
}
