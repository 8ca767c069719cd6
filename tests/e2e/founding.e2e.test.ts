/**
 * The main journeys of the foundation, in a real browser: sign up → found a group through
 * the guide → a second person joins by accepting the charter; the same in French; a private
 * group invisible to a third person. Every page state is checked with axe-core, and user
 * text that looks like markup must stay text.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAccessibilityViolations, startPlatform, watchForTrouble, type RunningPlatform } from '../support/browser.ts';
import { announceSkip, hasChromium } from '../support/environment.ts';

if (!hasChromium) announceSkip('browser tests (install chromium)');

const HOSTILE = '<img src=x onerror=alert(1)>';
let counter = 0;

async function expectAccessible(page: Page, where: string): Promise<void> {
  expect(await seriousAccessibilityViolations(page), where).toEqual([]);
}

async function signUp(page: Page, labels: { name: string; email: string; password: string; submit: string }, displayName: string): Promise<string> {
  counter += 1;
  const email = `person${counter}.${Date.now()}@example.org`;
  await page.goto('/signup');
  await page.getByLabel(labels.name, { exact: true }).fill(displayName);
  await page.getByLabel(labels.email, { exact: true }).fill(email);
  await page.getByLabel(labels.password, { exact: true }).fill('a long enough password');
  await page.getByRole('main').getByRole('button', { name: labels.submit }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/signup'));
  return email;
}

const EN = { name: 'Display name', email: 'E-mail', password: 'Password', submit: 'Sign up' };
const FR = { name: 'Nom affiché', email: 'Adresse e-mail', password: 'Mot de passe', submit: 'Créer mon compte' };

describe.skipIf(!hasChromium)('founding a group and joining it, in the browser', () => {
  let platform: RunningPlatform;

  beforeAll(async () => {
    platform = await startPlatform();
  });
  afterAll(async () => {
    await platform?.stop();
  });

  it('signs up, founds a group through the guide, and a second person joins by accepting the charter', async () => {
    const founderContext = await platform.newContext({ locale: 'en-GB', timezoneId: 'Europe/Paris' });
    const page = await founderContext.newPage();
    const trouble = watchForTrouble(page);
    await page.goto('/');
    await expectAccessible(page, 'home, signed out');
    await signUp(page, EN, `Ana ${HOSTILE}`);

    await page.goto('/groups/new');
    await expect.poll(() => page.getByTestId('guide-step-1').isVisible()).toBe(true);
    await expectAccessible(page, 'guide step 1');
    await page.getByLabel('Name of the group', { exact: true }).fill(`Carers’ circle ${HOSTILE}`);
    await page.getByLabel('The need or common interest', { exact: true }).fill('Caring for a parent with dementia: sharing what helps.');
    await page.getByLabel('Topics', { exact: true }).fill('dementia');
    await page.getByRole('button', { name: 'Add topic' }).click();
    await page.getByRole('button', { name: 'Save and continue' }).click();

    await page.getByTestId('guide-step-2').waitFor();
    await page.getByLabel('Why this group, why now?', { exact: true }).fill('No group meets in the evening, when carers are free.');
    await page.getByRole('button', { name: 'Save and continue' }).click();

    await page.getByTestId('guide-step-3').waitFor();
    await expectAccessible(page, 'guide step 3');
    await page.getByRole('radio', { name: 'Open', exact: true }).check();
    await page.getByRole('radio', { name: 'Drop-in', exact: true }).check();
    await page.getByLabel('Maximum number of members', { exact: false }).fill('12');
    await page.getByRole('radio', { name: 'Weekly', exact: true }).check();
    await page.getByRole('button', { name: 'Save and continue' }).click();

    await page.getByTestId('guide-step-4').waitFor();
    await page.getByRole('checkbox', { name: /What is said here stays here/ }).check();
    await page.getByRole('checkbox', { name: 'We listen without judging.' }).check();
    await expect.poll(() => page.getByLabel('Charter', { exact: true }).inputValue()).toContain('We listen without judging.');
    await page.getByRole('button', { name: 'Save and continue' }).click();

    await page.getByTestId('guide-step-5').waitFor();
    await page.getByRole('radio', { name: 'Peer', exact: true }).check();
    await page.getByRole('button', { name: 'Save and continue' }).click();

    await page.getByTestId('guide-step-6').waitFor();
    await expectAccessible(page, 'guide step 6');
    await page.getByRole('checkbox', { name: 'In person', exact: true }).check();
    await page.getByRole('checkbox', { name: 'Online', exact: true }).check();
    await page.getByRole('checkbox', { name: 'English', exact: true }).check();
    await page.getByRole('checkbox', { name: 'French', exact: true }).check();
    await page.getByRole('radio', { name: 'Public', exact: true }).check();
    await page.getByRole('button', { name: 'Save and continue' }).click();

    await page.getByTestId('guide-step-7').waitFor();
    await expectAccessible(page, 'guide review');
    await page.getByRole('button', { name: 'Publish the group' }).click();
    await page.waitForURL((url) => /^\/groups\/carers-circle-img-src-x-onerror-alert-1[^/]*$/.test(url.pathname));
    const groupUrl = new URL(page.url()).pathname;
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(`Carers’ circle ${HOSTILE}`);
    await expect.poll(() => page.getByTestId('member-count').textContent()).toMatch(/1 member/);
    await expectAccessible(page, 'group page, leader');
    await page.screenshot({ path: 'test-results/founding-group-page.png', fullPage: true });

    // A second person, in another zone, joins by accepting the charter.
    const joinerContext = await platform.newContext({ locale: 'en-CA', timezoneId: 'America/St_Johns' });
    const joiner = await joinerContext.newPage();
    const joinerTrouble = watchForTrouble(joiner);
    await signUp(joiner, EN, 'Bea');
    await joiner.goto(groupUrl);
    const join = joiner.getByTestId('join-section');
    await join.waitFor().catch(async (error: unknown) => {
      await joiner.screenshot({ path: 'test-results/join-section-missing.png', fullPage: true });
      throw error;
    });
    await expectAccessible(joiner, 'group page, visitor');
    await join.getByRole('button', { name: 'Join', exact: true }).click();
    // Not without the charter.
    await expect.poll(() => joiner.getByText('Please tick the box to accept the charter.').first().isVisible()).toBe(true);
    await join.getByRole('checkbox', { name: 'I have read and accept the charter' }).check();
    await join.getByRole('button', { name: 'Join', exact: true }).click();
    await expect.poll(() => joiner.getByTestId('member-count').textContent()).toMatch(/2 members/);
    const members = joiner.getByTestId('member-list');
    await members.waitFor();
    await expect.poll(() => members.textContent()).toContain('Bea');
    expect(await members.textContent()).toContain(`Ana ${HOSTILE}`);
    expect(await joiner.content()).not.toMatch(/@example\.org/);
    await expectAccessible(joiner, 'group page, member');

    for (const seen of [trouble, joinerTrouble]) {
      expect(seen.dialogs).toEqual([]);
      expect(seen.errors).toEqual([]);
    }
    await founderContext.close();
    await joinerContext.close();
  });

  it('does the same in French', async () => {
    const context = await platform.newContext({ locale: 'fr-FR', timezoneId: 'Asia/Kathmandu' });
    const page = await context.newPage();
    const trouble = watchForTrouble(page);
    await page.goto('/');
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    await signUp(page, FR, 'Chloé');
    await page.goto('/groups/new');
    await page.getByTestId('guide-step-1').waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Fonder un groupe');
    await page.getByLabel('Nom du groupe', { exact: true }).fill('Parents endeuillés');
    await page.getByLabel('Le besoin ou l’intérêt commun', { exact: true }).fill('Vivre après la perte d’un enfant.');
    await page.getByRole('button', { name: 'Enregistrer et continuer' }).click();
    await page.getByTestId('guide-step-2').waitFor();
    await expectAccessible(page, 'guide step 2, fr');
    // Leave and come back: the draft is kept.
    await page.getByRole('button', { name: 'Enregistrer et quitter' }).click();
    await page.waitForURL((url) => !url.pathname.includes('/edit') && !url.pathname.endsWith('/new'));
    await page.goto('/');
    await page
      .getByRole('link', { name: /Parents endeuillés/ })
      .first()
      .click();
    await expect.poll(() => page.getByText('Ce groupe est un brouillon').first().isVisible()).toBe(true);
    await expectAccessible(page, 'draft page, fr');
    expect(trouble.dialogs).toEqual([]);
    expect(trouble.errors).toEqual([]);
    await context.close();
  });

  it('keeps a private group invisible to a third person, and lets an invited one in', async () => {
    const leaderContext = await platform.newContext();
    const leader = await leaderContext.newPage();
    await signUp(leader, EN, 'Dan');
    const api = leader.request;
    const headers = { origin: platform.url };
    const created = await api.post('/api/v1/groups', {
      headers,
      data: {
        name: 'Quiet room',
        purpose: 'A private circle.',
        reasons: 'We need discretion.',
        charter: 'Nothing leaves the room.',
        leadership: 'professional',
        profession: 'Psychologist',
        structure: { membership: 'invite', format: 'cohort' },
        modes: ['online'],
        languages: ['en'],
        timeZone: 'Pacific/Chatham',
        visibility: 'private',
        topics: [],
      },
    });
    expect(created.status()).toBe(201);
    const { slug } = (await created.json()).group;

    const strangerContext = await platform.newContext();
    const stranger = await strangerContext.newPage();
    await signUp(stranger, EN, 'Eve');
    await stranger.goto(`/groups/${slug}`);
    await expect.poll(() => stranger.getByRole('heading', { level: 1 }).textContent()).toBe('Group not found');
    expect(await stranger.content()).not.toContain('Quiet room');
    await stranger.goto('/');
    await stranger.getByRole('main').waitFor();
    expect(await stranger.content()).not.toContain('Quiet room');

    await leader.goto(`/groups/${slug}`);
    await leader.getByRole('button', { name: 'Create an invitation link' }).click();
    const link = leader.getByTestId('invitation-url');
    await link.waitFor();
    const url = ((await link.inputValue().catch(() => null)) ?? (await link.textContent()) ?? '').trim();
    expect(url).toContain('/invitations/');

    const invitedContext = await platform.newContext();
    const invited = await invitedContext.newPage();
    await signUp(invited, EN, 'Fay');
    await invited.goto(new URL(url).pathname);
    await expect.poll(() => invited.getByText('Nothing leaves the room.').first().isVisible()).toBe(true);
    await expectAccessible(invited, 'invitation page');
    await invited.getByRole('checkbox', { name: 'I have read and accept the charter' }).check();
    await invited.getByRole('button', { name: 'Join the group' }).click();
    await invited.waitForURL(new RegExp(`/groups/${slug}`));
    await expect.poll(() => invited.getByTestId('member-count').textContent()).toMatch(/2 members/);

    // The stranger still sees nothing.
    await stranger.goto(`/groups/${slug}`);
    await expect.poll(() => stranger.getByRole('heading', { level: 1 }).textContent()).toBe('Group not found');
    for (const c of [leaderContext, strangerContext, invitedContext]) await c.close();
  });

  it('works on a phone', async () => {
    const context = await platform.newContext({ mobile: true });
    const page = await context.newPage();
    await page.goto('/');
    await expectAccessible(page, 'home on a phone');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: 'test-results/home-phone.png', fullPage: true });
    await context.close();
  });
});
