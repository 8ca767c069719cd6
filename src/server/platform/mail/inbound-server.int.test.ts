import net from 'node:net';
import nodemailer from 'nodemailer';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startInboundServer, type InboundMail, type InboundServer, type InboundServerOptions } from './inbound-server.ts';
import { isAutomatic } from './reply-text.ts';

const DOMAIN = 'entraide.test';
const MAX_BYTES = 64 * 1024;

function silentLog() {
  const entries: { obj: object; msg: string }[] = [];
  const record = (obj: object, msg: string) => void entries.push({ obj, msg });
  return { entries, info: record, warn: record };
}

const CONTENT = '\u0000';

/**
 * A bare SMTP conversation: sends each line after the previous reply and returns every
 * reply's full text (multi-line replies joined). The first reply is the greeting.
 */
async function talk(port: number, lines: string[]): Promise<string[]> {
  const socket = net.connect(port, '127.0.0.1');
  socket.setEncoding('utf8');
  const replies: string[] = [];
  let buffer = '';
  let current: string[] = [];
  let waiting: (() => void) | null = null;
  socket.on('data', (chunk: string) => {
    buffer += chunk;
    let nl: number;
    while ((nl = buffer.indexOf('\r\n')) >= 0) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 2);
      current.push(line);
      if (/^\d{3} /.test(line) || /^\d{3}$/.test(line)) {
        replies.push(current.join('\n'));
        current = [];
        waiting?.();
      }
    }
  });
  const nextReply = (count: number) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no SMTP reply after ${replies.join(' | ')}`)), 10_000);
      const check = () => {
        if (replies.length >= count) {
          clearTimeout(timer);
          waiting = null;
          resolve();
        }
      };
      waiting = check;
      check();
    });
  await nextReply(1);
  for (const line of lines) {
    // A line marked with a leading NUL is message content: no reply until the final ".".
    const content = line.startsWith(CONTENT);
    socket.write(`${content ? line.slice(1) : line}\r\n`);
    if (!content) await nextReply(replies.length + 1);
  }
  socket.end();
  return replies;
}

describe('inbound SMTP server', () => {
  let server: InboundServer | null;
  let received: InboundMail[];
  let log: ReturnType<typeof silentLog>;
  const known = new Set([`reply+abc.def@${DOMAIN}`, `carers@${DOMAIN}`]);

  async function start(overrides: Partial<InboundServerOptions> = {}): Promise<InboundServer> {
    server = await startInboundServer({
      port: 0,
      host: '127.0.0.1',
      maxBytes: MAX_BYTES,
      domain: DOMAIN,
      acceptsRecipient: async (address) => known.has(address),
      onMail: async (mail) => void received.push(mail),
      log,
      ...overrides,
    });
    return server;
  }
  const client = (port: number) => nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });

  beforeEach(() => {
    server = null;
    received = [];
    log = silentLog();
  });
  afterEach(async () => {
    await server?.close();
  });

  it('hands a real message, parsed, to the handler', async () => {
    const { port } = await start();
    const info = await client(port).sendMail({
      from: { name: 'Zoé O’Neil', address: 'zoe@example.org' },
      to: `reply+abc.def@${DOMAIN}`,
      subject: 'Re: Réunion de jeudi',
      text: 'Merci, à jeudi !\n\nLe 1 mars 2030 à 10:00, Entraide a écrit :\n> Bonjour',
      html: '<p>Merci, à jeudi !</p>',
      messageId: '<m1@example.org>',
      inReplyTo: '<c1.u1@entraide.test>',
      references: ['<t1@entraide.test>', '<c1.u1@entraide.test>'],
    });
    expect(info.accepted).toEqual([`reply+abc.def@${DOMAIN}`]);
    expect(received).toHaveLength(1);
    const mail = received[0]!;
    expect(mail).toMatchObject({
      envelopeFrom: 'zoe@example.org',
      from: { address: 'zoe@example.org', name: 'Zoé O’Neil' },
      to: [`reply+abc.def@${DOMAIN}`],
      subject: 'Re: Réunion de jeudi',
      messageId: 'm1@example.org',
      inReplyTo: 'c1.u1@entraide.test',
      references: ['t1@entraide.test', 'c1.u1@entraide.test'],
      autoSubmitted: null,
      precedence: null,
      isLoop: false,
    });
    expect(mail.text).toContain('Merci, à jeudi !');
    expect(mail.html).toContain('<p>Merci, à jeudi !</p>');
    expect(isAutomatic(mail)).toBe(false);
  });

  it('keeps the case of the local part (tokens are case-sensitive) and lower-cases the domain', async () => {
    known.add(`reply+AbC.dEf@${DOMAIN}`);
    const { port } = await start();
    await client(port).sendMail({ from: 'a@example.org', to: `reply+AbC.dEf@ENTRAIDE.test`, subject: 'x', text: 'x' });
    expect(received[0]!.to).toEqual([`reply+AbC.dEf@${DOMAIN}`]);
  });

  it('makes text from an HTML-only message', async () => {
    const { port } = await start();
    await client(port).sendMail({
      from: 'a@example.org',
      to: `carers@${DOMAIN}`,
      subject: 'HTML only',
      html: '<p>Hello <b>all</b></p><script>alert(1)</script>',
    });
    expect(received[0]!.text).toContain('Hello');
    expect(received[0]!.text).toContain('all');
  });

  it('sees our loop marker and automatic replies', async () => {
    const { port } = await start();
    await client(port).sendMail({ from: 'a@example.org', to: `carers@${DOMAIN}`, subject: 'loop', text: 'x', headers: { 'X-Entraide-Loop': DOMAIN } });
    await client(port).sendMail({
      from: 'a@example.org',
      to: `carers@${DOMAIN}`,
      subject: 'Out of office',
      text: 'x',
      headers: { 'Auto-Submitted': 'auto-replied', Precedence: 'bulk' },
    });
    await client(port).sendMail({ from: 'a@example.org', to: `carers@${DOMAIN}`, subject: 'Absence', text: 'x', headers: { 'X-Autoreply': 'yes' } });
    expect(received.map((m) => [m.isLoop, m.autoSubmitted, m.precedence, isAutomatic(m)])).toEqual([
      [true, null, null, true],
      [false, 'auto-replied', 'bulk', true],
      [false, null, null, true],
    ]);
    expect(received[2]!.headers['x-autoreply']).toBe('yes');
  });

  it('refuses recipients it does not know (550) and outside its domain (550), without calling the handler', async () => {
    const asked: string[] = [];
    const { port } = await start({ acceptsRecipient: async (a) => (asked.push(a), known.has(a)) });
    await expect(client(port).sendMail({ from: 'a@example.org', to: `stranger@${DOMAIN}`, subject: 'x', text: 'x' })).rejects.toMatchObject({
      responseCode: 550,
    });
    await expect(client(port).sendMail({ from: 'a@example.org', to: 'someone@example.net', subject: 'x', text: 'x' })).rejects.toMatchObject({
      responseCode: 550,
    });
    expect(asked).toEqual([`stranger@${DOMAIN}`]);
    expect(received).toEqual([]);
  });

  it('refuses a message over the size limit with 552, declared or not', async () => {
    const { port } = await start();
    const big = 'x'.repeat(MAX_BYTES + 1000);
    await expect(client(port).sendMail({ from: 'a@example.org', to: `carers@${DOMAIN}`, subject: 'big', text: big })).rejects.toMatchObject({
      responseCode: 552,
    });
    // Without a SIZE parameter the limit is enforced on the data itself.
    const lines = ['EHLO client.example.org', 'MAIL FROM:<a@example.org>', `RCPT TO:<carers@${DOMAIN}>`, 'DATA'];
    const body = ['Subject: big', '', ...Array.from({ length: Math.ceil((MAX_BYTES + 1000) / 1000) }, () => 'y'.repeat(998))];
    const replies = await talk(port, [...lines, ...body.map((l) => `${CONTENT}${l}`), '.', 'QUIT']);
    expect(replies.some((r) => r.startsWith('552'))).toBe(true);
    expect(received).toEqual([]);
  });

  it('answers 451 when the handler or the recipient check fails, so the sender retries', async () => {
    let fail = true;
    const { port } = await start({
      onMail: async (mail) => {
        if (fail) throw new Error(`database away for ${mail.envelopeFrom}`);
        received.push(mail);
      },
    });
    await expect(client(port).sendMail({ from: 'a@example.org', to: `carers@${DOMAIN}`, subject: 'x', text: 'x' })).rejects.toMatchObject({
      responseCode: 451,
    });
    fail = false;
    await client(port).sendMail({ from: 'a@example.org', to: `carers@${DOMAIN}`, subject: 'x', text: 'x' });
    expect(received).toHaveLength(1);
    expect(JSON.stringify(log.entries)).not.toContain('a@example.org');
    await server!.close();
    server = null;
    const second = await start({ acceptsRecipient: async () => Promise.reject(new Error('down')) });
    await expect(client(second.port).sendMail({ from: 'a@example.org', to: `carers@${DOMAIN}`, subject: 'x', text: 'x' })).rejects.toMatchObject({
      responseCode: 451,
    });
  });

  it('offers neither AUTH nor STARTTLS, and takes the null sender of bounces', async () => {
    const { port } = await start();
    const replies = await talk(port, [
      'EHLO client.example.org',
      'MAIL FROM:<>',
      `RCPT TO:<carers@${DOMAIN}>`,
      'DATA',
      '\u0000Subject: Undelivered Mail Returned to Sender',
      '\u0000Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
      '\u0000',
      '\u0000--b',
      '\u0000Content-Type: text/plain',
      '\u0000',
      '\u0000Delivery failed.',
      '\u0000--b--',
      '.',
      'QUIT',
    ]);
    const ehlo = replies[1]!;
    expect(ehlo).not.toMatch(/STARTTLS/);
    expect(ehlo).not.toMatch(/AUTH/);
    expect(ehlo).toMatch(/SIZE 65536/);
    expect(replies.some((r) => r.startsWith('250') && r.includes('accepted'))).toBe(true);
    expect(received).toHaveLength(1);
    expect(received[0]!.envelopeFrom).toBeNull();
    expect(isAutomatic(received[0]!)).toBe(true);
  });
});
