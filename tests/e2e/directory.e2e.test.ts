/**
 * Finding a group in Chromium. Public groups in Montréal, Paris, Lyon and Villeurbanne (and
 * online), in French and English, plus a private one with the same words, are set up
 * through the API. An anonymous visitor in Montréal searches from the home page without the
 * accents, narrows by language, then by distance from a town picked in the combobox with
 * the keyboard, reorders by distance, walks back with the back button, and opens a group
 * page (its <head> carries the group for link previews; joining is offered). The private
 * group never shows. Then: "use my location", a founder picking the town in the guide, an
 * admin importing a Meeting Guide file, and the directory on a phone in French.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAccessibilityViolations, startPlatform, watchForTrouble, type RunningPlatform } from '../support/browser.ts';
import { announceSkip, hasChromium } from '../support/environment.ts';
import { instantToLocal, localToInstant } from '../../src/shared/zoned-time.ts';

if (!hasChromium) announceSkip('browser tests');

const DAY = 86_400_000;

const PLACES = {
  montreal: { name: 'Montréal', countryCode: 'CA', admin1: '10', latitude: 45.50884, longitude: -73.58781 },
  paris: { name: 'Paris', countryCode: 'FR', admin1: '11', latitude: 48.85341, longitude: 2.3488 },
  lyon: { name: 'Lyon', countryCode: 'FR', admin1: '84', latitude: 45.74846, longitude: 4.84671 },
  villeurbanne: { name: 'Villeurbanne', countryCode: 'FR', admin1: '84', latitude: 45.76601, longitude: 4.8795 },
};

const NAMES = {
  montreal: 'Épuisement des aidants — Montréal',
  paris: 'Aidants à bout de souffle, Paris',
  lyon: 'Carer burnout circle, Lyon',
  villeurbanne: 'Cercle des aidants de Villeurbanne',
  online: 'Carers online, anywhere',
  private: 'Épuisement — cercle confidentiel',
};

describe.skipIf(!hasChromium)('finding a group in the browser', () => {
  let platform: RunningPlatform;
  let admin: BrowserContext;
  let leader: BrowserContext;
  const slugs: Record<string, string> = {};
  // In-person groups meet once, ten days from now (on the real clock: the server's).
  const sessionDay = new Date(Date.now() + 10 * DAY).toISOString().slice(0, 10);

  /** A published group; in-person ones meet in a town and hold one session in ten days. */
  async function group(
    key: keyof typeof NAMES,
    fields: { purpose: string; languages: string[]; timeZone: string; place?: (typeof PLACES)[keyof typeof PLACES]; visibility?: string; sessionAt?: string },
  ) {
    const created = await platform.api(leader, 'POST', '/api/v1/groups', {
      name: NAMES[key],
      purpose: fields.purpose,
      reasons: 'Nothing like it met near us, at hours carers can manage.',
      charter: 'What is said here stays here.\nWe listen without judging.',
      leadership: 'peer',
      structure: { membership: 'open', format: 'drop-in', rhythm: 'weekly' },
      modes: fields.place ? ['in-person'] : ['online'],
      languages: fields.languages,
      timeZone: fields.timeZone,
      visibility: fields.visibility ?? 'public',
      topics: ['carers'],
      ...(fields.place ? { place: fields.place } : {}),
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const slug = (created.body.group as { slug: string }).slug;
    slugs[key] = slug;
    if (fields.sessionAt) {
      const session = await platform.api(leader, 'POST', `/api/v1/groups/${slug}/sessions`, {
        title: 'Circle',
        start: `${sessionDay}T${fields.sessionAt}`,
        timeZone: fields.timeZone,
        durationMinutes: 90,
        mode: fields.place ? 'in-person' : 'online',
        ...(fields.place ? { location: 'Community hall' } : { onlineUrl: 'https://meet.example.org/carers' }),
      });
      expect(session.status, JSON.stringify(session.body)).toBe(201);
    }
  }

  beforeAll(async () => {
    platform = await startPlatform();
    // The first account on a platform is its admin.
    admin = await platform.signedUp('Ada Admin', 'Europe/Paris');
    leader = await platform.signedUp('Léa Leader', 'Europe/Paris');
    await group('montreal', {
      purpose: 'Quand l’épuisement des proches aidants pèse trop : en parler entre pairs.',
      languages: ['fr'],
      timeZone: 'America/Montreal',
      place: PLACES.montreal,
      sessionAt: '19:00',
    });
    await group('paris', {
      purpose: 'Pour les aidants au bord de l’épuisement, un soir par semaine.',
      languages: ['fr'],
      timeZone: 'Europe/Paris',
      place: PLACES.paris,
      sessionAt: '18:30',
    });
    await group('lyon', {
      purpose: 'English-speaking carers facing exhaustion (épuisement) in Lyon.',
      languages: ['en'],
      timeZone: 'Europe/Paris',
      place: PLACES.lyon,
    });
    await group('villeurbanne', {
      purpose: 'Prévenir l’épuisement des aidants, ensemble, près de Lyon.',
      languages: ['fr'],
      timeZone: 'Europe/Paris',
      place: PLACES.villeurbanne,
    });
    await group('online', { purpose: 'Carers who are worn out, meeting online from anywhere.', languages: ['en'], timeZone: 'Europe/London' });
    await group('private', {
      purpose: 'Épuisement des aidants, en petit comité confidentiel.',
      languages: ['fr'],
      timeZone: 'Europe/Paris',
      place: PLACES.lyon,
      visibility: 'private',
    });
  });

  afterAll(async () => {
    await platform?.stop();
  });

  async function expectAccessible(page: Page, where: string) {
    expect(await seriousAccessibilityViolations(page), where).toEqual([]);
  }

  const count = (page: Page) => page.getByTestId('result-count').textContent();
  const cardNames = (page: Page) => page.getByTestId('directory-card').locator('h3').allTextContents();

  it('finds groups by words without accents, by language and by distance from a town, and opens one', async () => {
    const context = await platform.newContext({ timezoneId: 'America/Montreal' });
    const page = await context.newPage();
    const trouble = watchForTrouble(page);

    // From the home page's search box, without the accent and in capitals.
    await page.goto('/');
    await page.getByRole('searchbox', { name: 'Words' }).fill('EPUISEMENT');
    await page.getByRole('search', { name: 'Find a group' }).getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/\/groups\?q=EPUISEMENT$/);
    await expect.poll(() => count(page)).toBe('4 groups found.');
    expect((await cardNames(page)).sort()).toEqual([NAMES.montreal, NAMES.paris, NAMES.lyon, NAMES.villeurbanne].sort());
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Find a group');
    await expectAccessible(page, 'directory with results');
    await page.screenshot({ path: 'test-results/directory-1280.png', fullPage: true });

    // French only.
    await page.getByRole('checkbox', { name: 'French' }).check();
    await page.getByRole('button', { name: 'Apply the filters' }).click();
    await page.waitForURL(/language=fr/);
    await expect.poll(() => count(page)).toBe('3 groups found.');
    expect((await cardNames(page)).sort()).toEqual([NAMES.montreal, NAMES.paris, NAMES.villeurbanne].sort());
    // Next sessions on the visitor's clock (Chromium spells Montréal's zone America/Toronto),
    // the group's beside it when it differs.
    const card = (name: string) => page.getByTestId('directory-card').filter({ has: page.getByRole('heading', { name }) });
    expect(await card(NAMES.montreal).getByTestId('card-next').textContent()).toMatch(/ at 19:00, your time \(Toronto\)$/);
    // 12:30 in Toronto, or 13:30 in the weeks when North America has changed its clocks and Europe not yet.
    const inToronto = instantToLocal(localToInstant(`${sessionDay}T18:30`, 'Europe/Paris'), 'America/Toronto').slice(11, 16);
    expect(await card(NAMES.paris).getByTestId('card-next').textContent()).toMatch(
      new RegExp(` at ${inToronto}, your time \\(Toronto\\) · 18:30 for the group \\(Paris\\)$`),
    );
    expect(await card(NAMES.villeurbanne).getByTestId('card-next').textContent()).toBe('No session planned yet');

    // Within 25 km of Lyon, the town picked with the keyboard.
    const town = page.getByRole('combobox', { name: /Near a town/ });
    await town.fill('lyo');
    const listbox = page.getByRole('listbox', { name: /Near a town/ });
    await expect.poll(() => listbox.getByRole('option').first().textContent()).toMatch(/^Lyon, France/);
    await expect.poll(() => page.locator('.place-combobox [role="status"]').textContent()).toMatch(/^\d+ towns? found\. Use the up and down arrows/);
    expect(await town.getAttribute('aria-expanded')).toBe('true');
    await town.press('ArrowDown');
    expect(await town.getAttribute('aria-activedescendant')).toBe(await listbox.getByRole('option').first().getAttribute('id'));
    expect(await listbox.getByRole('option').first().getAttribute('aria-selected')).toBe('true');
    await expectAccessible(page, 'town list open');
    await town.press('Enter');
    expect(await town.inputValue()).toBe('Lyon, France');
    expect(await town.getAttribute('aria-expanded')).toBe('false');
    expect(page.url()).not.toContain('near=');
    await page.getByLabel('Within').selectOption('25');
    await page.getByRole('button', { name: 'Apply the filters' }).click();
    await page.waitForURL(/near=2996944/);
    await expect.poll(() => count(page)).toBe('1 group found.');
    expect(await cardNames(page)).toEqual([NAMES.villeurbanne]);
    expect(await page.getByTestId('card-place').textContent()).toMatch(/^Villeurbanne, France · \d\.\d km away$/);

    // Further: Paris comes in; nearest first.
    await page.getByLabel('Within').selectOption('500');
    await page.getByRole('button', { name: 'Apply the filters' }).click();
    await expect.poll(() => count(page)).toBe('2 groups found.');
    await page.getByRole('link', { name: 'Nearest' }).click();
    await page.waitForURL(/sort=distance/);
    await expect.poll(() => page.locator('[aria-current="true"]').textContent()).toBe('Nearest');
    await expect.poll(() => cardNames(page)).toEqual([NAMES.villeurbanne, NAMES.paris]);
    expect(await page.getByTestId('card-place').nth(1).textContent()).toMatch(/^Paris, France · 39\d km away$/);
    await expectAccessible(page, 'results by distance');

    // The back button walks back through the searches, the form with them.
    await page.goBack();
    await expect.poll(() => page.locator('[aria-current="true"]').textContent()).toBe('Best match');
    await page.goBack();
    await expect.poll(() => count(page)).toBe('1 group found.');
    await expect.poll(() => town.inputValue()).toBe('Lyon, France');
    expect(await page.getByLabel('Within').inputValue()).toBe('25');
    await page.goBack();
    await expect.poll(() => count(page)).toBe('3 groups found.');
    expect(await town.inputValue()).toBe('');
    expect(await page.getByRole('checkbox', { name: 'French' }).isChecked()).toBe(true);

    // A shared address gives the same search.
    const shared = page.url();
    const other = await context.newPage();
    await other.goto(shared);
    await expect.poll(() => count(other)).toBe('3 groups found.');
    await other.close();

    // The private group's own words find nothing.
    await page.getByRole('searchbox', { name: 'What are you looking for?' }).fill('confidentiel');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect.poll(() => count(page)).toBe('0 groups found.');
    expect(await page.getByTestId('directory-empty').textContent()).toContain('No public group matches this search.');
    await expectAccessible(page, 'no results');

    // A group page from the results: its head names it; joining is offered.
    await page.goBack();
    await expect.poll(() => count(page)).toBe('3 groups found.');
    await page.getByRole('link', { name: NAMES.paris }).click();
    await page.waitForURL(new RegExp(`/groups/${slugs.paris}$`));
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(NAMES.paris);
    await expect.poll(() => page.getByText('Sign in or create an account to join this group.').isVisible()).toBe(true);
    expect(await page.getByRole('main').getByRole('link', { name: 'Sign in' }).isVisible()).toBe(true);
    await page.reload();
    expect(await page.locator('head meta[property="og:title"]').getAttribute('content')).toBe(NAMES.paris);
    const privatePage = await context.request.get(`/groups/${slugs.private}`);
    expect(await privatePage.text()).not.toContain('og:title');

    // Never the private group, whatever the search.
    for (const query of ['q=epuisement', 'near=2996944&radiusKm=100', 'language=fr']) {
      const res = await platform.api(context, 'GET', `/api/v1/search/groups?${query}`);
      expect(res.status).toBe(200);
      expect((res.body.groups as { slug: string }[]).map((g) => g.slug)).not.toContain(slugs.private);
    }
    expect(trouble).toEqual({ dialogs: [], errors: [] });
    await context.close();
  });

  it('searches around the visitor’s position only when asked, and says so when it is refused', async () => {
    const context = await platform.newContext({ timezoneId: 'Europe/Paris' });
    await context.grantPermissions(['geolocation'], { origin: platform.url });
    await context.setGeolocation({ latitude: 45.7601, longitude: 4.8411 });
    const page = await context.newPage();
    const trouble = watchForTrouble(page);
    await page.goto('/groups');
    await expect.poll(() => count(page)).toBe('5 groups found.');
    await page.getByRole('button', { name: 'Use my location' }).click();
    await expect.poll(() => page.getByTestId('locating').textContent()).toMatch(/^Searching around your location \(about 45\.76, 4\.84\)/);
    await page.getByRole('button', { name: 'Apply the filters' }).click();
    await page.waitForURL(/near=45\.76%2C4\.84/);
    await expect.poll(() => count(page)).toBe('2 groups found.');
    expect((await cardNames(page)).sort()).toEqual([NAMES.lyon, NAMES.villeurbanne].sort());
    await context.close();

    const refusing = await platform.newContext();
    await refusing.clearPermissions();
    const refused = await refusing.newPage();
    await refused.goto('/groups');
    await refused.getByRole('button', { name: 'Use my location' }).click();
    await expect.poll(() => refused.getByTestId('locating').textContent(), { timeout: 30_000 }).toMatch(/did not share your location|could not be found/);
    expect(refused.url()).not.toContain('near=');
    expect(trouble).toEqual({ dialogs: [], errors: [] });
    await refusing.close();
  });

  it('lets a founder pick the town where the group meets', async () => {
    const created = await platform.api(leader, 'POST', '/api/v1/groups', {
      name: 'Mardis des aidants',
      modes: ['in-person'],
      languages: ['fr'],
      timeZone: 'America/Montreal',
    });
    expect(created.status).toBe(201);
    const slug = (created.body.group as { slug: string }).slug;
    const page = await leader.newPage();
    const trouble = watchForTrouble(page);
    await page.goto(`/groups/${slug}/edit?step=6`);
    const town = page.getByRole('combobox', { name: /Town where the group meets/ });
    await town.fill('Montr');
    await expect
      .poll(() =>
        page
          .getByRole('listbox', { name: /Town where the group meets/ })
          .getByRole('option')
          .first()
          .textContent(),
      )
      .toMatch(/^Montréal, Canada/);
    await town.press('ArrowDown');
    await town.press('Enter');
    expect(await town.inputValue()).toBe('Montréal, Canada');
    await expectAccessible(page, 'guide with a town');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await page.getByTestId('guide-step-7').waitFor();
    const saved = await platform.api(leader, 'GET', `/api/v1/groups/${slug}`);
    expect((saved.body.group as { place: unknown }).place).toMatchObject({ name: 'Montréal', countryCode: 'CA', latitude: 45.50884, longitude: -73.58781 });
    // Coming back, the town is there.
    await page.goto(`/groups/${slug}/edit?step=6`);
    await expect.poll(() => page.getByRole('combobox', { name: /Town where the group meets/ }).inputValue()).toBe('Montréal, Canada');
    expect(trouble).toEqual({ dialogs: [], errors: [] });
    await page.close();
  });

  it('lets the admin import a Meeting Guide file and read what was skipped and why', async () => {
    const feed = [
      {
        name: 'Tuesday Serenity',
        slug: 'tuesday-serenity',
        day: 2,
        time: '19:00',
        end_time: '20:00',
        timezone: 'America/New_York',
        formatted_address: '123 Main St, Springfield, MA 01101, USA',
        types: ['O'],
      },
      { name: 'Never on time', slug: 'never-on-time', day: 1 },
    ];
    const page = await admin.newPage();
    const trouble = watchForTrouble(page);
    await page.goto('/groups');
    await page.getByRole('link', { name: 'Import a Meeting Guide feed' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Import a Meeting Guide feed');
    await page.getByRole('radio', { name: 'In a file on this device' }).check();
    await page.getByLabel('Feed file').setInputFiles({ name: 'intergroup.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(feed)) });
    await page.getByRole('button', { name: 'Import the feed' }).click();
    const report = page.getByTestId('import-report');
    await report.waitFor();
    expect(await report.getByTestId('import-created').textContent()).toBe('1');
    expect(await report.getByTestId('import-skipped').textContent()).toBe('1');
    const skipped = await report.getByTestId('import-skipped-list').textContent();
    expect(skipped).toContain('Never on time');
    expect(skipped).toMatch(/never-on-time\) — \S+/);
    await expectAccessible(page, 'import report');
    await page.screenshot({ path: 'test-results/import-report-1280.png', fullPage: true });

    // A file that is not a feed is refused before it leaves the browser.
    await page.getByLabel('Feed file').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"not": "a list"}') });
    await page.getByRole('button', { name: 'Import the feed' }).click();
    await expect.poll(() => page.locator('.error-summary').textContent()).toContain('not a list of meetings');
    expect(trouble).toEqual({ dialogs: [], errors: [] });
    await page.close();
  });

  it('works on a phone, in French', async () => {
    const context = await platform.newContext({ mobile: true, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
    const page = await context.newPage();
    const trouble = watchForTrouble(page);
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

    await page.goto('/');
    await page.getByRole('searchbox', { name: 'Mots' }).waitFor();
    expect(await overflow(), 'home at 390 px').toBeLessThanOrEqual(0);
    await page.screenshot({ path: 'test-results/home-search-390.png', fullPage: true });

    await page.goto('/groups?q=epuisement&language=fr');
    await expect.poll(() => count(page)).toBe('3 groupes trouvés.');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Trouver un groupe');
    // On a phone the filters start folded, saying how many are on, so results come first.
    const filters = page.locator('.directory-filters');
    expect(await filters.locator('summary').textContent()).toBe('Filtres (1 actif)');
    expect(await filters.getAttribute('open')).toBeNull();
    expect(await overflow(), 'directory at 390 px').toBeLessThanOrEqual(0);
    await expectAccessible(page, 'directory on a phone');
    await page.screenshot({ path: 'test-results/directory-390.png', fullPage: true });
    await filters.locator('summary').click();
    expect(await page.getByRole('checkbox', { name: 'français' }).isChecked()).toBe(true);
    expect(await overflow(), 'filters at 390 px').toBeLessThanOrEqual(0);
    await expectAccessible(page, 'filters on a phone');
    await page.screenshot({ path: 'test-results/directory-filters-390.png', fullPage: true });

    const town = page.getByRole('combobox', { name: /Près d’une ville/ });
    await town.fill('Par');
    await expect
      .poll(() =>
        page
          .getByRole('listbox', { name: /Près d’une ville/ })
          .getByRole('option')
          .first()
          .textContent(),
      )
      .toMatch(/^Paris, France/);
    expect(await overflow(), 'town list at 390 px').toBeLessThanOrEqual(0);
    await page.getByRole('listbox', { name: /Près d’une ville/ }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/directory-town-390.png' });
    await town.press('Escape');
    expect(await town.getAttribute('aria-expanded')).toBe('false');
    await town.press('Escape');
    expect(await town.inputValue()).toBe('');
    expect(trouble).toEqual({ dialogs: [], errors: [] });
    await context.close();
  });
});
