/**
 * Sessions in Chromium. The main journey: a leader in Paris schedules a weekly session from
 * the form; a member in Montréal sees it on both clocks and takes the only place; a second
 * member lands on the wait-list; the first withdraws and the second, on reload, is going.
 * Then a leader's tools: cancel and move one date, change the series from a date on, write
 * and schedule a programme; and a member's personal calendar feed. Accounts and groups are
 * set up through the API; everything under test goes through the pages.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAccessibilityViolations, startPlatform, watchForTrouble, type RunningPlatform } from '../support/browser.ts';
import { announceSkip, hasChromium } from '../support/environment.ts';

if (!hasChromium) announceSkip('browser tests');

/** Both clocks, as formatWhen writes them for a Montréal viewer of a Paris session. */
const BOTH_CLOCKS = /19:00 \(Paris\) · 13:00 your time \(Montreal\)/;

describe.skipIf(!hasChromium)('sessions in the browser', () => {
  let platform: RunningPlatform;

  beforeAll(async () => {
    platform = await startPlatform();
  });

  afterAll(async () => {
    await platform?.stop();
  });

  /** A published open group led from Paris, and members living in Montréal. */
  async function groupWithMembers(name: string, memberNames: string[]) {
    const leader = await platform.signedUp(`Leader of ${name}`, 'Europe/Paris');
    const created = await platform.api(leader, 'POST', '/api/v1/groups', {
      name,
      purpose: 'Caring for a parent with dementia: sharing what helps, and what weighs on us.',
      reasons: 'No group nearby meets in the evening, when carers are free.',
      charter: 'What is said here stays here.\nWe listen without judging.',
      leadership: 'peer',
      structure: { membership: 'open', format: 'drop-in', maxMembers: 12, rhythm: 'weekly' },
      modes: ['in-person', 'online'],
      languages: ['en', 'fr'],
      timeZone: 'Europe/Paris',
      visibility: 'public',
      topics: ['dementia', 'carers'],
    });
    expect(created.status).toBe(201);
    const slug = (created.body.group as { slug: string }).slug;
    const members: BrowserContext[] = [];
    for (const memberName of memberNames) {
      const member = await platform.signedUp(memberName, 'America/Montreal');
      expect((await platform.api(member, 'POST', `/api/v1/groups/${slug}/join`, { acceptCharter: true })).status).toBe(201);
      members.push(member);
    }
    return { leader, slug, members };
  }

  async function expectAccessible(page: Page, where: string) {
    expect(await seriousAccessibilityViolations(page), where).toEqual([]);
  }

  it('schedules a weekly session, shows it on each clock, fills it, wait-lists and promotes', async () => {
    // Setup through the API: a published open group in Paris, two members in Montréal.
    const { leader, slug, members } = await groupWithMembers('Carers on Tuesdays', ['Montreal Max', 'Montreal Mia']);
    const [first, second] = members as [BrowserContext, BrowserContext];

    // (a) The leader schedules from the group page: Tuesdays at 19:00 Paris time, one place.
    const leaderPage = await leader.newPage();
    const leaderTrouble = watchForTrouble(leaderPage);
    await leaderPage.goto(`/groups/${slug}`);
    await leaderPage.getByRole('link', { name: 'Schedule a session' }).click();
    await expect.poll(() => leaderPage.getByRole('heading', { level: 1 }).textContent()).toBe('Schedule a session');
    await expectAccessible(leaderPage, 'schedule form');

    await leaderPage.getByLabel('Title', { exact: true }).fill('Tuesday circle');
    await leaderPage.getByLabel('Date', { exact: true }).fill('2027-01-12');
    await leaderPage.getByLabel('Time (Paris)').fill('19:00');
    expect(await leaderPage.getByLabel('Time zone of the session').inputValue()).toBe('Europe/Paris');
    // The leader's own clock is the session's: no "your time" line.
    expect(await leaderPage.getByTestId('your-time').textContent()).toBe('');
    await leaderPage.getByRole('radio', { name: 'Every week', exact: true }).check();
    expect(await leaderPage.getByRole('checkbox', { name: 'Tuesday', exact: true }).isChecked()).toBe(true);
    expect(await leaderPage.getByTestId('repeat-summary').textContent()).toBe('Every week on Tuesday');
    await leaderPage.getByLabel('Places').fill('1');
    // The agenda starts from the support-circle template, which fills the 90 minutes.
    expect(await leaderPage.getByTestId('agenda-total').textContent()).toContain('exactly');
    await expectAccessible(leaderPage, 'schedule form, filled');
    await leaderPage.getByRole('button', { name: 'Schedule the session' }).click();

    await leaderPage.waitForURL(/\/sessions\/[0-9a-f-]+$/);
    await expect.poll(() => leaderPage.getByRole('status').filter({ hasText: 'The session is scheduled' }).count()).toBe(1);
    expect(await leaderPage.getByTestId('session-repeat').textContent()).toBe('Every week on Tuesday');
    const firstRow = leaderPage.getByTestId('occurrence-row').first();
    expect(await firstRow.textContent()).toMatch(/12 January 2027 at 19:00 \(Paris\)/);
    expect(await firstRow.textContent()).not.toContain('your time');

    // (b) The first member, in Montréal, sees it at 13:00 their time beside 19:00 in Paris.
    const firstPage = await first.newPage();
    const firstTrouble = watchForTrouble(firstPage);
    await firstPage.goto(`/groups/${slug}`);
    const upcoming = firstPage.getByTestId('upcoming-sessions');
    await upcoming.getByTestId('occurrence-row').first().waitFor();
    expect(await upcoming.getByTestId('occurrence-row').count()).toBe(8);
    expect(await upcoming.getByTestId('occurrence-row').first().textContent()).toMatch(BOTH_CLOCKS);

    await firstPage.getByRole('link', { name: 'My sessions', exact: true }).click();
    await expect.poll(() => firstPage.getByRole('heading', { level: 1 }).textContent()).toBe('My sessions');
    const mine = firstPage.getByTestId('my-sessions').getByTestId('occurrence-row').first();
    await mine.waitFor();
    expect(await mine.textContent()).toMatch(/12 January 2027 at 19:00 \(Paris\) · 13:00 your time \(Montreal\)/);
    expect(await mine.textContent()).toContain('Carers on Tuesdays');
    expect(await mine.textContent()).toContain('1 place left');
    await expectAccessible(firstPage, 'my sessions');

    await mine.getByRole('link', { name: 'Tuesday circle' }).click();
    await firstPage.waitForURL(/occurrence=2027-01-12T18%3A00%3A00.000Z/);
    await firstPage.getByTestId('rsvp-panel').waitFor();
    expect(await firstPage.getByTestId('session-when').textContent()).toMatch(BOTH_CLOCKS);
    expect(await firstPage.getByTestId('rsvp-status').textContent()).toBe('You have not answered yet.');
    await expectAccessible(firstPage, 'occurrence page');
    await firstPage.getByRole('button', { name: 'I’m going' }).click();
    await expect.poll(() => firstPage.getByTestId('rsvp-status').textContent()).toBe('You are going.');
    await expect.poll(() => firstPage.getByTestId('places-left').textContent()).toBe('Full');
    const occurrenceUrl = firstPage.url();

    // (c) The second member asks for the same date: it is full, so the wait-list.
    const secondPage = await second.newPage();
    const secondTrouble = watchForTrouble(secondPage);
    await secondPage.goto(occurrenceUrl);
    await secondPage.getByTestId('rsvp-panel').waitFor();
    expect(await secondPage.getByTestId('places-left').textContent()).toBe('Full');
    await secondPage.getByRole('button', { name: 'I’m going' }).click();
    await expect.poll(() => secondPage.getByTestId('rsvp-status').textContent()).toMatch(/^You are on the wait-list\./);
    await expect.poll(() => secondPage.getByTestId('waitlist-count').textContent()).toBe('1 on the wait-list');

    // (d) The first member cannot come after all; the place goes to the second.
    await firstPage.reload();
    await firstPage.getByTestId('rsvp-panel').waitFor();
    expect(await firstPage.getByTestId('waitlist-count').textContent()).toBe('1 on the wait-list');
    await firstPage.getByRole('button', { name: 'I can’t come' }).click();
    await expect.poll(() => firstPage.getByTestId('rsvp-status').textContent()).toBe('You said you cannot come.');

    await secondPage.reload();
    await secondPage.getByTestId('rsvp-panel').waitFor();
    expect(await secondPage.getByTestId('rsvp-status').textContent()).toBe('You are going.');
    expect(await secondPage.getByTestId('waitlist-count').textContent()).toBe('0 on the wait-list');

    // The leader sees who is coming: the promoted member, and nobody waiting.
    await leaderPage.goto(occurrenceUrl);
    const people = leaderPage.getByTestId('leader-people');
    await people.getByTestId('going-list').waitFor();
    expect(await people.getByTestId('going-list').textContent()).toBe('Montreal Mia');
    expect(await people.textContent()).toContain('Nobody is waiting.');
    await expectAccessible(leaderPage, 'occurrence page, as leader');

    for (const trouble of [leaderTrouble, firstTrouble, secondTrouble]) expect(trouble).toEqual({ dialogs: [], errors: [] });
  });

  it('lets a leader cancel and move one date, change the series from a date on, and schedule a programme', async () => {
    const { leader, slug, members } = await groupWithMembers('Thursday carers', ['Montreal Noor']);
    const [member] = members as [BrowserContext];
    // The series itself is not under test here: it is made through the API.
    const scheduled = await platform.api(leader, 'POST', `/api/v1/groups/${slug}/sessions`, {
      title: 'Thursday circle',
      start: '2027-01-07T18:00',
      timeZone: 'Europe/Paris',
      durationMinutes: 90,
      recurrence: 'FREQ=WEEKLY;BYDAY=TH',
      mode: 'online',
      onlineUrl: 'https://meet.example.org/thursday',
    });
    expect(scheduled.status).toBe(201);
    const id = (scheduled.body.session as { id: string }).id;
    const occurrence = (startsAt: string) => `/sessions/${id}?occurrence=${encodeURIComponent(startsAt)}`;

    const page = await leader.newPage();
    const trouble = watchForTrouble(page);

    // Cancel 14 January only.
    await page.goto(occurrence('2027-01-14T17:00:00.000Z'));
    await page.getByTestId('manage-occurrence').waitFor();
    await page.getByRole('button', { name: 'Cancel this date' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Yes, cancel this date' }).click();
    await expect.poll(() => page.getByTestId('occurrence-page').getAttribute('data-status')).toBe('cancelled');

    // Move 21 January to Friday 22 at 18:30, Paris time.
    await page.goto(occurrence('2027-01-21T17:00:00.000Z'));
    await page.getByRole('button', { name: 'Move this date' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Date', { exact: true }).fill('2027-01-22');
    await dialog.getByLabel('Time (Paris)').fill('18:30');
    await dialog.getByRole('button', { name: 'Move it' }).click();
    await page.waitForURL(/occurrence=2027-01-22T17%3A30%3A00.000Z/);
    await expect.poll(() => page.getByTestId('occurrence-page').getAttribute('data-status')).toBe('moved');
    expect(await page.getByTestId('session-when').textContent()).toMatch(/22 January 2027 at 18:30 \(Paris\)/);

    // The member sees the rest of the series untouched, the cancelled date struck through, the moved one said so.
    const memberPage = await member.newPage();
    const memberTrouble = watchForTrouble(memberPage);
    await memberPage.goto(`/groups/${slug}`);
    const rows = memberPage.getByTestId('upcoming-sessions').getByTestId('occurrence-row');
    await rows.first().waitFor();
    expect(await rows.evaluateAll((els) => els.slice(0, 4).map((e) => e.getAttribute('data-status')))).toEqual([
      'scheduled',
      'cancelled',
      'moved',
      'scheduled',
    ]);
    expect(await rows.nth(0).textContent()).toMatch(/18:00 \(Paris\) · 12:00 your time \(Montreal\)/);
    expect(await rows.nth(1).textContent()).toContain('Cancelled');
    expect(await rows.nth(2).textContent()).toMatch(/Moved from .*21 January 2027 at 18:00 \(Paris\)/);
    await expectAccessible(memberPage, 'group page with cancelled and moved dates');

    // From 28 January on, the circle starts at 19:00; earlier dates keep 18:00.
    await page.goto(occurrence('2027-01-28T17:00:00.000Z'));
    await page.getByRole('link', { name: 'Change this and the following dates' }).click();
    await page.getByTestId('edit-scope').waitFor();
    expect(await page.getByLabel('Date', { exact: true }).inputValue()).toBe('2027-01-28');
    await page.getByLabel('Time (Paris)').fill('19:00');
    await page.getByRole('button', { name: 'Save the changes' }).click();
    await page.waitForURL((url) => /^\/sessions\/[0-9a-f-]+$/.test(url.pathname) && !url.pathname.endsWith(id));
    const firstDate = page.getByTestId('session-overview').getByTestId('occurrence-row').first();
    await firstDate.waitFor();
    expect(await firstDate.textContent()).toMatch(/28 January 2027 at 19:00 \(Paris\)/);
    const before = await platform.api(leader, 'GET', `/api/v1/groups/${slug}/occurrences?from=2027-01-01T00:00:00Z&to=2027-01-08T00:00:00Z`);
    expect((before.body.occurrences as { localStart: string }[]).map((o) => o.localStart)).toEqual(['2027-01-07T18:00']);

    // A two-week programme, written then scheduled for a cohort.
    await page.goto(`/groups/${slug}`);
    await page.getByRole('link', { name: 'Programmes', exact: true }).click();
    await page.getByRole('link', { name: 'Write a programme' }).click();
    await page.getByLabel('Title', { exact: true }).fill('Two weeks to breathe');
    await page.locator('#field-parts-0-theme').fill('Sleep');
    await page.getByRole('button', { name: 'Add a session' }).click();
    await page.locator('#field-parts-1-theme').fill('Asking for help');
    await expectAccessible(page, 'programme editor');
    await page.getByRole('button', { name: 'Save the programme' }).click();
    const card = page.getByTestId('programme-card');
    await card.waitFor();
    expect(await card.textContent()).toContain('2 sessions');
    await card.getByRole('link', { name: /Schedule for a cohort/ }).click();
    await page.locator('#field-start-date').fill('2027-03-02');
    const preview = page.getByTestId('programme-preview');
    await expect.poll(() => preview.locator('li').count()).toBe(2);
    expect(await preview.textContent()).toMatch(/Asking for help — Tuesday,? 9 March 2027 at 19:00 \(Paris\)/);
    await expectAccessible(page, 'programme scheduler');
    await page.getByRole('button', { name: 'Schedule 2 sessions' }).click();
    await page.waitForURL(new RegExp(`/groups/${slug}$`));
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'The programme’s sessions are scheduled.' }).count()).toBe(1);
    const programme = await platform.api(leader, 'GET', `/api/v1/groups/${slug}/occurrences?from=2027-03-01T00:00:00Z&to=2027-03-20T00:00:00Z`);
    expect(
      (programme.body.occurrences as { title: string; localStart: string }[]).filter((o) => o.title !== 'Thursday circle').map((o) => [o.title, o.localStart]),
    ).toEqual([
      ['Sleep', '2027-03-02T19:00'],
      ['Asking for help', '2027-03-09T19:00'],
    ]);

    // The member's personal calendar feed: a secret address, shown once.
    await memberPage.goto('/settings');
    await memberPage.getByRole('button', { name: 'Create my feed address' }).click();
    await expect.poll(() => memberPage.getByTestId('feed-url').textContent()).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/.+/);
    await expectAccessible(memberPage, 'settings with the calendar feed');

    for (const seen of [trouble, memberTrouble]) expect(seen).toEqual({ dialogs: [], errors: [] });
  });
});
