// The mails to a resident who asked for an answer, in the language they wrote in: the link that confirms their
// address (double opt-in), and the city's answer. Plain text and HTML with the same content (hono/jsx escapes).
import { dirOf, translator, type Lang } from '../../platform/i18n/i18n.js';
import type { MailMessage } from '../../platform/mail/mailer.js';

interface MailInput {
  lang: Lang;
  municipalityName: string;
  url: string;
  excerpt: string;
}

const short = (text: string) => (text.length > 200 ? `${text.slice(0, 199)}…` : text);

async function mail(to: string, lang: Lang, subject: string, paragraphs: string[], url: string): Promise<MailMessage> {
  const text = [...paragraphs.flatMap((p) => [p, '']), url].join('\n');
  const html = await (
    <html lang={lang} dir={dirOf(lang)}>
      <head>
        <meta charset="utf-8" />
        <title>{subject}</title>
      </head>
      <body>
        {paragraphs.map((p) => <p style="white-space: pre-line">{p}</p>)}
        <p><a href={url}>{url}</a></p>
      </body>
    </html>
  ).toString();
  return { to, subject, text, html: `<!doctype html>${html}` };
}

export function confirmMail(to: string, input: MailInput): Promise<MailMessage> {
  const t = translator(input.lang);
  const k = 'ideas.mail';
  return mail(to, input.lang, t(`${k}.confirmSubject`, { municipality: input.municipalityName }), [t(`${k}.confirmIntro`, { municipality: input.municipalityName }), t(`${k}.quoted`, { text: short(input.excerpt) }), t(`${k}.confirmLink`)], input.url);
}

export function answerMail(to: string, input: MailInput & { answer: string }): Promise<MailMessage> {
  const t = translator(input.lang);
  const k = 'ideas.mail';
  return mail(to, input.lang, t(`${k}.answerSubject`, { municipality: input.municipalityName }), [t(`${k}.answerIntro`, { municipality: input.municipalityName }), t(`${k}.quoted`, { text: short(input.excerpt) }), `${t('ideas.answer.label')}:`, input.answer, t(`${k}.answerLink`)], input.url);
}
