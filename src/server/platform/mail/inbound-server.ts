/**
 * The inbound SMTP server (smtp-server + mailparser): receives replies and new posts sent to
 * addresses at MAIL_DOMAIN and hands each message, parsed into a plain `InboundMail`, to a
 * handler. It knows nothing of groups or tokens: `acceptsRecipient` and `onMail` do.
 *
 * SMTP answers: a recipient outside the domain or not accepted → 550; a message over
 * `maxBytes` → 552; a handler that throws → 451 (temporary: the sending MTA tries again
 * later, so a database hiccup loses nothing; handlers must therefore be idempotent, e.g.
 * keyed by Message-ID).
 */
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerAddress, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { LOOP_HEADER } from './outbox-writer.ts';

export interface InboundMail {
  /** MAIL FROM; null for the null sender `<>` (bounces and other reports). */
  envelopeFrom: string | null;
  /** The From header. */
  from: { address: string; name: string } | null;
  /** The envelope recipients we accepted (at MAIL_DOMAIN), lower-cased domain, in order. */
  to: string[];
  subject: string;
  /** Plain text; made from the HTML part when the message has none. */
  text: string;
  html: string | null;
  /** Ids without angle brackets. */
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  /** Raw header values, trimmed; null when absent. */
  autoSubmitted: string | null;
  precedence: string | null;
  /** Carries our X-Entraide-Loop header: mail we sent, come back. */
  isLoop: boolean;
  /** A few raw headers, names lower-cased (see KEPT_HEADERS). */
  headers: Record<string, string>;
  /** The Date header as an ISO instant, when it parses. */
  date: string | null;
}

export interface InboundServerOptions {
  /** 0 picks a free port (tests). */
  port: number;
  host: string;
  /** Largest message accepted, in bytes (SIZE is advertised). */
  maxBytes: number;
  /** MAIL_DOMAIN: recipients elsewhere are refused. */
  domain: string;
  /** Whether this address (already known to be at `domain`) receives mail. */
  acceptsRecipient(address: string): Promise<boolean>;
  onMail(mail: InboundMail): Promise<void>;
  log: { info?(obj: object, msg: string): void; warn(obj: object, msg: string): void };
  /**
   * A certificate for STARTTLS. Without one STARTTLS is not offered at all: smtp-server
   * would otherwise present its built-in self-signed certificate, which protects nothing
   * and only makes strict senders fail. The server is meant to sit behind the host's MTA
   * or on a private port; nothing here reads it from the environment yet.
   */
  tls?: { key: string | Buffer; cert: string | Buffer };
  /** Recipients per message; default 20. */
  maxRecipients?: number;
}

export interface InboundServer {
  port: number;
  close(): Promise<void>;
}

/** Headers kept in InboundMail.headers: what deciding "automatic or not" and tracing need. */
const KEPT_HEADERS = [
  'auto-submitted',
  'precedence',
  'x-autoreply',
  'x-autorespond',
  'x-auto-response-suppress',
  'x-loop',
  LOOP_HEADER.toLowerCase(),
  'list-id',
  'list-unsubscribe',
  'return-path',
  'content-type',
  'x-failed-recipients',
] as const;

function smtpError(code: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode: code });
}

function stripBrackets(id: string): string {
  return id
    .trim()
    .replace(/^<(.*)>$/, '$1')
    .trim();
}

/** Every `<id>` in a header value (References may hold many, In-Reply-To sometimes junk around one). */
function messageIdsIn(value: string | string[] | undefined): string[] {
  const text = Array.isArray(value) ? value.join(' ') : (value ?? '');
  const bracketed = [...text.matchAll(/<([^<>\s]+)>/g)].map((m) => m[1]!);
  if (bracketed.length > 0) return bracketed;
  return text
    .split(/\s+/)
    .map(stripBrackets)
    .filter((id) => id.includes('@'));
}

function rawHeaders(parsed: ParsedMail): Record<string, string> {
  const out: Record<string, string> = {};
  const wanted = new Set<string>(KEPT_HEADERS);
  for (const { key, line } of parsed.headerLines ?? []) {
    if (!wanted.has(key) || key in out) continue;
    const colon = line.indexOf(':');
    out[key] = line
      .slice(colon + 1)
      .replace(/\r?\n[ \t]+/g, ' ')
      .trim()
      .slice(0, 1000);
  }
  return out;
}

