// The mails of accounts: an invitation to choose a password, an invitation of an existing account to join a
// municipality, and a password reset; in the language of whoever caused them (the inviting admin, the person
// asking for a reset), as plain text and as HTML with the same content (hono/jsx escapes every value).
import type { MailMessage } from '../../platform/mail/mailer.js';
import { dirOf, translator, type Lang } from '../../platform/i18n/i18n.js';

export interface AccountMailInput {
  purpose: 'invite' | 'join' | 'reset';
  lang: Lang;
  name: string;
  inviter: string;
  municipality: string;
  role: string;
  url: string;
  /** How long the link lives. */
  hours: number;
}

export async function accountMail(to: string, input: AccountMailInput): Promise<MailMessage> {
  const t = translator(input.lang);
  const vars = {
    name: input.name,
    inviter: input.inviter,
    municipality: input.municipality,
    role: input.role ? t(`roles.${input.role}`) : '',
    count: input.hours >= 24 ? Math.round(input.hours / 24) : input.hours,
  };
  const key = `accounts.mail.${input.purpose}`;
  const subject = t(`${key}.subject`, vars);
  const body = t(`${key}.body`, vars);
  const validity = t(input.hours >= 24 ? 'accounts.mail.validDays' : 'accounts.mail.validHours', vars);
  const notYou = t(`${key}.notYou`, vars);
  const text = [t('accounts.mail.greeting', vars), '', body, '', t('accounts.mail.linkIntro'), input.url, '', validity, '', notYou, '', '-- ', t('accounts.mail.footer')].join('\n');
  const html = await (
    <html lang={input.lang} dir={dirOf(input.lang)}>
      <head>
        <meta charset="utf-8" />
        <title>{subject}</title>
      </head>
      <body>
        <p>{t('accounts.mail.greeting', vars)}</p>
        <p>{body}</p>
        <p>
          {t('accounts.mail.linkIntro')}
          <br />
          <a href={input.url}>{input.url}</a>
        </p>
        <p>{validity}</p>
        <p>{notYou}</p>
        <p>
          <small>{t('accounts.mail.footer')}</small>
        </p>
      </body>
    </html>
  ).toString();
  return { to, subject, text, html: `<!doctype html>${html}` };
}
