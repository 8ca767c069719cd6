/**
 * Discussions and moderation in Chromium. A leader founds a group and two people join; one
 * member starts a thread whose title and body are hostile (HTML, script, a `javascript:`
 * link, right-to-left and zalgo text, one very long word): the page shows them as text and
 * nothing runs. The leader, told by a notification, replies; the member reports the other
 * member's reply; the leader hides it from the moderation queue and the member then sees
 * "hidden by a moderator"; the audit log shows the step; a locked thread takes no reply. Then
 * following a group by e-mail, comments on a session's recap, and the platform moderator's
 * queue. Accounts, the group and a few posts are set up through the API; everything under
 * test goes through the pages. axe finds no serious or critical issue on any page, and at
 * 390 px wide no page scrolls sideways.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAccessibilityViolations, startPlatform, watchForTrouble, type RunningPlatform } from '../support/browser.ts';
import { announceSkip, hasChromium } from '../support/environment.ts';

if (!hasChromium) announceSkip('browser tests');

const LONG_WORD = 'Pneumonoultramicroscopicsilicovolcanoconiosis'.repeat(5);
const HOSTILE_TITLE = `<img src=x onerror="window.__xss=1;alert(1)"> <script>window.__xss=2</script> مرحبا Z̴̡̪̫a̸̧̛̩l̶g̵o̷`;
const HOSTILE_BODY = [
  '<script>window.__xss = 3; alert(3)</script>',
  '<img src=x onerror="window.__xss=4;alert(4)">',
  '[click me](javascript:window.__xss=5)',
  '<svg onload="window.__xss=6"></svg> "><iframe src="javascript:alert(7)"></iframe>',
  '![tracker](https://tracker.example/pixel.gif)',
  'שלום — ‮reversed‬ — Z̷̛̙͎̈́a̶̱͒l̵̰̈g̸̣̓o̴̝͝',
  LONG_WORD,
].join('\n\n');

describe.skipIf(!hasChromium)('discussions and moderation in the browser', () => {
  let platform: RunningPlatform;
  let admin: BrowserContext;

  beforeAll(async () => {
    platform = await startPlatform();
    // The first account is the platform's admin (a platform moderator): keep it apart.
    admin = await platform.signedUp('Platform Admin', 'UTC');
  });

  afterAll(async () => {
    await platform?.stop();
  });

  async function expectAccessible(page: Page, where: string) {
    expect(await seriousAccessibilityViolations(page), where).toEqual([]);
  }

  /** Nothing wider than a 390 px phone, and a picture to look at. */
  async function expectFitsPhone(page: Page, name: string) {
    const size = page.viewportSize();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `test-results/discussions-${name}-390.png`, fullPage: true });
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, `${name} at 390 px`).toBeLessThanOrEqual(390);
    if (size) await page.setViewportSize(size);
  }

  /** No script from a post ran: no dialog, no error, nothing set on window, no live markup. */
  async function expectNothingRan(page: Page, trouble: { dialogs: string[]; errors: string[] }) {
    expect(trouble).toEqual({ dialogs: [], errors: [] });
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
    expect(await page.locator('main script, main iframe, main svg, main img, main [onerror], main [onload]').count()).toBe(0);
    expect(await page.locator('a[href^="javascript" i]').count()).toBe(0);
  }

  async function heading(page: Page) {
    return (await page.getByRole('heading', { level: 1 }).textContent())?.trim();
  }

  it('posts hostile text safely, notifies, reports, hides, logs and locks', async () => {
    // Setup through the API: a published open group, its leader and two members.
    const leader = await platform.signedUp('Lea Leader', 'Europe/Paris');
    const created = await platform.api(leader, 'POST', '/api/v1/groups', {
      name: 'Evening carers',
      purpose: 'Caring for a parent: sharing what helps, and what weighs on us.',
      reasons: 'No group nearby meets in the evening, when carers are free.',
      charter: 'What is said here stays here.\nWe listen without judging.',
      leadership: 'peer',
      structure: { membership: 'open', format: 'drop-in', maxMembers: 12, rhythm: 'weekly' },
      modes: ['online', 'email'],
      languages: ['en'],
      timeZone: 'Europe/Paris',
      visibility: 'public',
      topics: ['carers'],
    });
    expect(created.status).toBe(201);
    const slug = (created.body.group as { slug: string }).slug;
    const member = await platform.signedUp('Mia Member', 'America/Montreal');
    const other = await platform.signedUp('سارة Sara', 'Asia/Kolkata');
    for (const person of [member, other]) {
      expect((await platform.api(person, 'POST', `/api/v1/groups/${slug}/join`, { acceptCharter: true })).status).toBe(201);
    }

    // (a) The member starts a thread from the group page, with hostile words in it.
    const memberPage = await member.newPage();
    const memberTrouble = watchForTrouble(memberPage);
    await memberPage.goto(`/groups/${slug}`);
    const section = memberPage.getByTestId('group-discussions');
    await section.getByText('No one has started a thread yet', { exact: false }).waitFor();
    await expectAccessible(memberPage, 'group page with discussions');
    await section.getByRole('link', { name: 'Open the discussions' }).click();
    await expect.poll(() => heading(memberPage)).toBe('Discussions');
    await memberPage.getByText('No one has started a thread yet', { exact: false }).waitFor();
    await expectAccessible(memberPage, 'empty discussions list');
    await memberPage.getByRole('link', { name: 'Start a thread' }).click();
    await expect.poll(() => heading(memberPage)).toBe('Start a thread');
    await memberPage.getByRole('button', { name: 'Post the thread' }).click();
    // The server's issues land on their fields.
    await memberPage.locator('.error-summary').waitFor();
    expect(await memberPage.locator('#field-title-error').isVisible()).toBe(true);
    expect(await memberPage.locator('#field-body-error').isVisible()).toBe(true);
    await expectAccessible(memberPage, 'new thread form with errors');
    await memberPage.getByLabel('Title').fill(HOSTILE_TITLE);
    await memberPage.getByLabel('Your message').fill(HOSTILE_BODY);
    await memberPage.getByRole('button', { name: 'Post the thread' }).click();

    await memberPage.waitForURL(/\/threads\/[0-9a-f-]+$/);
    const threadUrl = new URL(memberPage.url()).pathname;
    const threadId = threadUrl.split('/').pop()!;
    await expect.poll(() => memberPage.getByRole('status').filter({ hasText: 'Your thread is posted.' }).count()).toBe(1);
    expect(await heading(memberPage)).toBe(HOSTILE_TITLE);
    const opening = memberPage.getByTestId('thread-post');
    const shown = (await opening.locator('.post-body').innerText()).normalize('NFC');
    for (const words of [
      '<script>window.__xss = 3; alert(3)</script>',
      '<img src=x onerror="window.__xss=4;alert(4)">',
      '[click me](javascript:window.__xss=5)',
      'שלום',
      LONG_WORD,
    ]) {
      expect(shown).toContain(words.normalize('NFC'));
    }
    // A remote image is never loaded: at most a link to it.
    expect(await opening.locator('a[href="https://tracker.example/pixel.gif"]').count()).toBe(1);
    await expectNothingRan(memberPage, memberTrouble);
    await expectAccessible(memberPage, 'thread page');
    await expectFitsPhone(memberPage, 'thread');

    // (b) The leader is told: the header says how many are unread.
    const leaderPage = await leader.newPage();
    const leaderTrouble = watchForTrouble(leaderPage);
    await leaderPage.goto(`/groups/${slug}`);
    const bell = leaderPage.getByRole('link', { name: 'Notifications, 1 unread' });
    await bell.waitFor();
    await bell.click();
    await expect.poll(() => heading(leaderPage)).toBe('Notifications');
    const notification = leaderPage.getByTestId('notification').first();
    await notification.waitFor();
    expect(await notification.getAttribute('data-unread')).toBe('true');
    expect(await notification.textContent()).toContain(`Mia Member started “${HOSTILE_TITLE}”`);
    await expectAccessible(leaderPage, 'notifications page');
    await expectFitsPhone(leaderPage, 'notifications');
    await notification.getByRole('link').click();
    await leaderPage.waitForURL(new RegExp(`${threadUrl}$`));
    await leaderPage.getByTestId('thread-post').waitFor();
    await expect.poll(() => leaderPage.getByRole('link', { name: 'Notifications', exact: true }).count()).toBe(1);

    // The leader replies from the page.
    await leaderPage.getByLabel('Your reply').fill('Thank you for starting this. **You are not alone.**');
    await leaderPage.getByRole('button', { name: 'Post the reply' }).click();
    await expect.poll(() => leaderPage.getByRole('status').filter({ hasText: 'Your reply is posted.' }).count()).toBe(1);
    const leaderReply = leaderPage.getByTestId('comment').filter({ hasText: 'You are not alone.' });
    await leaderReply.waitFor();
    expect(await leaderReply.locator('strong').textContent()).toBe('You are not alone.');
    expect(await leaderPage.getByLabel('Your reply').inputValue()).toBe('');

    // (c) The other member posts something out of place (through the API); the member reports it.
    const spam = await platform.api(other, 'POST', `/api/v1/threads/${threadId}/comments`, { body: 'Cheap pills at https://pills.example — buy now!' });
    expect(spam.status).toBe(201);
    await memberPage.reload();
    const spamComment = memberPage.getByTestId('comment').filter({ hasText: 'Cheap pills' });
    await spamComment.waitFor();
    // Their own post has no Report button; someone else's has.
    expect(await memberPage.getByTestId('thread-post').getByRole('button', { name: 'Report' }).count()).toBe(0);
    await spamComment.getByRole('button', { name: 'Report' }).click();
    const dialog = memberPage.getByRole('dialog', { name: 'Report this reply' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Send the report' }).click();
    await dialog.getByText('Choose what is wrong.', { exact: false }).first().waitFor();
    await dialog.getByRole('radio', { name: 'Spam or advertising' }).check();
    await dialog.getByLabel('Anything the moderators should know').fill('Advertising <b>pills</b>, twice now.');
    await expectAccessible(memberPage, 'report dialog');
    await dialog.getByRole('button', { name: 'Send the report' }).click();
    await spamComment.getByRole('status').filter({ hasText: 'Thank you. The moderators will look at it.' }).waitFor();
    expect(await dialog.isVisible()).toBe(false);

    // (d) The leader opens the moderation queue from the group page and hides the reply.
    await leaderPage.goto(`/groups/${slug}`);
    await leaderPage.getByTestId('group-discussions').getByRole('link', { name: 'Moderation' }).click();
    await expect.poll(() => heading(leaderPage)).toBe('Moderation');
    const report = leaderPage.getByTestId('report').first();
    await report.waitFor();
    expect(await report.textContent()).toContain('Spam or advertising');
    expect(await report.textContent()).toContain('Reported by Mia Member');
    expect(await report.textContent()).toContain('Advertising <b>pills</b>, twice now.');
    expect(await report.textContent()).toContain('Cheap pills at https://pills.example');
    await expectAccessible(leaderPage, 'moderation queue');
    await expectFitsPhone(leaderPage, 'moderation-queue');
    await report.getByRole('button', { name: 'Hide the reply' }).click();
    // Hiding a post resolves its open reports: the queue empties, the resolved tab has it.
    await leaderPage.getByText('No open report. All is calm.').waitFor();
    expect(await leaderPage.getByTestId('queue-status').textContent()).toBe('Hidden from members.');
    await leaderPage.getByRole('link', { name: 'Resolved', exact: true }).click();
    const resolved = leaderPage.getByTestId('report').first();
    await resolved.waitFor();
    expect(await resolved.getAttribute('data-status')).toBe('resolved');
    expect(await resolved.getByRole('button', { name: 'Show the reply again' }).count()).toBe(1);

    // The audit log says what happened.
    await leaderPage.getByRole('link', { name: 'Moderation log' }).click();
    // Hiding wrote two entries at once: the reply hidden, and its report resolved.
    const entry = leaderPage.locator('[data-testid="log-entry"][data-action="comment.hidden"]');
    await entry.waitFor();
    expect(await leaderPage.locator('[data-testid="log-entry"][data-action="report.resolved"]').textContent()).toContain('report: Spam or advertising');
    expect(await entry.textContent()).toContain('Reply hidden');
    expect(await entry.textContent()).toContain('by Lea Leader');
    await expectAccessible(leaderPage, 'moderation log');
    await expectFitsPhone(leaderPage, 'moderation-log');

    // A ban, asked for and explained, then lifted.
    await leaderPage.getByRole('link', { name: 'Bans', exact: true }).click();
    await leaderPage.getByText('No one is banned from this group.').waitFor();
    await leaderPage.getByLabel('Member', { exact: true }).selectOption({ label: 'سارة Sara' });
    await leaderPage.getByRole('button', { name: 'Ban سارة Sara' }).click();
    const banDialog = leaderPage.getByRole('dialog', { name: 'Ban سارة Sara from the group?' });
    await banDialog.getByLabel('Reason').fill('Advertising, twice.');
    await expectAccessible(leaderPage, 'ban dialog');
    await banDialog.getByRole('button', { name: 'Yes, ban them' }).click();
    await leaderPage.getByRole('status').filter({ hasText: 'سارة Sara is banned from the group.' }).waitFor();
    const bans = leaderPage.getByTestId('bans');
    await bans.waitFor();
    expect(await bans.textContent()).toContain('Advertising, twice.');
    await expectAccessible(leaderPage, 'bans');
    await expectFitsPhone(leaderPage, 'bans');
    expect((await platform.api(other, 'POST', `/api/v1/groups/${slug}/join`, { acceptCharter: true })).status).toBe(403);
    await bans.getByRole('button', { name: 'Lift the ban on سارة Sara' }).click();
    await leaderPage.getByRole('status').filter({ hasText: 'The ban on سارة Sara is lifted.' }).waitFor();
    await leaderPage.getByText('No one is banned from this group.').waitFor();

    // (e) The member now sees a placeholder where the reply was, and not its words.
    await memberPage.reload();
    await memberPage.getByTestId('comment').first().waitFor();
    const hidden = memberPage.getByTestId('comment').filter({ hasText: 'This reply was hidden by a moderator.' });
    expect(await hidden.count()).toBe(1);
    expect(await memberPage.getByTestId('thread-page').textContent()).not.toContain('Cheap pills');
    // The leader still reads it, folded away.
    await leaderPage.goto(threadUrl);
    const folded = leaderPage.getByTestId('comment').filter({ hasText: 'This reply was hidden by a moderator.' });
    await folded.waitFor();
    await folded.getByText('Show the hidden text').click();
    expect(await folded.locator('.post-body').textContent()).toContain('Cheap pills');

    // (f) The leader locks the thread: the member gets no reply box, and is told why.
    await leaderPage.getByTestId('thread-post').getByRole('button', { name: 'Lock the thread' }).click();
    await leaderPage.getByTestId('locked-notice').waitFor();
    await leaderPage.screenshot({ path: 'test-results/discussions-thread-leader-1280.png', fullPage: true });
    await memberPage.reload();
    await memberPage.getByTestId('locked-notice').waitFor();
    expect(await memberPage.getByTestId('reply-form').count()).toBe(0);
    await expectAccessible(memberPage, 'locked thread with a hidden reply');

    // (g) The list shows the thread with its badges, on the member's clock.
    await memberPage.goto(`/groups/${slug}/discussions`);
    const row = memberPage.getByTestId('thread-row').first();
    await row.waitFor();
    expect(await row.getByRole('heading', { level: 2 }).textContent()).toBe(HOSTILE_TITLE);
    expect(await row.textContent()).toContain('Locked');
    expect(await row.textContent()).toContain('2 replies');
    expect(await row.textContent()).toMatch(/Last activity .*\d{2}:\d{2}/);
    await expectAccessible(memberPage, 'discussions list');
    await expectFitsPhone(memberPage, 'discussions-list');
    await expectNothingRan(memberPage, memberTrouble);

    // (h) The platform moderator sees the group's report and log among all groups'.
    const adminPage = await admin.newPage();
    const adminTrouble = watchForTrouble(adminPage);
    await adminPage.goto('/');
    await adminPage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Moderation' }).click();
    await expect.poll(() => heading(adminPage)).toBe('Moderation — all groups');
    await adminPage.getByText('No open report. All is calm.').waitFor();
    await adminPage.getByRole('link', { name: 'Moderation log' }).click();
    const platformEntry = adminPage.locator('[data-testid="log-entry"][data-action="comment.hidden"]');
    await platformEntry.waitFor();
    expect(await platformEntry.textContent()).toContain('Evening carers');
    await expectAccessible(adminPage, 'platform moderation log');

    for (const trouble of [leaderTrouble, adminTrouble]) expect(trouble).toEqual({ dialogs: [], errors: [] });
  });

  it('lets a member choose how to follow a group, edit and delete their reply, and comment on a recap', async () => {
    const leader = await platform.signedUp('Leo Leader', 'Europe/Paris');
    const created = await platform.api(leader, 'POST', '/api/v1/groups', {
      name: 'Morning walkers',
      purpose: 'Walking together after a loss.',
      reasons: 'Moving helps us talk.',
      charter: 'We walk at the pace of the slowest.',
      leadership: 'guest',
      structure: { membership: 'open', format: 'drop-in' },
      modes: ['in-person'],
      languages: ['en', 'fr'],
      timeZone: 'Europe/Paris',
      visibility: 'public',
      topics: ['grief'],
    });
    expect(created.status).toBe(201);
    const slug = (created.body.group as { slug: string }).slug;
    const member = await platform.signedUp('Max Member', 'Europe/Paris');
    expect((await platform.api(member, 'POST', `/api/v1/groups/${slug}/join`, { acceptCharter: true })).status).toBe(201);
    const page = await member.newPage();
    const trouble = watchForTrouble(page);

    // Following by e-mail, each post.
    await page.goto(`/groups/${slug}`);
    const follow = page.getByTestId('follow-setting');
    await follow.waitFor();
    expect(await follow.getByRole('radio', { name: 'On the web only' }).isChecked()).toBe(true);
    await follow.getByRole('radio', { name: 'Each post by e-mail' }).check();
    await follow.getByRole('button', { name: 'Save how I follow' }).click();
    await expect.poll(() => follow.getByRole('status').textContent()).toBe('Saved. You follow this group: Each post by e-mail.');
    await expectAccessible(page, 'group page with the follow setting');
    await expectFitsPhone(page, 'group-page');

    // A reply of one's own: edited, then deleted after confirming.
    const thread = await platform.api(leader, 'POST', `/api/v1/groups/${slug}/threads`, { title: 'Saturday route', body: 'Along the river, *slowly*.' });
    expect(thread.status).toBe(201);
    const threadId = (thread.body.thread as { id: string }).id;
    await page.goto(`/threads/${threadId}`);
    await page.getByLabel('Your reply').fill('I will come.');
    await page.getByRole('button', { name: 'Post the reply' }).click();
    const posted = page.getByTestId('comment').filter({ hasText: 'I will come.' });
    await posted.waitFor();
    // While it is edited its words are in a text box: follow the reply by its id.
    const mine = page.locator(`#${await posted.getAttribute('id')}`);
    await mine.getByRole('button', { name: 'Edit' }).click();
    await mine.getByLabel('Your reply').fill('I will come, with my sister.');
    await expectAccessible(page, 'editing a reply');
    await mine.getByRole('button', { name: 'Save the changes' }).click();
    await mine.getByRole('status').filter({ hasText: 'Your changes are saved.' }).waitFor();
    await expect.poll(async () => (await mine.locator('.post-body').textContent())?.trim()).toBe('I will come, with my sister.');
    expect(await mine.locator('.post-meta').textContent()).toContain('(edited');
    await mine.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Yes, delete it' }).click();
    await mine.getByText('This reply was deleted by its author.').waitFor();
    await mine.getByRole('status').filter({ hasText: 'Your post is deleted.' }).waitFor();
    expect(await page.getByTestId('thread-page').textContent()).not.toContain('with my sister');

    // Comments on a session's recap, on the session date's page.
    const session = await platform.api(leader, 'POST', `/api/v1/groups/${slug}/sessions`, {
      title: 'River walk',
      start: '2026-03-07T10:00',
      timeZone: 'Europe/Paris',
      durationMinutes: 90,
      mode: 'in-person',
      location: 'Quai de la Loire',
    });
    expect(session.status).toBe(201);
    const sessionId = (session.body.session as { id: string }).id;
    const startsAt = '2026-03-07T09:00:00.000Z';
    expect(
      (
        await platform.api(leader, 'PUT', `/api/v1/sessions/${sessionId}/recap`, {
          occurrenceStart: startsAt,
          body: 'Six of us walked; we talked about first anniversaries.',
        })
      ).status,
    ).toBe(200);
    await page.goto(`/sessions/${sessionId}?occurrence=${encodeURIComponent(startsAt)}`);
    const recap = page.getByTestId('recap-comments');
    await recap.getByText('No comment yet.', { exact: false }).waitFor();
    await recap.getByLabel('Your comment').fill('Thank you all. It helped.');
    await recap.getByRole('button', { name: 'Post the comment' }).click();
    await recap.getByTestId('comment').filter({ hasText: 'Thank you all. It helped.' }).waitFor();
    await expectAccessible(page, 'session date with recap comments');
    await expectFitsPhone(page, 'recap-comments');

    expect(trouble).toEqual({ dialogs: [], errors: [] });
  });
});
