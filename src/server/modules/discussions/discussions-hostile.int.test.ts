import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { POST_LIMITS } from '../../../shared/limits.ts';
import { testDialects } from '../../../../tests/support/databases.ts';
import { startTestApp, type TestClient } from '../../../../tests/support/http.ts';
import { buildWorld, postThread, unsafeMarkup, type World } from './discussions.test-support.ts';
import { HOSTILE_STRINGS } from '../../../../tests/support/hostile-strings.ts';

/** The Big List of Naughty Strings (shared/ sits beside the repository, in CI as here). */
const NAUGHTY = HOSTILE_STRINGS;

/**
 * The documented rule for free text (platform/http/text-schemas.ts): kept exactly as sent,
 * refused only when too long (in code points), blank, not well-formed UTF-16, or carrying
 * control characters (line breaks and tabs are fine in a body).
 */
function isRefusable(value: string, field: { limit: number; multiline: boolean }): boolean {
  const controls = field.multiline ? /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/ : /[\u0000-\u001F\u007F]/;
  return [...value].length > field.limit || value.trim() === '' || !value.isWellFormed() || controls.test(value);
}
const TITLE = { limit: POST_LIMITS.title, multiline: false };
const BODY = { limit: POST_LIMITS.body, multiline: true };

const show = (s: string) => JSON.stringify(s).slice(0, 60);

describe.each(testDialects())('hostile text in discussions on $dialect', ({ open }) => {
  let t: TestClient;
  let w: World;

  beforeEach(async () => {
    t = await startTestApp(await open());
    w = await buildWorld(t);
  });
  afterEach(async () => t.close());

  it('takes every naughty string as a title, a body and a comment exactly as written, or refuses it with a 400 naming the field; never a 5xx, never live markup', async () => {
    expect(NAUGHTY.length).toBeGreaterThan(400);
    const host = await postThread(t, w.pub, w.leader, { title: 'Naughty comments', body: 'Below.' });
    const problems: string[] = [];
    const comments = new Map<string, string>();
    let accepted = 0;
    let refused = 0;

    for (const [index, value] of NAUGHTY.entries()) {
      const label = `#${index} ${show(value)}`;
      const expected = [...(isRefusable(value, BODY) ? ['body'] : []), ...(isRefusable(value, TITLE) ? ['title'] : [])];
      const res = await t.call('POST', `/api/v1/groups/${w.pub}/threads`, { as: w.member, body: { title: value, body: value } });
      if (res.statusCode >= 500) {
        problems.push(`${label}: thread answered ${res.statusCode}`);
        continue;
      }
      if (res.statusCode === 400) {
        const paths = (res.json().error.issues ?? []).map((i: { path: string }) => i.path).sort();
        if (JSON.stringify(paths) !== JSON.stringify(expected))
          problems.push(`${label}: refused ${JSON.stringify(paths)}, expected ${JSON.stringify(expected)}`);
        refused += 1;
        // A body that is fine under a title that is not: it must still go through as written.
        if (!expected.includes('body')) {
          const bodyOnly = await t.call('POST', `/api/v1/groups/${w.pub}/threads`, { as: w.member, body: { title: 'Plain', body: value } });
          if (bodyOnly.statusCode !== 201 || bodyOnly.json().thread.body !== value)
            problems.push(`${label}: body alone answered ${bodyOnly.statusCode} ${bodyOnly.body.slice(0, 200)}`);
          else if (unsafeMarkup(bodyOnly.json().thread.html).length > 0) problems.push(`${label}: body alone rendered unsafe html`);
        }
      } else if (res.statusCode !== 201) {
        problems.push(`${label}: thread answered ${res.statusCode} ${res.body.slice(0, 200)}`);
      } else {
        if (expected.length > 0) problems.push(`${label}: accepted, expected ${JSON.stringify(expected)} refused`);
        accepted += 1;
        const thread = res.json().thread;
        const again = (await t.call('GET', `/api/v1/threads/${thread.id}`, { as: w.other })).json().thread;
        for (const [where, seen] of [
          ['answer', thread],
          ['page', again],
        ] as const) {
          if (seen.title !== value) problems.push(`${label}: title came back (${where}) as ${show(seen.title)}`);
          if (seen.body !== value) problems.push(`${label}: body came back (${where}) as ${show(seen.body)}`);
          const unsafe = unsafeMarkup(seen.html);
          if (unsafe.length > 0) problems.push(`${label}: html (${where}) has ${unsafe.join(', ')}: ${seen.html.slice(0, 200)}`);
        }
      }

      const comment = await t.call('POST', `/api/v1/threads/${host.id}/comments`, { as: w.other, body: { body: value } });
      if (comment.statusCode === 201) {
        if (isRefusable(value, BODY)) problems.push(`${label}: comment accepted against the rule`);
        comments.set(comment.json().comment.id, value);
      } else if (comment.statusCode === 400) {
        const paths = (comment.json().error.issues ?? []).map((i: { path: string }) => i.path);
        if (JSON.stringify(paths) !== '["body"]' || !isRefusable(value, BODY)) problems.push(`${label}: comment refused ${comment.body.slice(0, 200)}`);
      } else {
        problems.push(`${label}: comment answered ${comment.statusCode} ${comment.body.slice(0, 200)}`);
      }
    }

    const seen = (await t.call('GET', `/api/v1/threads/${host.id}`, { as: w.member })).json();
    expect(seen.comments).toHaveLength(comments.size);
    for (const c of seen.comments as { id: string; body: string; html: string }[]) {
      const value = comments.get(c.id)!;
      if (c.body !== value) problems.push(`comment ${show(value)} came back as ${show(c.body)}`);
      const unsafe = unsafeMarkup(c.html);
      if (unsafe.length > 0) problems.push(`comment ${show(value)}: html has ${unsafe.join(', ')}`);
    }

    expect(problems).toEqual([]);
    // Not vacuous: most of the list is odd but ordinary text, taken as is.
    expect(accepted).toBeGreaterThan(NAUGHTY.length / 2);
    expect(refused).toBeGreaterThan(0);
  }, 300_000);

  it('takes a body of exactly the limit, and refuses one character more', async () => {
    const longest = `${'é'.repeat(POST_LIMITS.body - 1)}🙂`;
    expect([...longest]).toHaveLength(POST_LIMITS.body);
    const thread = await postThread(t, w.pub, w.member, { title: 't'.repeat(POST_LIMITS.title), body: longest });
    expect(thread.body).toBe(longest);
    const tooLong = await t.call('POST', `/api/v1/threads/${thread.id}/comments`, { as: w.member, body: { body: `${longest}x` } });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error.issues).toEqual([{ path: 'body', message: expect.stringContaining(String(POST_LIMITS.body)) }]);
  });
});
