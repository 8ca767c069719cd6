/**
 * The e-mail group from a mail client's point of view: posts go out through a real SMTP relay
 * (a local sink) with list and threading headers, replies come back through the real inbound
 * SMTP server and post as comments, and one-click unsubscribe works without an account.
 */
import { simpleParser } from 'mailparser';
import nodemailer from 'nodemailer';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp, type BuiltApp } from '../../app.ts';
import { startInboundServer, type InboundServer } from '../../platform/mail/inbound-server.ts';
import { headerOf, startSmtpSink, type SmtpSink } from '../../platform/mail/smtp-sink.test-support.ts';
import { fixedClock } from '../../platform/clock.ts';
import { testDialects } from '../../../../tests/support/databases.ts';
import { TestClient, testConfig, type Caller } from '../../../../tests/support/http.ts';
import { buildWorld, postComment, postThread, type World } from '../discussions/discussions.test-support.ts';
import { titleFromSubject } from './email-group.service.ts';
import { HOSTILE_STRINGS } from '../../../../tests/support/hostile-strings.ts';

const DOMAIN = 'entraide.test';

describe.each(testDialects())('the e-mail group on $dialect', ({ open }) => {
  let sink: SmtpSink;
  let built: BuiltApp;
  let t: TestClient;
  let inbound: InboundServer;
  let w: World;
  let clock: ReturnType<typeof fixedClock>;

  beforeEach(async () => {
    sink = await startSmtpSink();
    const db = await open();
    // A Saturday evening in UTC, the night Europe's clocks change: digests and sweeps run when the test says.
    clock = fixedClock('2027-03-27T20:00:00Z');
    built = await buildApp(testConfig({ smtpUrl: sink.url, mailDomain: DOMAIN }), db, { clock, validateResponses: true });
    await built.app.ready();
    t = new TestClient(built.app, db, built.mailer, built.jobs, clock);
    inbound = await startInboundServer({
      port: 0,
      host: '127.0.0.1',
      maxBytes: 256 * 1024,
      domain: DOMAIN,
      ...built.inboundMail,
      log: { warn: () => {}, info: () => {} },
    });
    w = await buildWorld(t);
  });
  afterEach(async () => {
    await inbound.close();
    await t.close();
    await sink.close();
  });

  const follow = (slug: string, as: Caller, delivery: string) => t.call('PATCH', `/api/v1/groups/${slug}/membership`, { as, body: { delivery } });
  /** Runs jobs until none is due at the clock's time: fan-out, then each delivery. */
  async function drain() {
    for (let i = 0; i < 10; i++) if ((await built.jobs.runDue()) === 0) return;
  }
  const sentTo = (address: string) => sink.messages.filter((m) => m.rcptTo.includes(address));
  /** Sends like a mail client would, to our inbound server. */
  async function sendIn(mail: nodemailer.SendMailOptions) {
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: inbound.port, secure: false, ignoreTLS: true });
    try {
      return await transport.sendMail(mail);
    } finally {
      transport.close();
    }
  }
  async function comments(threadId: string, as: Caller) {
    return (await t.call('GET', `/api/v1/threads/${threadId}`, { as })).json().comments as { body: string; author: { id: string } | null; source: string }[];
  }

  it('mails each new post to e-mail followers only, one recipient per message, with list and threading headers', async () => {
    await follow(w.pub, w.member, 'email-each');
    await follow(w.pub, w.other, 'email-each');
    await follow(w.pub, w.leader, 'email-each');
    const thread = await postThread(t, w.pub, w.leader, { title: 'Holidays', body: 'How do we get through **December**?' });
    await drain();
    // The author gets no copy; the stranger is not a member.
    expect(sentTo(w.leader.email)).toHaveLength(0);
    expect(sentTo(w.stranger.email)).toHaveLength(0);
    const [first] = sentTo(w.member.email);
    expect(first!.rcptTo).toEqual([w.member.email]);
    expect(sentTo(w.other.email)).toHaveLength(1);

    const raw = first!.raw;
    expect(headerOf(raw, 'From')).toMatch(/Leader via Entraide.*<open-circle@entraide\.test>/);
    expect(headerOf(raw, 'List-Id')).toContain(`<open-circle.${DOMAIN}>`);
    expect(headerOf(raw, 'List-Unsubscribe')).toMatch(/^<http:\/\/127\.0\.0\.1:3000\/unsubscribe\/[\w.-]+>$/);
    expect(headerOf(raw, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    expect(headerOf(raw, 'Reply-To')).toMatch(new RegExp(`^reply\\+[\\w-]+\\.[\\w-]+@${DOMAIN.replace('.', '\\.')}$`));
    expect(headerOf(raw, 'Message-ID')).toBe(
      `<${(await t.db.db.selectFrom('threads').select('message_id').where('id', '=', thread.id).executeTakeFirstOrThrow()).message_id}>`,
    );
    // Personal: each member's Reply-To and unsubscribe link are their own.
    const other = sentTo(w.other.email)[0]!.raw;
    expect(headerOf(other, 'Reply-To')).not.toBe(headerOf(raw, 'Reply-To'));
    // No other member's address anywhere in the message.
    for (const who of [w.other, w.leader, w.stranger]) expect(raw).not.toContain(who.email);

    const parsed = await simpleParser(raw);
    expect(parsed.subject).toBe('[Open circle] Holidays');
    expect(parsed.text).toContain('How do we get through **December**?');
    expect(parsed.html).toContain('<strong>December</strong>');

    // A comment threads under the thread's Message-ID.
    await postComment(t, thread.id, w.other, 'One day at a time.');
    await drain();
    const reply = sentTo(w.member.email)[1]!.raw;
    expect(headerOf(reply, 'In-Reply-To')).toBe(headerOf(raw, 'Message-ID'));
    expect(headerOf(reply, 'References')).toBe(headerOf(raw, 'Message-ID'));
    expect((await simpleParser(reply)).subject).toBe('Re: [Open circle] Holidays');
    // Re-running the jobs sends nothing twice.
    const count = sink.messages.length;
    await drain();
    expect(sink.messages.length).toBe(count);
  });

  it('still mails a post whose fan-out was never queued (a crash right after the commit)', async () => {
    await follow(w.pub, w.member, 'email-each');
    await postThread(t, w.pub, w.leader, { title: 'Lost event', body: 'B' });
    // As if the process had died before the listener queued the fan-out.
    await t.db.db.deleteFrom('jobs').where('kind', '=', 'discussions.fanout').execute();
    await drain();
    expect(sentTo(w.member.email)).toHaveLength(1);
    // The sweep comes back every few minutes; nobody is mailed twice.
    clock.advance(10 * 60_000);
    await drain();
    expect(sentTo(w.member.email)).toHaveLength(1);
  });

  it('writes to each member in their language, with times on their clock', async () => {
    const francophone = await t.signUp({ displayName: 'Amélie', locale: 'fr', timeZone: 'Asia/Kathmandu' });
    await t.call('POST', `/api/v1/groups/${w.pub}/join`, { as: francophone, body: { acceptCharter: true } });
    await follow(w.pub, francophone, 'email-each');
    await postThread(t, w.pub, w.leader, { title: 'Bonjour', body: 'Un mot' });
    await drain();
    const parsed = await simpleParser(sentTo(francophone.email)[0]!.raw);
    expect(parsed.text).toContain('a écrit dans « Open circle »');
    expect(parsed.text).toMatch(/\d{2}:\d{2}/);
    expect(parsed.text).toContain('Ne plus recevoir ces e-mails');
  });

  it('posts a reply by e-mail as the member’s comment, without the quoted text and signature', async () => {
    await follow(w.pub, w.member, 'email-each');
    const thread = await postThread(t, w.pub, w.leader, { title: 'Sleep', body: 'How do you sleep?' });
    await drain();
    const out = sentTo(w.member.email)[0]!.raw;
    const replyTo = headerOf(out, 'Reply-To')!;
    const messageId = headerOf(out, 'Message-ID')!;
    await sendIn({
      from: w.member.email,
      // Some relays and address books change the case of addresses: the token survives it.
      to: replyTo.toUpperCase(),
      subject: 'Re: [Open circle] Sleep',
      inReplyTo: messageId,
      references: [messageId],
      text: 'Badly, but a walk helps.\n\nOn Tue, 2 Mar 2027 at 19:00, Leader via Entraide <open-circle@entraide.test> wrote:\n> How do you sleep?\n\n-- \nSent from my phone',
    });
    const list = await comments(thread.id, w.leader);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ body: 'Badly, but a walk helps.', author: { id: w.member.userId }, source: 'email' });
    // The comment is then mailed on like any other (not back to its author).
    await follow(w.pub, w.other, 'email-each');
    await drain();
    expect(sentTo(w.member.email)).toHaveLength(1);
  });

  it('starts a thread from a member’s mail to the group address; strangers, machines and loops post nothing', async () => {
    await sendIn({ from: w.member.email, to: `${w.pub}@${DOMAIN}`, subject: 'Fwd: [Open circle] A book that helped', text: 'It is called “Option B”.' });
    let threads = (await t.call('GET', `/api/v1/groups/${w.pub}/threads`, { as: w.leader })).json().threads;
    expect(threads.map((x: { title: string }) => x.title)).toEqual(['A book that helped']);

    await sendIn({ from: w.stranger.email, to: `${w.pub}@${DOMAIN}`, subject: 'Spam', text: 'Buy now' });
    await sendIn({
      from: w.member.email,
      to: `${w.pub}@${DOMAIN}`,
      subject: 'Out of office',
      text: 'I am away',
      headers: { 'Auto-Submitted': 'auto-replied' },
    });
    await sendIn({ from: w.member.email, to: `${w.pub}@${DOMAIN}`, subject: 'Echo', text: 'ours', headers: { 'X-Entraide-Loop': DOMAIN } });
    // A private group's address behaves like a missing one for outsiders: accepted, nothing posted.
    await sendIn({ from: w.stranger.email, to: `${w.priv}@${DOMAIN}`, subject: 'Let me in', text: 'hello' });
    await sendIn({ from: w.stranger.email, to: `no-such-group@${DOMAIN}`, subject: 'Hello', text: 'hello' });
    threads = (await t.call('GET', `/api/v1/groups/${w.pub}/threads`, { as: w.leader })).json().threads;
    expect(threads).toHaveLength(1);
    expect((await t.call('GET', `/api/v1/groups/${w.priv}/threads`, { as: w.leader })).json().threads).toHaveLength(0);
    // The same message delivered twice posts once.
    const twice = { from: w.member.email, to: `${w.pub}@${DOMAIN}`, subject: 'Twice', text: 'once', messageId: `<twice.1@client.example>` };
    await sendIn(twice);
    await sendIn(twice);
    threads = (await t.call('GET', `/api/v1/groups/${w.pub}/threads`, { as: w.leader })).json().threads;
    expect(threads.filter((x: { title: string }) => x.title === 'Twice')).toHaveLength(1);
  });

  it('refuses a revoked reply address at once when the member leaves, and a forged one always', async () => {
    await follow(w.pub, w.member, 'email-each');
    const thread = await postThread(t, w.pub, w.leader, { title: 'T', body: 'B' });
    await drain();
    const replyTo = headerOf(sentTo(w.member.email)[0]!.raw, 'Reply-To')!;
    const forged = replyTo.replace(/\.[\w-]+@/, '.AAAAAAAAAAAAAAAAAAAAAA@');
    await expect(sendIn({ from: w.member.email, to: forged, subject: 'x', text: 'forged' })).rejects.toMatchObject({ responseCode: 550 });
    expect((await t.call('POST', `/api/v1/groups/${w.pub}/leave`, { as: w.member })).statusCode).toBeLessThan(300);
    await expect(sendIn({ from: w.member.email, to: replyTo, subject: 'x', text: 'after leaving', inReplyTo: thread.id })).rejects.toMatchObject({
      responseCode: 550,
    });
    expect(await comments(thread.id, w.leader)).toHaveLength(0);
  });

  it('tells a member, in their language, when a mailed reply cannot be posted (a locked thread)', async () => {
    await follow(w.pub, w.member, 'email-each');
    const thread = await postThread(t, w.pub, w.leader, { title: 'Closing soon', body: 'B' });
    await drain();
    const out = sentTo(w.member.email)[0]!.raw;
    expect((await t.call('POST', `/api/v1/threads/${thread.id}/lock`, { as: w.leader, body: {} })).statusCode).toBe(200);
    await sendIn({ from: w.member.email, to: headerOf(out, 'Reply-To')!, subject: 'Re', inReplyTo: headerOf(out, 'Message-ID')!, text: 'Too late?' });
    await drain();
    const notice = sentTo(w.member.email).at(-1)!;
    expect((await simpleParser(notice.raw)).subject).toBe('Your message to “Open circle” was not posted');
    expect(await comments(thread.id, w.leader)).toHaveLength(0);
  });

  it('keeps hostile text inert in the mails: escaped in HTML, never a header break', async () => {
    await follow(w.pub, w.member, 'email-each');
    const blns = HOSTILE_STRINGS;
    const hostile = [
      '<script>window.__xss=1</script>',
      '<img src=x onerror=alert(1)>',
      '[x](javascript:alert(1))',
      '![t](https://tracker.example/p.gif)',
      'Subject: injected\r\nBcc: all@example.org',
      ...blns.filter((x) => x.trim() !== '').slice(0, 60),
    ];
    for (const [i, text] of hostile.entries()) {
      const title = [...`${i} ${text}`]
        .slice(0, 200)
        .join('')
        .replace(/\u0000/g, '');
      const res = await t.call('POST', `/api/v1/groups/${w.pub}/threads`, { as: w.leader, body: { title, body: text } });
      expect(res.statusCode, res.body).toBeLessThan(500);
    }
    await drain();
    const mails = sentTo(w.member.email);
    expect(mails.length).toBeGreaterThan(40);
    for (const mail of mails) {
      const parsed = await simpleParser(mail.raw);
      const html = String(parsed.html || '');
      // Text may *say* anything; no tag, handler or script link may exist.
      expect(html).not.toMatch(/<(script|img|iframe|svg|object|embed|style)\b/i);
      expect(html).not.toMatch(/<[^>]*\son[a-z]+\s*=/i);
      expect(html).not.toMatch(/href\s*=\s*["']?\s*(javascript|data|vbscript):/i);
      // One recipient, whatever the title tried to add.
      expect(mail.rcptTo).toEqual([w.member.email]);
      expect(headerOf(mail.raw, 'Bcc')).toBeNull();
    }
  });

  it('does not mail a post hidden before its delivery', async () => {
    await follow(w.pub, w.member, 'email-each');
    const thread = await postThread(t, w.pub, w.other, { title: 'Hidden soon', body: 'B' });
    expect((await t.call('POST', `/api/v1/threads/${thread.id}/hide`, { as: w.leader, body: {} })).statusCode).toBe(200);
    await drain();
    expect(sentTo(w.member.email)).toHaveLength(0);
  });

  it('unsubscribes in one click without an account (RFC 8058), and the link describes its group', async () => {
    await follow(w.pub, w.member, 'email-each');
    await postThread(t, w.pub, w.leader, { title: 'T', body: 'B' });
    await drain();
    const url = new URL(headerOf(sentTo(w.member.email)[0]!.raw, 'List-Unsubscribe')!.slice(1, -1));
    const token = url.pathname.split('/').pop()!;
    const info = await t.call('GET', `/api/v1/unsubscribe/${token}`);
    expect(info.json()).toEqual({ group: { name: 'Open circle' } });
    // What a mail provider sends: a form POST, no cookie, no Origin.
    const res = await built.app.inject({
      method: 'POST',
      url: url.pathname,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().delivery).toBe('web');
    const membership = await t.call('GET', `/api/v1/groups/${w.pub}`, { as: w.member });
    expect(membership.statusCode).toBe(200);
    const row = await t.db.db
      .selectFrom('memberships')
      .innerJoin('groups', 'groups.id', 'memberships.group_id')
      .select('delivery')
      .where('groups.slug', '=', w.pub)
      .where('user_id', '=', w.member.userId)
      .executeTakeFirstOrThrow();
    expect(row.delivery).toBe('web');
    // Idempotent; forged and malformed tokens are 404 / 400, never 500.
    expect((await built.app.inject({ method: 'POST', url: url.pathname })).statusCode).toBe(200);
    expect((await t.call('POST', `/api/v1/unsubscribe/${token.slice(0, -2)}xx`)).statusCode).toBe(404);
    expect((await t.call('GET', '/api/v1/unsubscribe/%3Cscript%3E')).statusCode).toBe(400);
    // A reply address is not an unsubscribe link.
    const replyToken = headerOf(sentTo(w.member.email)[0]!.raw, 'Reply-To')!
      .replace(/^reply\+/, '')
      .split('@')[0]!;
    expect((await t.call('POST', `/api/v1/unsubscribe/${replyToken}`)).statusCode).toBe(404);
  });

  it('sends one daily digest at 08:00 on the member’s clock with what others said', async () => {
    const kathmandu = await t.signUp({ displayName: 'Digest reader', timeZone: 'Asia/Kathmandu' });
    await t.call('POST', `/api/v1/groups/${w.pub}/join`, { as: kathmandu, body: { acceptCharter: true } });
    await follow(w.pub, kathmandu, 'email-digest');
    // Back-date the digest mark so the posts below fall after it.
    await t.db.db.updateTable('memberships').set({ digested_until: '2020-01-01T00:00:00.000Z' }).where('user_id', '=', kathmandu.userId).execute();
    const thread = await postThread(t, w.pub, w.leader, { title: 'Weekly check-in', body: 'How was your week?' });
    await postComment(t, thread.id, w.member, 'Better than the last.');
    // 02:15 UTC is 08:00 in Kathmandu (UTC+05:45), the next morning.
    clock.set('2027-03-28T02:15:00Z');
    await drain();
    const digests = sentTo(kathmandu.email);
    expect(digests).toHaveLength(1);
    const parsed = await simpleParser(digests[0]!.raw);
    expect(parsed.subject).toBe('[Open circle] Today’s digest: 2 new posts');
    expect(parsed.text).toContain('Weekly check-in');
    expect(parsed.text).toContain('Better than the last.');
    // An hour later, nothing more.
    clock.advance(3_600_000);
    await drain();
    expect(sentTo(kathmandu.email)).toHaveLength(1);
  });
});

describe('titles of threads started by mail', () => {
  it('drops reply and forward prefixes and list tags', () => {
    expect(titleFromSubject('Re: RE: [Open circle] Fwd: TR: Hello')).toBe('Hello');
    expect(titleFromSubject('Réf : [x] Bonjour')).toBe('Bonjour');
    expect(titleFromSubject('  \r\n ')).toBe('');
    expect(titleFromSubject('A'.repeat(500))).toHaveLength(200);
  });
});
