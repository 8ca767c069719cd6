import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from '../../../../tests/support/databases.ts';
import { startTestApp, type TestClient } from '../../../../tests/support/http.ts';
import { MODERATION_LIMITS } from '../../../shared/moderation.ts';
import { buildWorld, report, type World } from './moderation.test-support.ts';
import { HOSTILE_STRINGS } from '../../../../tests/support/hostile-strings.ts';

/** The Big List of Naughty Strings (shared/ sits beside the repository, in CI as here). */
const NAUGHTY = HOSTILE_STRINGS;

/** The rule for free text (platform/http/text-schemas.ts): kept exactly, or refused for these reasons only. */
function isRefusable(value: string, limit: number): boolean {
  const controls = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
  return [...value].length > limit || value.trim() === '' || !value.isWellFormed() || controls.test(value);
}

describe.each(testDialects())('hostile moderation text on $dialect', ({ open }) => {
  let t: TestClient;
  let w: World;

  beforeEach(async () => {
    t = await startTestApp(await open());
    w = await buildWorld(t);
  });
  afterEach(async () => t.close());

  /** Every answer is a success with the text kept as sent, or a 400 naming the field. */
  function expectKeptOrRefused(
    label: string,
    res: { statusCode: number; json(): unknown },
    value: string,
    path: string,
    okStatus: number[],
    read: (body: never) => unknown,
  ) {
    if (isRefusable(value, MODERATION_LIMITS.note)) {
      expect(res.statusCode, label).toBe(400);
      const issues = (res.json() as { error: { issues: { path: string }[] } }).error.issues.map((i) => i.path);
      expect(issues, label).toEqual([path]);
    } else {
      expect(okStatus, `${label} → ${res.statusCode}`).toContain(res.statusCode);
      expect(read(res.json() as never), label).toBe(value);
    }
  }

  const STRINGS = [...NAUGHTY, 'x'.repeat(MODERATION_LIMITS.note), 'x'.repeat(MODERATION_LIMITS.note + 1), '', ' \n\t'];
  const labelOf = (i: number, value: string) => `string #${i} ${JSON.stringify(value).slice(0, 50)}`;
  // Over a thousand requests each, on a shared machine: these take their time.
  const SLOW = 180_000;

  it(
    'keeps report notes and action notes exactly as written, or names the field',
    async () => {
      const kept: string[] = [];
      for (const [i, value] of STRINGS.entries()) {
        const label = labelOf(i, value);
        const made = await report(t, w.reporter, 'comment', w.pub.commentId, { reason: 'other', note: value });
        expectKeptOrRefused(`report ${label}`, made, value, 'note', [201], () => value);
        if (made.statusCode !== 201) continue;
        const id = (made.json() as { report: { id: string } }).report.id;
        // Dismissing with the same words reads the report back (its note) and logs the action's note.
        const dismissed = await t.call('POST', `/api/v1/reports/${id}/dismiss`, { as: w.leader, body: { note: value } });
        expect(dismissed.statusCode, label).toBe(200);
        expect(dismissed.json().report.note, label).toBe(value);
        kept.push(value);
      }
      expect(kept.length).toBeGreaterThan(400);

      // The log gives every note back as written, page after page.
      const notes: (string | null)[] = [];
      let before: string | null = null;
      for (;;) {
        const url: string = `/api/v1/groups/${w.pub.slug}/moderation/log?limit=100${before ? `&before=${before}` : ''}`;
        const page: { entries: { action: string; note: string | null }[]; nextBefore: string | null } = (await t.call('GET', url, { as: w.leader })).json();
        notes.push(...page.entries.filter((e) => e.action === 'report.dismissed').map((e) => e.note));
        if (!page.nextBefore) break;
        before = page.nextBefore;
      }
      expect(notes.reverse()).toEqual(kept);
      // And the queue shows them in their report.
      const dismissed = (await t.call('GET', `/api/v1/groups/${w.pub.slug}/moderation/reports?status=dismissed&limit=100`, { as: w.leader })).json().reports;
      expect(dismissed).toHaveLength(100);
      for (const r of dismissed as { note: string; target: { excerpt: string } }[]) {
        expect(kept).toContain(r.note);
        expect(r.target.excerpt).toBe('I know that feeling. Hold on.');
      }
    },
    SLOW,
  );

  it(
    'keeps ban reasons exactly as written, or names the field',
    async () => {
      for (const [i, value] of STRINGS.entries()) {
        const label = labelOf(i, value);
        const banned = await t.call('POST', `/api/v1/groups/${w.pub.slug}/bans`, { as: w.leader, body: { userId: w.stranger.userId, reason: value } });
        // The answer is read back from the database.
        expectKeptOrRefused(`ban ${label}`, banned, value, 'reason', [201], (b: { ban: { reason: string } }) => b.ban.reason);
        if (banned.statusCode === 201) {
          expect((await t.call('DELETE', `/api/v1/groups/${w.pub.slug}/bans/${w.stranger.userId}`, { as: w.leader })).statusCode, label).toBe(204);
        }
      }
      const reasons = (await t.call('GET', `/api/v1/groups/${w.pub.slug}/moderation/log?limit=100`, { as: w.leader }))
        .json()
        .entries.filter((e: { action: string }) => e.action === 'member.banned')
        .map((e: { note: string }) => e.note);
      expect(reasons.length).toBeGreaterThan(40);
      for (const reason of reasons) expect(STRINGS).toContain(reason);
    },
    SLOW,
  );

  it('never answers 500 to hostile ids, slugs, queries or bodies', async () => {
    const paths = (s: string) =>
      [
        ['POST', `/api/v1/threads/${s}/reports`],
        ['POST', `/api/v1/comments/${s}/hide`],
        ['POST', `/api/v1/reports/${s}/resolve`],
        ['GET', `/api/v1/groups/${s}/moderation/reports`],
        ['GET', `/api/v1/groups/${w.pub.slug}/moderation/log?before=${s}`],
        ['GET', `/api/v1/moderation/reports?status=${s}`],
        ['DELETE', `/api/v1/groups/${w.pub.slug}/bans/${s}`],
      ] as const;
    for (const value of NAUGHTY.slice(0, 200)) {
      const encoded = encodeURIComponent(value.isWellFormed() ? value : 'x');
      for (const [method, url] of paths(encoded)) {
        const res = await t.call(method, url, { as: w.leader, ...(method === 'GET' ? {} : { body: { reason: value, note: value } }) });
        expect(res.statusCode, `${method} ${url}`).toBeLessThan(500);
      }
      const res = await t.call('POST', `/api/v1/groups/${w.pub.slug}/bans`, { as: w.leader, body: { userId: value, reason: value } });
      expect(res.statusCode).toBe(400);
    }
  });
});
