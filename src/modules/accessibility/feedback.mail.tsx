// The mail that brings a resident's feedback on a barrier to the statement's feedback contact, in the language
// the officer chose for it: the page, the problem, and how to answer (or that no answer was asked for), with a
// link to the list in the admin area. Plain text and HTML with the same content (hono/jsx escapes).
import { dirOf, translator, type Lang } from '../../platform/i18n/i18n.js';
import type { MailMessage } from '../../platform/mail/mailer.js';
import { formatDate } from '../../platform/views/format.js';

export interface FeedbackMailInput {
  lang: Lang;
  municipalityName: string;
  page: string;
  problem: string;
  name: string;
  email: string;
  createdAt: string;
  listUrl: string;
}

export async function feedbackMail(to: string, input: FeedbackMailInput): Promise<MailMessage> {
  const t = translator(input.lang);
  const k = 'accessibility.mail';
  const subject = t(`${k}.subject`, { municipality: input.municipalityName });
  const sender = [input.name, input.email].filter(Boolean).join(', ');
  const details: Array<[string, string]> = [
    [t(`${k}.received`), formatDate(input.createdAt, input.lang)],
    [t(`${k}.page`), input.page || t(`${k}.noPage`)],
    [t(`${k}.sender`), sender || t(`${k}.anonymous`)],
  ];
  const answer = input.email ? t(`${k}.answerTo`, { email: input.email }) : t(`${k}.noAnswer`);
  const text = [
    t(`${k}.intro`, { municipality: input.municipalityName }),
    '',
    ...details.map(([label, value]) => `${label}: ${value}`),
    '',
    `${t(`${k}.problem`)}:`,
    input.problem,
    '',
    answer,
    '',
    t(`${k}.listIntro`),
    input.listUrl,
  ].join('\n');
  const html = await (
    <html lang={input.lang} dir={dirOf(input.lang)}>
      <head>
        <meta charset="utf-8" />
        <title>{subject}</title>
      </head>
      <body>
        <p>{t(`${k}.intro`, { municipality: input.municipalityName })}</p>
        <ul>
          {details.map(([label, value]) => (
            <li>
              {label}: {value}
            </li>
          ))}
        </ul>
        <p>{t(`${k}.problem`)}:</p>
        <p style="white-space: pre-line">{input.problem}</p>
        <p>{answer}</p>
        <p>
          {t(`${k}.listIntro`)}
          <br />
          <a href={input.listUrl}>{input.listUrl}</a>
        </p>
      </body>
    </html>
  ).toString();
  return { to, subject, text, html: `<!doctype html>${html}` };
}
