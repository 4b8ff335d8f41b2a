// The mails of following, in the subscriber's language: the request to confirm the address, and the digest (status
// changes with their public notes, events announced or changed), each with its one-click unsubscribe link (also
// as List-Unsubscribe header for mail programs, which open it like the link). Plain text and HTML with the same content (hono/jsx escapes).
import { dirOf, translator, type Lang } from '../../platform/i18n/i18n.js';
import type { MailMessage } from '../../platform/mail/mailer.js';
import { formatDate } from '../../platform/views/format.js';
import type { AnswerItem, EventItem, NoteItem, StatusItem } from './follow.repository.js';

export interface SubjectText {
  /** "Handlungsfeld „Bildung“", "Maßnahme 1.2 Sprachkurse" */
  label: string;
  url: string;
}

async function mail(lang: Lang, to: string, subject: string, paragraphs: Array<string | { href: string; text: string } | { list: string[] }>, unsubscribeUrl: string | null): Promise<MailMessage> {
  const text = paragraphs
    .map((p) => (typeof p === 'string' ? p : 'href' in p ? `${p.text}\n${p.href}` : p.list.map((line) => `- ${line}`).join('\n')))
    .join('\n\n');
  const html = await (
    <html lang={lang} dir={dirOf(lang)}>
      <head>
        <meta charset="utf-8" />
        <title>{subject}</title>
      </head>
      <body>
        {paragraphs.map((p) =>
          typeof p === 'string' ? (
            <p style="white-space: pre-line">{p}</p>
          ) : 'href' in p ? (
            <p>
              <a href={p.href}>{p.text}</a>
            </p>
          ) : (
            <ul>
              {p.list.map((line) => (
                <li style="white-space: pre-line">{line}</li>
              ))}
            </ul>
          ),
        )}
      </body>
    </html>
  );
  return {
    to,
    subject,
    text,
    html: `<!doctype html>${html}`,
    ...(unsubscribeUrl ? { headers: { 'List-Unsubscribe': `<${unsubscribeUrl}>` } } : {}),
  };
}

export function confirmMail(to: string, lang: Lang, input: { municipalityName: string; subject: SubjectText; confirmUrl: string; hours: number }): Promise<MailMessage> {
  const t = translator(lang);
  const k = 'follow.mail.confirm';
  return mail(
    lang,
    to,
    t(`${k}.subject`, { municipality: input.municipalityName }),
    [t(`${k}.intro`, { subject: input.subject.label, municipality: input.municipalityName }), { href: input.confirmUrl, text: t(`${k}.link`) }, t(`${k}.expiry`, { count: input.hours }), t(`${k}.notYou`)],
    null,
  );
}

export function digestMail(
  to: string,
  lang: Lang,
  input: {
    municipalityName: string; subject: SubjectText; statuses: StatusItem[]; notes: NoteItem[]; events: EventItem[]; answers: AnswerItem[];
    measureUrl: (id: number) => string; eventUrl: (id: number) => string; answerUrl: (a: AnswerItem) => string; unsubscribeUrl: string;
  },
): Promise<MailMessage> {
  const t = translator(lang);
  const k = 'follow.mail.digest';
  const measureName = (m: { number: string | null; text: string }) => t('follow.subjectLabel.measure', { name: m.number ? `${m.number} ${m.text}` : m.text });
  const statusLines = input.statuses.map((s) => {
    const head = t(`${k}.status`, { measure: measureName(s), status: s.toLabel, date: formatDate(s.at, lang) });
    return [head, s.note ? t(`${k}.note`, { note: s.note }) : '', input.measureUrl(s.measureId)].filter(Boolean).join('\n');
  });
  const noteLines = input.notes.map((n) => [t(`${k}.noteAdded`, { measure: measureName(n), date: formatDate(n.at, lang) }), n.note, input.measureUrl(n.measureId)].join('\n'));
  const eventLines = input.events.map((e) => [t(e.state === 'cancelled' ? `${k}.eventCancelled` : `${k}.event`, { title: e.title, date: formatDate(e.startsAt, lang) }), input.eventUrl(e.eventId)].join('\n'));
  const answerLines = input.answers.map((a) => [a.kind === 'idea' ? t(`${k}.answerIdea`, { title: a.title, date: formatDate(a.at, lang) }) : t(`${k}.answerComment`, { date: formatDate(a.at, lang) }), a.answer, input.answerUrl(a)].join('\n'));
  const parts: Array<string | { href: string; text: string } | { list: string[] }> = [t(`${k}.intro`, { subject: input.subject.label, municipality: input.municipalityName })];
  if (statusLines.length > 0) parts.push(t(`${k}.statuses`, { count: statusLines.length }), { list: statusLines });
  if (noteLines.length > 0) parts.push(t(`${k}.notes`, { count: noteLines.length }), { list: noteLines });
  if (eventLines.length > 0) parts.push(t(`${k}.events`, { count: eventLines.length }), { list: eventLines });
  if (answerLines.length > 0) parts.push(t(`${k}.answers`, { count: answerLines.length }), { list: answerLines });
  parts.push({ href: input.subject.url, text: t(`${k}.open`) }, t(`${k}.why`, { subject: input.subject.label }), { href: input.unsubscribeUrl, text: t(`${k}.unsubscribe`) });
  return mail(lang, to, t(`${k}.subject`, { subject: input.subject.label, municipality: input.municipalityName }), parts, input.unsubscribeUrl);
}
