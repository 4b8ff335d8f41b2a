// Outgoing mail over SMTP (nodemailer), configured once from the config. Without SMTP_HOST the mailer says
// so (configured = false) and refuses to send; callers then show the officer what to hand over instead.
import nodemailer, { type Transporter } from 'nodemailer';
import type { Config } from '../config.js';

export interface MailMessage {
  /** Further headers (List-Unsubscribe: the address that ends a subscription). */
  headers?: Record<string, string>;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Files sent along (an event's .ics). */
  attachments?: MailAttachment[];
}

export interface MailAttachment {
  filename: string;
  content: string;
  contentType: string;
}

export interface Mailer {
  readonly configured: boolean;
  send(message: MailMessage): Promise<void>;
  close(): void;
}

export class MailNotConfiguredError extends Error {
  constructor() {
    super('SMTP ist nicht eingerichtet (SMTP_HOST)');
  }
}

export function createMailer(config: Pick<Config, 'smtp' | 'mailFrom'>): Mailer {
  const smtp = config.smtp;
  if (!smtp) {
    return {
      configured: false,
      send: () => Promise.reject(new MailNotConfiguredError()),
      close: () => undefined,
    };
  }
  const transport: Transporter = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    auth: smtp.user ? { user: smtp.user, pass: smtp.password ?? '' } : undefined,
    // One connection per message: mail goes out a few dozen at a time, from jobs that may run minutes apart.
    pool: false,
    connectionTimeout: 20_000,
    greetingTimeout: 20_000,
    socketTimeout: 60_000,
  });
  return {
    configured: true,
    async send(message) {
      await transport.sendMail({ from: config.mailFrom, to: message.to, subject: message.subject, text: message.text, html: message.html, ...(message.attachments?.length ? { attachments: message.attachments } : {}), ...(message.headers ? { headers: message.headers } : {}) });
    },
    close: () => transport.close(),
  };
}
