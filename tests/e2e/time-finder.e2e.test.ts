/**
 * The time finder in Chromium. A member states their availability through the form (and
 * meets a field issue on the way); a leader in Paris finds a weekly time for members in
 * Montréal, Kolkata and Sydney, reads who each time leaves out and at what local time for
 * them, and applies the choice as recurring sessions. Accounts, the group, memberships and
 * the other members' availability are set up through the API; the journey goes through the
 * pages.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAccessibilityViolations, startPlatform, watchForTrouble, type RunningPlatform } from '../support/browser.ts';
import { announceSkip, hasChromium } from '../support/environment.ts';

if (!hasChromium) announceSkip('browser tests');
const WEEKDAYS = [1, 2, 3, 4, 5];

interface Excluded {
  displayName: string;
  timeZone: string;
  localTime: string;
  weeksAvailable: number;
}
interface Slot {
  available: number;
  total: number;
  excluded: Excluded[];
}

describe.skipIf(!hasChromium)('time finder in the browser', () => {
  let platform: RunningPlatform;

  beforeAll(async () => {
    platform = await startPlatform();
  });

  afterAll(async () => {
    await platform?.stop();
  });

  async function setAvailability(context: BrowserContext, timeZone: string, start: string, end: string) {
    const res = await platform.api(context, 'PUT', '/api/v1/me/availability', {
      timeZone,
      windows: WEEKDAYS.map((day) => ({ day, start, end })),
      languages: ['en'],
      modes: ['online'],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }

  async function expectAccessible(page: Page, where: string) {
    expect(await seriousAccessibilityViolations(page), where).toEqual([]);
  }

  async function screenshots(page: Page, name: string) {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: `test-results/${name}-1280.png`, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `test-results/${name}-390.png`, fullPage: true });
    // Nothing wider than the phone's screen but the scrolling heat map.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(overflow, `${name} at 390 px`).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1280, height: 900 });
  }

  it('finds a time for members in four zones, shows whom each time leaves out, and applies it', async () => {
    const leader = await platform.signedUp('Paris Pauline', 'Europe/Paris');
    const created = await platform.api(leader, 'POST', '/api/v1/groups', {
      name: 'Carers across continents',
      purpose: 'Caring for a parent far away: sharing what helps, across time zones.',
      reasons: 'We live on four continents and want one circle.',
      charter: 'What is said here stays here.\nWe listen without judging.',
      leadership: 'peer',
      structure: { membership: 'open', format: 'drop-in', maxMembers: 12, rhythm: 'weekly' },
      modes: ['online'],
      languages: ['en'],
      timeZone: 'Europe/Paris',
      visibility: 'public',
      topics: ['carers'],
    });
    expect(created.status).toBe(201);
    const slug = (created.body.group as { slug: string }).slug;
    const leaderId = ((await platform.api(leader, 'GET', '/api/v1/me')).body.user as { id: string }).id;
    await setAvailability(leader, 'Europe/Paris', '08:00', '23:00');

    const montreal = await platform.signedUp('Montreal Max', 'America/Montreal');
    const kolkata = await platform.signedUp('Kolkata Kavya', 'Asia/Kolkata');
    const sydney = await platform.signedUp('Sydney Sam', 'Australia/Sydney');
    for (const member of [montreal, kolkata, sydney]) {
      expect((await platform.api(member, 'POST', `/api/v1/groups/${slug}/join`, { acceptCharter: true })).status).toBe(201);
    }
    await setAvailability(kolkata, 'Asia/Kolkata', '17:00', '24:00');
    await setAvailability(sydney, 'Australia/Sydney', '06:00', '09:00');

    // (a) A member states their availability through the form, on their own clock.
    const memberPage = await montreal.newPage();
    const memberTrouble = watchForTrouble(memberPage);
    await memberPage.goto('/');
    await memberPage.getByRole('link', { name: 'My availability', exact: true }).click();
    await expect.poll(() => memberPage.getByRole('heading', { level: 1 }).textContent()).toBe('My availability');
    expect(await memberPage.getByTestId('availability-status').textContent()).toBe('You have not said when you are available yet.');
    expect(await memberPage.getByLabel('My time zone', { exact: true }).inputValue()).toBe('America/Montreal');
    await expectAccessible(memberPage, 'availability form, empty');

    for (let i = 0; i < 5; i++) await memberPage.getByRole('button', { name: 'Add a window' }).click();
    expect(await memberPage.getByTestId('window-row').count()).toBe(5);
    for (let i = 0; i < 5; i++) {
      const row = memberPage.getByRole('group', { name: `Window ${i + 1}` });
      await row.getByLabel('Day').selectOption({ label: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'][i]! });
      await row.getByLabel('From').fill(i === 4 ? '12:10' : '12:00');
      await row.getByLabel('Until').fill('22:00');
    }
    await memberPage.getByRole('checkbox', { name: 'Online', exact: true }).check();
    await memberPage.getByRole('button', { name: 'Save my availability' }).click();
    // 12:10 is not on the quarter hour: the summary names the window's field.
    const summary = memberPage.locator('.error-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('When I can take part each week');
    expect(await memberPage.getByRole('group', { name: 'Window 5' }).locator('.field-error').count()).toBe(1);
    await expectAccessible(memberPage, 'availability form, with an error');

    await memberPage.getByRole('group', { name: 'Window 5' }).getByLabel('From').fill('12:00');
    await memberPage.getByRole('button', { name: 'Save my availability' }).click();
    await expect.poll(() => memberPage.getByRole('status').filter({ hasText: 'Your availability is saved.' }).count()).toBe(1);
    const saved = await platform.api(montreal, 'GET', '/api/v1/me/availability');
    const availability = saved.body.availability as { timeZone: string; windows: unknown[]; modes: string[] };
    expect(availability.timeZone).toBe('America/Montreal');
    expect(availability.windows).toEqual(WEEKDAYS.map((day) => ({ day, start: '12:00', end: '22:00' })));
    expect(availability.modes).toEqual(['online']);
    await screenshots(memberPage, 'availability');

    // (b) The leader opens the time finder from the group page.
    const page = await leader.newPage();
    const trouble = watchForTrouble(page);
    await page.goto(`/groups/${slug}`);
    await page.getByRole('link', { name: 'Find a time' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Find a time');
    // The leaders must be able to come, by default.
    expect(await page.getByRole('checkbox', { name: 'Paris Pauline' }).isChecked()).toBe(true);
    await page.getByLabel('From', { exact: true }).fill('2027-03-22');
    await page.getByRole('button', { name: 'Find times' }).click();
    const best = page.getByTestId('best-slots');
    await expect.poll(() => best.getByTestId('slot').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('finder-summary').textContent()).toContain('4 members have stated their availability.');

    // What the page shows is what the API found, with the excluded on their own clocks.
    const found = await platform.api(leader, 'GET', `/api/v1/groups/${slug}/time-finder?from=2027-03-22&weeks=4&durationMinutes=90&mustHave=${leaderId}`);
    expect(found.status).toBe(200);
    const slots = found.body.slots as Slot[];
    expect(slots.length).toBeGreaterThan(0);
    // Nobody is free in all four zones at once: every time leaves someone out.
    expect(slots[0]!.available).toBeLessThan(4);
    expect(await best.getByTestId('slot').count()).toBe(Math.min(5, slots.length));
    if (slots.length > 5) {
      await best.getByRole('button', { name: `Show all ${slots.length} times` }).click();
      expect(await best.getByTestId('slot').count()).toBe(slots.length);
    }
    for (const [index, slot] of slots.entries()) {
      const item = best.getByTestId('slot').nth(index);
      expect(await item.getByTestId('slot-count').textContent()).toContain(`${slot.available} of ${slot.total} can come`);
      const lines = await item.getByTestId('slot-excluded').locator('li').allTextContents();
      for (const [i, person] of slot.excluded.entries()) {
        const city = person.timeZone.split('/').pop()!.replace(/_/g, ' ');
        expect(lines[i]).toContain(`${person.localTime.slice(11, 16)} for ${person.displayName}, ${city}`);
        if (person.weeksAvailable > 0) expect(lines[i]).toContain(`can come ${person.weeksAvailable} of 4 weeks (clock changes)`);
      }
    }
    const excludedText = (await best.getByTestId('slot-excluded').allTextContents()).join('\n');
    expect(excludedText).toMatch(/\d{2}:\d{2} for (Sydney Sam, Sydney|Kolkata Kavya, Kolkata|Montreal Max, Montreal)/);
    // The heat map: a table of 24 hours × 7 days, each cell saying its count in words.
    const heat = page.getByTestId('heat-map');
    expect(await heat.locator('tbody tr').count()).toBe(24);
    expect(await heat.locator('tbody td').count()).toBe(168);
    expect(await heat.locator('tbody td').first().textContent()).toMatch(/^Monday 00:00: (up to \d of 4|a must-have person cannot come)$/);
    // The rotation and each member's share of the bad hours.
    expect(await page.getByTestId('shares').locator('tbody tr').count()).toBe(4);
    await expectAccessible(page, 'time finder with results');
    await screenshots(page, 'time-finder');
    await heat.screenshot({ path: 'test-results/heat-map-1280.png' });
    await page.setViewportSize({ width: 390, height: 844 });
    await heat.screenshot({ path: 'test-results/heat-map-390.png' });
    await page.setViewportSize({ width: 1280, height: 900 });

    // In another member's zone, the times read on their clock.
    await page.getByLabel('Show times in').selectOption('Asia/Kolkata');
    await page.getByRole('button', { name: 'Find times' }).click();
    await expect.poll(() => best.getByTestId('slot-when').first().textContent()).toContain('(Kolkata)');

    // (c) Apply: the rotation when there is one, else the best time.
    const rotation = found.body.rotation as unknown[];
    if (rotation.length > 1) await page.getByRole('radio', { name: 'Choose this rotation' }).check();
    else await best.getByRole('radio', { name: 'Choose this time' }).first().check();
    const apply = page.getByTestId('apply');
    await apply.getByLabel('Title', { exact: true }).fill('Circle across continents');
    await apply.getByLabel('Video link').fill('https://meet.example.org/circle');
    await expectAccessible(page, 'time finder, applying');
    await apply.getByRole('button', { name: 'Create the sessions' }).click();
    await page.waitForURL(new RegExp(`/groups/${slug}$`));
    const upcoming = page.getByTestId('upcoming-sessions');
    await upcoming.getByTestId('occurrence-row').first().waitFor();
    expect(await upcoming.textContent()).toContain('Circle across continents');

    // (d) A member who is not a leader is told the finder is not for them.
    await memberPage.goto(`/groups/${slug}/time-finder`);
    await expect.poll(() => memberPage.getByRole('heading', { level: 1 }).textContent()).toBe('Not allowed');

    // (e) French, for the screenshots.
    expect((await platform.api(leader, 'PATCH', '/api/v1/me', { locale: 'fr' })).status).toBe(200);
    await page.goto(`/groups/${slug}/time-finder`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Trouver un horaire');
    await page.getByTestId('best-slots').getByTestId('slot').first().waitFor();
    await screenshots(page, 'time-finder-fr');
    await page.goto('/me/availability');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Mes disponibilités');
    await page.getByTestId('availability-form').waitFor();
    await screenshots(page, 'availability-fr');

    for (const seen of [memberTrouble, trouble]) expect(seen).toEqual({ dialogs: [], errors: [] });
  });
  it('lets a leader propose weekly times and members vote, each on their own clock', async () => {
    const leader = await platform.signedUp('Poll Leader', 'Europe/Paris');
    const created = await platform.api(leader, 'POST', '/api/v1/groups', {
      name: 'Carers who vote',
      purpose: 'Caring for a parent far away: sharing what helps, across time zones.',
      reasons: 'We live on several continents and want one circle.',
      charter: 'What is said here stays here.',
      leadership: 'peer',
      structure: { membership: 'open', format: 'drop-in', maxMembers: 12, rhythm: 'weekly' },
      modes: ['online'],
      languages: ['en'],
      timeZone: 'Europe/Paris',
      visibility: 'public',
      topics: ['carers'],
    });
    expect(created.status).toBe(201);
    const slug = (created.body.group as { slug: string }).slug;
    const member = await platform.signedUp('Voting Vera', 'America/Montreal');
    expect((await platform.api(member, 'POST', `/api/v1/groups/${slug}/join`, { acceptCharter: true })).status).toBe(201);

    const page = await leader.newPage();
    const trouble = watchForTrouble(page);
    await page.goto(`/groups/${slug}`);
    await page.getByRole('link', { name: 'Time polls' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Time polls');
    expect(await page.getByTestId('polls').textContent()).toBe('No poll yet.');
    await page.getByLabel('Question').fill('Which evening suits you?');
    await page.getByRole('group', { name: 'Time 1' }).getByLabel('Day').selectOption({ label: 'Tuesday' });
    await page.getByRole('group', { name: 'Time 1' }).getByLabel('At').fill('19:00');
    await page.getByRole('button', { name: 'Add a time' }).click();
    await page.getByRole('group', { name: 'Time 2' }).getByLabel('Day').selectOption({ label: 'Thursday' });
    await page.getByRole('group', { name: 'Time 2' }).getByLabel('At').fill('20:00');
    await expectAccessible(page, 'polls, new poll form');
    await page.getByRole('button', { name: 'Start the poll' }).click();
    await page.getByTestId('poll').waitFor();
    expect(await page.getByTestId('poll-slot').count()).toBe(2);

    // The member sees each time on their clock beside the group's, and votes.
    const memberPage = await member.newPage();
    const memberTrouble = watchForTrouble(memberPage);
    await memberPage.goto(`/groups/${slug}/polls`);
    const slots = memberPage.getByTestId('poll-slot');
    await slots.first().waitFor();
    expect(await slots.first().locator('legend').textContent()).toMatch(/^Tuesday 13:00 \(Montreal\), your time — Tuesday 19:00 \(Paris\)$/);
    // Sending before answering every time points at the one left.
    await slots.first().getByRole('radio', { name: 'Yes' }).check();
    await memberPage.getByRole('button', { name: 'Send my answers' }).click();
    expect(await memberPage.locator('.error-summary').textContent()).toContain('Time 2 — Answer yes, if need be or no.');
    await slots.nth(1).getByRole('radio', { name: 'If need be' }).check();
    await expectAccessible(memberPage, 'polls, voting');
    await memberPage.getByRole('button', { name: 'Send my answers' }).click();
    await expect.poll(() => memberPage.getByRole('status').filter({ hasText: 'Your answers are counted.' }).count()).toBe(1);
    expect(await slots.nth(1).getByTestId('poll-counts').textContent()).toBe('Yes 0 · If need be 1 · No 0');
    await screenshots(memberPage, 'polls');

    // The leader's page follows the results live (every 10 s) and names who answered.
    await expect.poll(() => page.getByTestId('poll-slot').first().textContent(), { timeout: 15_000 }).toContain('Yes: Voting Vera');
    await page.getByRole('button', { name: 'Close the poll' }).click();
    await expect.poll(() => page.getByTestId('poll').textContent()).toContain('Closed');

    for (const seen of [memberTrouble, trouble]) expect(seen).toEqual({ dialogs: [], errors: [] });
  });
});
