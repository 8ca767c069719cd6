/**
 * A local SMTP server that plays the relay in tests and the benchmark: it records (or just
 * counts) what it accepts, and can answer a chosen reply instead, per message.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

interface SinkMessage {
  mailFrom: string | null;
  rcptTo: string[];
  raw: string;
}

export interface SmtpSink {
  port: number;
  url: string;
  /** Messages accepted (empty when `keep` is false). */
  messages: SinkMessage[];
  /** Messages accepted, and DATA transactions seen (accepted or not). */
  accepted: number;
  attempts: number;
  close(): Promise<void>;
}

export interface SinkOptions {
  /** Keep each accepted message's envelope and source (tests); false only counts (benchmark). */
  keep?: boolean;
  /**
   * Called for each DATA transaction (1-based over the sink's life): return an SMTP code to
   * refuse with (e.g. 451, 550), or null to accept.
   */
  reply?: (attempt: number, raw: string) => number | null;
  /** Delay before answering each message, in ms. */
  delayMs?: number;
}

export async function startSmtpSink(options: SinkOptions = {}): Promise<SmtpSink> {
  const keep = options.keep ?? true;
  const sink: SmtpSink = { port: 0, url: '', messages: [], accepted: 0, attempts: 0, close: async () => {} };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    maxClients: 100,
    closeTimeout: 1000,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => {
        if (keep || options.reply) chunks.push(c);
      });
      stream.once('end', () => {
        sink.attempts += 1;
        const raw = Buffer.concat(chunks).toString('utf8');
        const code = options.reply?.(sink.attempts, raw) ?? null;
        const answer = () => {
          if (code !== null)
            return callback(
              Object.assign(new Error(code >= 500 ? `Mailbox unavailable for ${session.envelope.rcptTo[0]?.address ?? ''}` : 'Try again later'), {
                responseCode: code,
              }),
            );
          sink.accepted += 1;
          if (keep) {
            sink.messages.push({
              mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
              rcptTo: session.envelope.rcptTo.map((r) => r.address),
              raw,
            });
          }
          callback(null, 'OK');
        };
        if (options.delayMs) setTimeout(answer, options.delayMs);
        else answer();
      });
    },
  });
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  sink.port = (server.server.address() as AddressInfo).port;
  sink.url = `smtp://127.0.0.1:${sink.port}`;
  sink.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return sink;
}

/** The unfolded value of one header in a raw message (first occurrence), or null. */
export function headerOf(raw: string, name: string): string | null {
  const head = raw.split(/\r?\n\r?\n/, 1)[0] ?? '';
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const line = unfolded.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line ? line.slice(name.length + 1).trim() : null;
}
