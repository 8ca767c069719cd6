import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from '../../../../tests/support/databases.ts';
import { fixedClock } from '../../platform/clock.ts';
import { startTestApp, type TestClient } from '../../../../tests/support/http.ts';
import { startSmtpSink, type SmtpSink } from '../../platform/mail/smtp-sink.test-support.ts';

describe.each(testDialects())('admin outbox on $dialect', ({ open }) => {
  let t: TestClient;
  let sink: SmtpSink;
  beforeEach(async () => {
    // The relay refuses one mailbox for good and takes the rest.
    sink = await startSmtpSink({ reply: (_n, raw) => (/^To: bounce@example\.org/m.test(raw) ? 550 : null) });
    t = await startTestApp(await open(), { smtpUrl: sink.url }, { clock: fixedClock('2027-03-01T09:00:00Z') });
  });
  afterEach(async () => {
    await t.close();
    await sink.close();
  });

  const later = () => new Date(t.clock.now().getTime() + 60_000);
  const base = { kind: 'discussion.post', subject: 'A new thread', text: 'Hello', html: '<p>Hello</p>' };

  it('lists messages with their status and error, filters by status, and counts each status; admin only', async () => {
    const admin = await t.signUp();
    const person = await t.signUp();
    await t.mailer.sendMany([
      { ...base, to: 'ok@example.org', recipientId: person.userId, groupId: 'g-none', dedupeKey: 'post:p1:ok' },
      { ...base, to: 'bounce@example.org', dedupeKey: 'post:p1:bounce' },
      { ...base, to: 'gone@example.org', recipientId: 'u-gone', groupId: 'g1', dedupeKey: 'post:p1:gone' },
      { ...base, to: 'fine@example.org', dedupeKey: 'post:p1:fine' },
    ]);
    expect(await t.mailer.revokePending({ recipientId: 'u-gone', groupId: 'g1' })).toBe(1);
    await t.jobs.runDue(later());

    expect((await t.call('GET', '/api/v1/admin/outbox')).statusCode).toBe(401);
    expect((await t.call('GET', '/api/v1/admin/outbox?status=failed')).statusCode).toBe(401);
    expect((await t.call('GET', '/api/v1/admin/outbox', { as: person })).statusCode).toBe(403);
    expect((await t.call('GET', '/api/v1/admin/outbox?status=failed', { as: person })).statusCode).toBe(403);

    const all = await t.call('GET', '/api/v1/admin/outbox', { as: admin });
    expect(all.statusCode).toBe(200);
    const body = all.json();
    // ok@ is for someone who is not a member of that group: the send-time check withdrew it.
    expect(body.counts).toEqual({ local: 0, queued: 0, sending: 0, sent: 1, failed: 1, revoked: 2 });
    expect(body.messages).toHaveLength(4);

    const failed = await t.call('GET', '/api/v1/admin/outbox?status=failed', { as: admin });
    expect(failed.statusCode).toBe(200);
    const [message, ...rest] = failed.json().messages;
    expect(rest).toEqual([]);
    expect(message).toMatchObject({ to: 'bounce@example.org', status: 'failed', attempts: 1, sentAt: null });
    expect(message.error).toMatch(/550/);
    expect(message.error).not.toContain('@example.org');

    const revoked = (await t.call('GET', '/api/v1/admin/outbox?status=revoked', { as: admin })).json().messages;
    expect(revoked.map((m: { to: string }) => m.to).sort()).toEqual(['gone@example.org', 'ok@example.org']);
    expect(revoked.every((m: { error: string | null }) => Boolean(m.error))).toBe(true);
    expect(sink.messages.map((m) => m.rcptTo[0])).toEqual(['fine@example.org']);
  });

  it('reports a bad filter with its field path, never a 500', async () => {
    const admin = await t.signUp();
    for (const query of ['status=bogus', 'status=', 'limit=0', 'limit=abc', 'limit=100000', `status=${encodeURIComponent('<script>')}`]) {
      const res = await t.call('GET', `/api/v1/admin/outbox?${query}`, { as: admin });
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION');
      expect(res.json().error.issues.map((i: { path: string }) => i.path)).toEqual([`query.${query.split('=')[0]}`]);
    }
    const ok = await t.call('GET', '/api/v1/admin/outbox?limit=1', { as: admin });
    expect(ok.statusCode).toBe(200);
  });
});
