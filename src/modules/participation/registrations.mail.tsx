// The mails to a person registered for an event, in the language they registered in: the request to confirm
// the address, the confirmation of a place (with the .ics), the waiting-list notice (with the position), the
// place after the waiting list (with the .ics), the reminder the day before (with the .ics), and the notice that
// the event is cancelled. The online link
// is only in the mails of a confirmed place. Plain text and HTML with the same content (hono/jsx escapes).
import type { MailAttachment, MailMessage } from '../../platform/mail/mailer.js';
import { dirOf, translator, type Lang } from '../../platform/i18n/i18n.js';
import { formatDate } from '../../platform/views/format.js';
import { eventWhen } from './registrations.view.js';

export type RegistrationMailKind = 'request' | 'confirmed' | 'waiting' | 'moved_up' | 'reminder' | 'event_cancelled';

export interface RegistrationMailInput {
  kind: RegistrationMailKind;
  lang: Lang;
  name: string;
  municipality: { name: string; office_name: string; contact_email: string; contact_phone: string };
  event: { title: string; starts_at: string; ends_at: string; online: boolean; place: string; accessibility: string };
  /** the page of the registration: to confirm (request), or to see its state */
  statusUrl: string;
  cancelUrl: string;
  /** waiting: the position on the list */
  position?: number;
  /** only for a confirmed place */
  onlineUrl?: string | null;
  /** when the request to confirm stops working */
  expiresAt?: string;
  ics?: string;
}

export async function registrationMail(to: string, input: RegistrationMailInput): Promise<MailMessage> {
  const t = translator(input.lang);
  const k = `participation.registrations.mail.${input.kind}`;
  const m = input.municipality;
  const office = m.office_name ? `${m.office_name}, ${m.name}` : m.name;
  const vars = { name: input.name, event: input.event.title, position: input.position ?? 0, office, expires: input.expiresAt ? formatDate(input.expiresAt, input.lang) : '' };
  const subject = t(`${k}.subject`, vars);
  const when = eventWhen(input.event, input.lang);
  const where = input.event.online ? t('participation.registrations.mail.online') : input.event.place;
  const details: Array<[string, string]> = [
    [t('participation.registrations.mail.when'), when],
    [t('participation.registrations.mail.where'), where],
    ...(input.event.accessibility && !input.event.online ? [[t('participation.registrations.mail.accessibility'), input.event.accessibility] as [string, string]] : []),
    ...(input.onlineUrl ? [[t('participation.registrations.mail.onlineLink'), input.onlineUrl] as [string, string]] : []),
  ];
  const body = t(`${k}.body`, vars);
  const action: { intro: string; url: string } =
    input.kind === 'request'
      ? { intro: t('participation.registrations.mail.confirmIntro'), url: input.statusUrl }
      : input.kind === 'event_cancelled'
        ? { intro: t('participation.registrations.mail.statusIntro'), url: input.statusUrl }
        : { intro: t('participation.registrations.mail.cancelIntro'), url: input.cancelUrl };
  const withStatus = input.kind !== 'request' && input.kind !== 'event_cancelled';
  const after = input.kind === 'request' ? t('participation.registrations.mail.request.validity', vars) : input.ics ? t('participation.registrations.mail.icsNote') : '';
  const contact = [m.contact_email, m.contact_phone].filter(Boolean).join(', ');
  const notYou = input.kind === 'request' ? t('participation.registrations.mail.request.notYou') : '';
  const text = [
    t('participation.registrations.mail.greeting', vars),
    '',
    body,
    '',
    ...details.map(([label, value]) => `${label}: ${value}`),
    '',
    action.intro,
    action.url,
    ...(withStatus ? ['', t('participation.registrations.mail.statusIntro'), input.statusUrl] : []),
    ...(after ? ['', after] : []),
    ...(notYou ? ['', notYou] : []),
    ...(contact ? ['', t('participation.registrations.mail.contact', { contact })] : []),
    '',
    t('participation.registrations.mail.closing'),
    office,
  ].join('\n');
  const html = await (
    <html lang={input.lang} dir={dirOf(input.lang)}>
      <head>
        <meta charset="utf-8" />
        <title>{subject}</title>
      </head>
      <body>
        <p>{t('participation.registrations.mail.greeting', vars)}</p>
        <p>{body}</p>
        <ul>
          {details.map(([label, value]) => (
            <li>
              {label}: {value}
            </li>
          ))}
        </ul>
        <p>
          {action.intro}
          <br />
          <a href={action.url}>{action.url}</a>
        </p>
        {withStatus ? (
          <p>
            {t('participation.registrations.mail.statusIntro')}
            <br />
            <a href={input.statusUrl}>{input.statusUrl}</a>
          </p>
        ) : null}
        {after ? <p>{after}</p> : null}
        {notYou ? <p>{notYou}</p> : null}
        {contact ? <p>{t('participation.registrations.mail.contact', { contact })}</p> : null}
        <p>
          {t('participation.registrations.mail.closing')}
          <br />
          {office}
        </p>
      </body>
    </html>
  ).toString();
  const attachments: MailAttachment[] = input.ics ? [{ filename: 'veranstaltung.ics', content: input.ics, contentType: 'text/calendar; charset=utf-8; method=PUBLISH' }] : [];
  return { to, subject, text, html: `<!doctype html>${html}`, attachments };
}
