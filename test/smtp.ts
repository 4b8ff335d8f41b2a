// A real SMTP server in the test process (smtp-server on 127.0.0.1, a free port): it accepts every message
// and keeps it, decoded enough to read subject, recipients, the text and the HTML part.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  /** Parts sent as attachments (an .ics), decoded. */
  attachments: Array<{ filename: string; contentType: string; content: string }>;
  raw: string;
}

export interface TestSmtp {
  port: number;
  mails: ReceivedMail[];
  /** Env overrides for createTestEnv that point the app at this server. */
  env: Record<string, string>;
  /** Makes the next `n` messages fail with a temporary error (451). */
  failNext(n: number): void;
  close(): Promise<void>;
}

function decodeWords(header: string): string {
  return header.replace(/=\?([^?]+)\?([BQbq])\?([^?]*)\?=\s*/g, (_m, _charset: string, enc: string, data: string) =>
    enc.toUpperCase() === 'B' ? Buffer.from(data, 'base64').toString('utf8') : decodeQuotedPrintable(data.replace(/_/g, ' ')),
  );
}

function decodeQuotedPrintable(s: string): string {
  const bytes: number[] = [];
  const text = s.replace(/=\r?\n/g, '');
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(text[i], 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

interface Part {
  headers: Record<string, string>;
  body: string;
}

function splitPart(raw: string): Part {
  const at = raw.search(/\r?\n\r?\n/);
  const head = at < 0 ? raw : raw.slice(0, at);
  const body = at < 0 ? '' : raw.slice(at).replace(/^\r?\n\r?\n/, '');
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  return { headers, body };
}

function decodeBody(p: Part): string {
  const enc = (p.headers['content-transfer-encoding'] ?? '').toLowerCase();
  if (enc === 'base64') return Buffer.from(p.body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (enc === 'quoted-printable') return decodeQuotedPrintable(p.body);
  return p.body;
}

/** The leaf parts of a MIME message, by content type. */
function leaves(p: Part, out: Part[] = []): Part[] {
  const type = p.headers['content-type'] ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (/^multipart\//i.test(type) && boundary) {
    const chunks = p.body.split(`--${boundary}`).slice(1);
    for (const chunk of chunks) {
      if (chunk.startsWith('--')) break;
      leaves(splitPart(chunk.replace(/^\r?\n/, '')), out);
    }
  } else {
    out.push(p);
  }
  return out;
}

export function parseMail(raw: string, to: string[], from: string): ReceivedMail {
  const top = splitPart(raw);
  const parts = leaves(top);
  const isAttachment = (p: Part) => /^attachment/i.test(p.headers['content-disposition'] ?? '');
  const of = (type: string) => parts.find((p) => !isAttachment(p) && (p.headers['content-type'] ?? 'text/plain').toLowerCase().startsWith(type));
  const attachments = parts.filter(isAttachment).map((p) => ({
    filename: decodeWords(/filename="?([^";]+)"?/i.exec(p.headers['content-disposition'] ?? '')?.[1] ?? ''),
    contentType: (p.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase(),
    content: decodeBody(p),
  }));
  const text = of('text/plain');
  const html = of('text/html');
  return { from, to, subject: decodeWords(top.headers.subject ?? ''), text: text ? decodeBody(text) : '', html: html ? decodeBody(html) : '', attachments, raw };
}

export async function startSmtp(): Promise<TestSmtp> {
  const mails: ReceivedMail[] = [];
  let failures = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (failures > 0) {
          failures--;
          const err = Object.assign(new Error('Vorübergehend nicht verfügbar'), { responseCode: 451 });
          return callback(err);
        }
        const to = session.envelope.rcptTo.map((r) => r.address);
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
        mails.push(parseMail(Buffer.concat(chunks).toString('utf8'), to, from));
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    mails,
    env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(port), SMTP_SECURE: 'false', MAIL_FROM: 'Kontaktstelle Integration <integration@amstadt.example>' },
    failNext(n) {
      failures = n;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