/** The parsed message as the handler sees it. */
function toInboundMail(parsed: ParsedMail, envelope: { from: string | null; to: string[] }): InboundMail {
  const headers = rawHeaders(parsed);
  const sender = parsed.from?.value[0];
  const date = parsed.date && !Number.isNaN(parsed.date.getTime()) ? parsed.date.toISOString() : null;
  return {
    envelopeFrom: envelope.from,
    from: sender?.address ? { address: sender.address, name: sender.name ?? '' } : null,
    to: envelope.to,
    subject: parsed.subject ?? '',
    text: parsed.text ?? '',
    html: typeof parsed.html === 'string' ? parsed.html : null,
    messageId: parsed.messageId ? stripBrackets(parsed.messageId) || null : null,
    inReplyTo: messageIdsIn(parsed.inReplyTo)[0] ?? null,
    references: messageIdsIn(parsed.references),
    autoSubmitted: headers['auto-submitted'] ?? null,
    precedence: headers.precedence ?? null,
    isLoop: LOOP_HEADER.toLowerCase() in headers,
    headers,
    date,
  };
}

/** Lower-cases the domain only: local parts are case-sensitive (our tokens are). */
function normalizeAddress(address: string): string {
  const at = address.lastIndexOf('@');
  return at < 0 ? address : `${address.slice(0, at)}@${address.slice(at + 1).toLowerCase()}`;
}

export async function startInboundServer(options: InboundServerOptions): Promise<InboundServer> {
  const { log } = options;
  const domain = options.domain.toLowerCase();
  const maxRecipients = options.maxRecipients ?? 20;
  if (!(Number.isInteger(options.maxBytes) && options.maxBytes > 0)) throw new RangeError('maxBytes must be a positive integer');

  const server = new SMTPServer({
    name: domain,
    banner: 'Entraide',
    size: options.maxBytes,
    // Nobody signs in here: the recipient address itself (a signed token, a group's
    // address) says what a message may do.
    authOptional: true,
    disabledCommands: options.tls ? ['AUTH'] : ['AUTH', 'STARTTLS'],
    ...(options.tls ? { key: options.tls.key, cert: options.tls.cert } : {}),
    logger: false,
    maxClients: 50,
    socketTimeout: 60_000,
    closeTimeout: 5_000,

    onRcptTo(address: SMTPServerAddress, session: SMTPServerSession, callback: (err?: Error | null) => void) {
      const recipient = normalizeAddress(address.address);
      if (session.envelope.rcptTo.length >= maxRecipients) return callback(smtpError(452, 'Too many recipients'));
      if (!recipient.toLowerCase().endsWith(`@${domain}`)) return callback(smtpError(550, 'No such recipient here'));
      options.acceptsRecipient(recipient).then(
        (ok) => callback(ok ? null : smtpError(550, 'No such recipient here')),
        (err: unknown) => {
          log.warn({ error: err instanceof Error ? err.name : 'unknown' }, 'inbound recipient check failed');
          callback(smtpError(451, 'Temporary failure, try again later'));
        },
      );
    },

    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback: (err?: Error | null, message?: string) => void) {
      const chunks: Buffer[] = [];
      let bytes = 0;
      // Keep reading past the limit (the client is still sending) but stop storing.
      stream.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        if (bytes <= options.maxBytes) chunks.push(chunk);
      });
      stream.once('error', () => callback(smtpError(451, 'Temporary failure, try again later')));
      stream.once('end', () => {
        // smtp-server answers 552 itself for an oversized message; say so anyway.
        if (stream.sizeExceeded || bytes > options.maxBytes) return callback(smtpError(552, 'Message exceeds the maximum size'));
        void (async () => {
          const parsed = await simpleParser(Buffer.concat(chunks), { skipTextToHtml: true, skipImageLinks: true, maxHtmlLengthToParse: options.maxBytes });
          const from = session.envelope.mailFrom ? session.envelope.mailFrom.address || null : null;
          const to = session.envelope.rcptTo.map((r) => normalizeAddress(r.address));
          await options.onMail(toInboundMail(parsed, { from, to }));
        })().then(
          () => callback(null, 'OK: message accepted'),
          (err: unknown) => {
            // Name only: messages of parse or handler errors may quote the mail or addresses.
            log.warn({ error: err instanceof Error ? err.name : 'unknown' }, 'inbound mail handler failed; answered 451');
            callback(smtpError(451, 'Temporary failure, try again later'));
          },
        );
      });
    },
  });
  server.on('error', (err: Error) => log.warn({ error: err.name }, 'inbound SMTP connection error'));

  await new Promise<void>((resolve, reject) => {
    const onError = (err: Error) => reject(err);
    server.server.once('error', onError);
    server.listen(options.port, options.host, () => {
      server.server.off('error', onError);
      resolve();
    });
  });
  const port = (server.server.address() as AddressInfo).port;
  log.info?.({ port, host: options.host }, 'inbound SMTP server listening');
  return {
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The two callbacks a module supplies to receive mail (app.ts → main.ts). */
export type InboundMailHandler = Pick<InboundServerOptions, 'acceptsRecipient' | 'onMail'>;
