import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LIMITS } from '../../../shared/limits.ts';
import { testDialects } from '../../../../tests/support/databases.ts';
import { completeGroup, ORIGIN, startTestApp, type Caller, type TestClient } from '../../../../tests/support/http.ts';
import { HOSTILE_STRINGS } from '../../../../tests/support/hostile-strings.ts';

/** The Big List of Naughty Strings (shared/ sits beside the repository, in CI as here). */
const NAUGHTY = HOSTILE_STRINGS;

interface TextField {
  /** Where a validation issue about it points. */
  path: string;
  limit: number;
  multiline: boolean;
  put: (value: string) => Record<string, unknown>;
  read: (group: GroupView) => unknown;
}

interface GroupView {
  name: string;
  purpose: string;
  reasons: string;
  charter: string;
  topics: string[];
  structure: { rhythm?: string };
  leaders: { displayName: string; profession?: string }[];
}

/** Every free-text field of a group, and the founder's profession shown beside their name. */
const GROUP_FIELDS: Record<string, TextField> = {
  name: { path: 'name', limit: LIMITS.groupName, multiline: false, put: (s) => ({ name: s }), read: (g) => g.name },
  purpose: { path: 'purpose', limit: LIMITS.purpose, multiline: true, put: (s) => ({ purpose: s }), read: (g) => g.purpose },
  reasons: { path: 'reasons', limit: LIMITS.reasons, multiline: true, put: (s) => ({ reasons: s }), read: (g) => g.reasons },
  charter: { path: 'charter', limit: LIMITS.charter, multiline: true, put: (s) => ({ charter: s }), read: (g) => g.charter },
  topics: {
    path: 'topics',
    limit: LIMITS.topic,
    multiline: false,
    put: (s) => ({ topics: [s] }),
    read: (g) => (g.topics.length === 1 ? g.topics[0] : g.topics),
  },
  rhythm: { path: 'structure.rhythm', limit: LIMITS.rhythm, multiline: false, put: (s) => ({ structure: { rhythm: s } }), read: (g) => g.structure.rhythm },
  profession: { path: 'profession', limit: LIMITS.profession, multiline: false, put: (s) => ({ profession: s }), read: (g) => g.leaders[0]?.profession },
};
const DISPLAY_NAME: Omit<TextField, 'put' | 'read'> = { path: 'displayName', limit: LIMITS.displayName, multiline: false };

/**
 * The documented rule for free text (platform/http/text-schemas.ts): stored exactly as sent,
 * refused only when too long (limits count code points, as zod measures strings), blank, not
 * well-formed UTF-16, or carrying control characters (tab, line feed and carriage return are
 * fine where text may span lines).
 */
function isRefusable(value: string, field: Pick<TextField, 'limit' | 'multiline'>): boolean {
  const controls = field.multiline ? /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/ : /[\u0000-\u001F\u007F]/;
  return [...value].length > field.limit || value.trim() === '' || !value.isWellFormed() || controls.test(value);
}

const belongsTo = (issuePath: string, field: { path: string }) => issuePath === field.path || issuePath.startsWith(`${field.path}.`);

/** The one error shape: `{ error: { code, message, issues? } }` and nothing else. */
function expectErrorShape(label: string, body: unknown): void {
  expect(body, label).toEqual({ error: expect.objectContaining({ code: expect.stringMatching(/^[A-Z_]+$/), message: expect.stringMatching(/\S/) }) });
  const { error } = body as { error: Record<string, unknown> };
  expect(
    Object.keys(error).filter((k) => !['code', 'message', 'issues'].includes(k)),
    label,
  ).toEqual([]);
  if (error.issues !== undefined) {
    expect(error.issues, label).toEqual(expect.arrayContaining([]));
    for (const issue of error.issues as unknown[]) expect(issue, label).toEqual({ path: expect.any(String), message: expect.stringMatching(/\S/) });
  }
}

const show = (s: string) => JSON.stringify(s).slice(0, 60);

/** HTML-escaped as any template must escape text (the five characters that matter). */
function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const htmlTags = (html: string) => html.match(/<[^>]*>/g) ?? [];
/** The only markup an e-mail of ours may contain: its own template. */
const SAFE_TAG = /^(<!doctype html>|<\/?(html|head|meta|title|body|p|br|a)(\s+(lang|charset|style|href)="[^"<>]*")*\s*>)$/i;

describe.each(testDialects())('hostile input on $dialect', ({ open }) => {
  let t: TestClient;
  let founder: Caller;

  beforeEach(async () => {
    t = await startTestApp(await open());
    founder = await t.signUp({ displayName: 'Founder' });
  });
  afterEach(async () => t.close());

  it('stores every naughty string exactly in every text field of a group and profile, or refuses it with a 400 naming the field', async () => {
    const created = await t.call('POST', '/api/v1/groups', { as: founder, body: completeGroup({ name: 'Naughty strings', profession: 'Tester' }) });
    expect(created.statusCode).toBe(201);
    const { slug } = created.json().group;
    const token = (await t.call('POST', `/api/v1/groups/${slug}/invitations`, { as: founder })).json().invitation.token;
    const problems: string[] = [];
    let accepted = 0;
    let refused = 0;

    expect(NAUGHTY.length).toBeGreaterThan(400);
    /** Strings that made it into the group's name and purpose and the founder's name, then were mailed. */
    const mailed: { index: number; value: string }[] = [];

    for (const [index, value] of NAUGHTY.entries()) {
      const label = `#${index} ${show(value)}`;
      const names = Object.keys(GROUP_FIELDS);
      const everything = Object.assign({}, ...names.map((n) => GROUP_FIELDS[n]!.put(value)));
      const [first, profile] = await Promise.all([
        t.call('PATCH', `/api/v1/groups/${slug}`, { as: founder, body: everything }),
        t.call('PATCH', '/api/v1/me', { as: founder, body: { displayName: value } }),
      ]);

      let refusedFields: string[] = [];
      if (first.statusCode === 400) {
        const { error } = first.json();
        const paths: string[] = (error.issues ?? []).map((i: { path: string }) => i.path);
        const stray = paths.filter((p) => !names.some((n) => belongsTo(p, GROUP_FIELDS[n]!)));
        if (error.code !== 'VALIDATION' || paths.length === 0 || stray.length > 0) problems.push(`${label}: group PATCH answered 400 ${first.body}`);
        refusedFields = names.filter((n) => paths.some((p) => belongsTo(p, GROUP_FIELDS[n]!)));
      } else if (first.statusCode !== 200) {
        problems.push(`${label}: group PATCH answered ${first.statusCode} ${first.body.slice(0, 200)}`);
        continue;
      }
      const shouldRefuse = names.filter((n) => isRefusable(value, GROUP_FIELDS[n]!));
      if (JSON.stringify(refusedFields) !== JSON.stringify(shouldRefuse)) {
        problems.push(`${label}: refused ${JSON.stringify(refusedFields)}, expected ${JSON.stringify(shouldRefuse)}`);
      }
      const kept = names.filter((n) => !refusedFields.includes(n));
      if (refusedFields.length > 0 && kept.length > 0) {
        const rest = await t.call('PATCH', `/api/v1/groups/${slug}`, { as: founder, body: Object.assign({}, ...kept.map((n) => GROUP_FIELDS[n]!.put(value))) });
        if (rest.statusCode !== 200) problems.push(`${label}: PATCH of ${kept.join(', ')} alone answered ${rest.statusCode} ${rest.body.slice(0, 200)}`);
      }

      const nameRefused = profile.statusCode === 400;
      if (nameRefused) {
        const paths = (profile.json().error.issues ?? []).map((i: { path: string }) => i.path);
        if (JSON.stringify(paths) !== JSON.stringify(['displayName'])) problems.push(`${label}: PATCH /me answered 400 ${profile.body}`);
      } else if (profile.statusCode !== 200) {
        problems.push(`${label}: PATCH /me answered ${profile.statusCode} ${profile.body.slice(0, 200)}`);
        continue;
      }
      if (nameRefused !== isRefusable(value, DISPLAY_NAME)) problems.push(`${label}: display name ${nameRefused ? 'refused' : 'accepted'} against the rule`);

      // What was accepted comes back exactly: to the public, to the leader, on the invitation
      // page; and it goes out in an invitation e-mail.
      const [publicView, leaderView, me, invitation, mail] = await Promise.all([
        t.call('GET', `/api/v1/groups/${slug}`),
        t.call('GET', `/api/v1/groups/${slug}`, { as: founder }),
        t.call('GET', '/api/v1/me', { as: founder }),
        t.call('GET', `/api/v1/invitations/${token}`),
        t.call('POST', `/api/v1/groups/${slug}/invitations`, { as: founder, body: { email: `invitee+${index}@example.org` } }),
      ]);
      for (const [who, res] of [
        ['public', publicView],
        ['leader', leaderView],
      ] as const) {
        if (res.statusCode !== 200) {
          problems.push(`${label}: GET group (${who}) answered ${res.statusCode}`);
          continue;
        }
        const group: GroupView = res.json().group;
        for (const n of kept) {
          const back = GROUP_FIELDS[n]!.read(group);
          if (back !== value) problems.push(`${label}: ${n} came back to the ${who} as ${JSON.stringify(back)}`);
        }
        if (!nameRefused && group.leaders[0]?.displayName !== value)
          problems.push(`${label}: leader name came back as ${JSON.stringify(group.leaders[0]?.displayName)}`);
      }
      if (!nameRefused && me.json().user.displayName !== value)
        problems.push(`${label}: /me display name came back as ${JSON.stringify(me.json().user.displayName)}`);
      const invited = invitation.json().invitation?.group;
      for (const n of kept.filter((k) => ['name', 'purpose', 'charter'].includes(k))) {
        if (invited?.[n] !== value) problems.push(`${label}: ${n} came back on the invitation as ${JSON.stringify(invited?.[n])}`);
      }
      if (kept.includes('profession') && invited?.leaders[0]?.profession !== value)
        problems.push(`${label}: profession came back on the invitation as ${JSON.stringify(invited?.leaders[0]?.profession)}`);
      if (mail.statusCode !== 201) problems.push(`${label}: invitation by e-mail answered ${mail.statusCode} ${mail.body.slice(0, 200)}`);
      else if (kept.includes('name') && kept.includes('purpose') && !nameRefused) mailed.push({ index, value });
      if (refusedFields.length > 0 || nameRefused) refused += 1;
      else accepted += 1;
    }

    // The e-mails carry the text as written, and their HTML runs none of it.
    await t.mailer.idle();
    const outbox = new Map((await t.db.db.selectFrom('outbox').selectAll().execute()).map((m) => [m.to_address, m]));
    for (const { index, value } of mailed) {
      const label = `#${index} ${show(value)} (mail)`;
      const mail = outbox.get(`invitee+${index}@example.org`);
      if (!mail) {
        problems.push(`${label}: no invitation e-mail`);
        continue;
      }
      if (!mail.subject.includes(value)) problems.push(`${label}: subject ${JSON.stringify(mail.subject)}`);
      if (mail.text_body.split(value).length < 4) problems.push(`${label}: the text does not name the group, its purpose and the inviter as written`);
      if (mail.html_body.split(escapeHtml(value)).length < 4) problems.push(`${label}: the HTML does not carry the escaped text three times`);
      const stray = htmlTags(mail.html_body).filter((tag) => !SAFE_TAG.test(tag));
      if (stray.length > 0) problems.push(`${label}: markup from the input in the HTML: ${stray.join(' ').slice(0, 200)}`);
    }
    if (mailed.length < NAUGHTY.length / 2) problems.push(`only ${mailed.length} strings were mailed`);

    expect(problems).toEqual([]);
    // Not vacuous: most of the list is ordinary (if odd) text, taken as is in every field.
    expect(accepted).toBeGreaterThan(NAUGHTY.length / 2);
    expect(refused).toBeGreaterThan(0);
  }, 180_000);

  it('founds a draft under any naughty name that is not refused, with a safe slug of its own', async () => {
    const problems: string[] = [];
    const slugs = new Set<string>();
    for (const [index, value] of NAUGHTY.entries()) {
      const label = `#${index} ${show(value)}`;
      const res = await t.call('POST', '/api/v1/groups', { as: founder, body: { name: value } });
      const refusable = isRefusable(value, GROUP_FIELDS.name!);
      if (res.statusCode === 400 && refusable) {
        const paths = res.json().error.issues.map((i: { path: string }) => i.path);
        if (JSON.stringify(paths) !== JSON.stringify(['name'])) problems.push(`${label}: 400 with ${res.body}`);
        continue;
      }
      if (res.statusCode !== 201 || refusable) {
        problems.push(`${label}: answered ${res.statusCode} ${res.body.slice(0, 200)}`);
        continue;
      }
      const { slug, name } = res.json().group;
      if (name !== value) problems.push(`${label}: name came back as ${JSON.stringify(name)}`);
      if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug) || slug.length > 100 || ['new', 'edit', 'search'].includes(slug))
        problems.push(`${label}: slug ${JSON.stringify(slug)}`);
      if (slugs.has(slug)) problems.push(`${label}: slug ${slug} given twice`);
      slugs.add(slug);
      const back = await t.call('GET', `/api/v1/groups/${slug}`, { as: founder });
      if (back.statusCode !== 200 || back.json().group.name !== value)
        problems.push(`${label}: GET by slug answered ${back.statusCode} ${back.body.slice(0, 200)}`);
    }
    expect(problems).toEqual([]);
  }, 180_000);

  describe('malformed requests', () => {
    /** A request as raw bytes, for what `t.call` (which sends JSON) cannot express. */
    async function raw(url: string, payload: string | Buffer, headers: Record<string, string>, as: Caller | null) {
      return t.app.inject({ method: 'POST', url, payload, headers: { origin: ORIGIN, ...(as?.cookie ? { cookie: as.cookie } : {}), ...headers } });
    }

    const JSON_TYPE = { 'content-type': 'application/json' };
    const cases: { label: string; payload: string | Buffer; headers: Record<string, string>; status: number[] }[] = [
      { label: 'invalid JSON', payload: '{"name": "x",', headers: JSON_TYPE, status: [400] },
      { label: 'JSON with a trailing comma', payload: '{"name": "x",}', headers: JSON_TYPE, status: [400] },
      { label: 'an empty JSON body', payload: '', headers: JSON_TYPE, status: [400] },
      { label: 'null', payload: 'null', headers: JSON_TYPE, status: [400] },
      { label: 'a JSON array', payload: '[{"name": "x"}]', headers: JSON_TYPE, status: [400] },
      { label: 'a JSON string', payload: '"x"', headers: JSON_TYPE, status: [400] },
      { label: 'a JSON number', payload: '42', headers: JSON_TYPE, status: [400] },
      { label: 'true', payload: 'true', headers: JSON_TYPE, status: [400] },
      { label: 'a form', payload: 'name=x&email=a%40b.c', headers: { 'content-type': 'application/x-www-form-urlencoded' }, status: [415] },
      { label: 'XML', payload: '<group><name>x</name></group>', headers: { 'content-type': 'application/xml' }, status: [415] },
      {
        label: 'multipart',
        payload: '--b\r\nContent-Disposition: form-data; name="name"\r\n\r\nx\r\n--b--',
        headers: { 'content-type': 'multipart/form-data; boundary=b' },
        status: [415],
      },
      { label: 'plain text', payload: 'name: x', headers: { 'content-type': 'text/plain' }, status: [400, 415] },
      { label: 'a made-up content type', payload: '{"name": "x"}', headers: { 'content-type': 'application/x-naughty' }, status: [415] },
      {
        label: 'a 300 KB body',
        payload: JSON.stringify({ name: 'x', purpose: 'y'.repeat(300 * 1024), email: 'a@b.c', password: 'p'.repeat(300 * 1024) }),
        headers: JSON_TYPE,
        status: [413],
      },
      {
        label: 'a prototype-polluting body',
        payload: '{"__proto__": {"isAdmin": true}, "name": "x", "email": "p@example.org", "password": "a long enough password", "displayName": "P"}',
        headers: JSON_TYPE,
        status: [400],
      },
      { label: 'a constructor-polluting body', payload: '{"constructor": {"prototype": {"isAdmin": true}}, "name": "x"}', headers: JSON_TYPE, status: [400] },
      { label: 'deeply nested arrays', payload: `${'['.repeat(60_000)}${']'.repeat(60_000)}`, headers: JSON_TYPE, status: [400] },
      { label: 'deeply nested objects', payload: `${'{"a":'.repeat(30_000)}1${'}'.repeat(30_000)}`, headers: JSON_TYPE, status: [400] },
      {
        label: 'a lone surrogate escape',
        payload: '{"name": "\\ud800", "displayName": "\\udfff", "email": "s@example.org", "password": "a long enough password"}',
        headers: JSON_TYPE,
        status: [400],
      },
      {
        label: 'a NUL escape',
        payload: '{"name": "a\\u0000b", "displayName": "a\\u0000b", "email": "n@example.org", "password": "a long enough password"}',
        headers: JSON_TYPE,
        status: [400],
      },
    ];

    const numbersForGroup = {
      name: 1,
      purpose: 2,
      reasons: 3,
      charter: 4,
      topics: [5],
      structure: { rhythm: 6, maxMembers: '12' },
      profession: 7,
      leadership: 8,
      modes: 'online',
      languages: 'en',
      timeZone: 9,
      visibility: 10,
    };
    const numbersForSignup = { email: 1, password: 12345678901, displayName: 3, timeZone: 4, locale: 5 };

    it('answers POST /api/v1/groups with 400, 413 or 415 in the error shape, never 500', async () => {
      for (const c of cases) {
        const res = await raw('/api/v1/groups', c.payload, c.headers, founder);
        expect([c.label, c.status.includes(res.statusCode) ? 'as expected' : res.statusCode]).toEqual([c.label, 'as expected']);
        expectErrorShape(c.label, res.json());
      }
      const numbers = await t.call('POST', '/api/v1/groups', { as: founder, body: numbersForGroup });
      expect(numbers.statusCode).toBe(400);
      expectErrorShape('numbers', numbers.json());
      expect([...new Set(numbers.json().error.issues.map((i: { path: string }) => i.path))].sort()).toEqual(
        [
          'name',
          'purpose',
          'reasons',
          'charter',
          'topics.0',
          'structure.rhythm',
          'structure.maxMembers',
          'profession',
          'leadership',
          'modes',
          'languages',
          'timeZone',
          'visibility',
        ].sort(),
      );
      expect(await t.db.db.selectFrom('groups').selectAll().execute()).toEqual([]);
    });

    it('gives one clear issue for a list field sent as a string, not a misleading length one as well', async () => {
      const res = await t.call('POST', '/api/v1/groups', { as: founder, body: { name: 'x', modes: 'online', languages: 'en', topics: 'some topic' } });
      expect(res.statusCode).toBe(400);
      // One issue per field: "modes" must not also be told it is a string too long.
      expect(res.json().error.issues.map((i: { path: string }) => i.path)).toEqual(['modes', 'languages', 'topics']);
      for (const issue of res.json().error.issues) expect(issue.message).not.toMatch(/characters/);
    });

    it('answers POST /api/v1/auth/signup with 400, 413 or 415 in the error shape, never 500', async () => {
      for (const c of cases) {
        const res = await raw('/api/v1/auth/signup', c.payload, c.headers, null);
        expect([c.label, c.status.includes(res.statusCode) ? 'as expected' : res.statusCode]).toEqual([c.label, 'as expected']);
        expectErrorShape(c.label, res.json());
        expect(
          res.cookies.find((k) => k.name === 'entraide_session'),
          c.label,
        ).toBeUndefined();
      }
      const numbers = await t.call('POST', '/api/v1/auth/signup', { body: numbersForSignup });
      expect(numbers.statusCode).toBe(400);
      expectErrorShape('numbers', numbers.json());
      expect(
        numbers
          .json()
          .error.issues.map((i: { path: string }) => i.path)
          .sort(),
      ).toEqual(['displayName', 'email', 'locale', 'password', 'timeZone']);
      const users = await t.db.db.selectFrom('users').select('email').execute();
      expect(users.map((u) => u.email)).toEqual([founder.email]);
    });

    it('never answers 500 to bytes that are not UTF-8 or to odd charsets', async () => {
      const latin1 = Buffer.from('{"name": "Caf\xe9", "email": "l@example.org", "password": "a long enough password", "displayName": "Caf\xe9"}', 'latin1');
      const utf16 = Buffer.from('{"name": "x", "email": "u@example.org", "password": "a long enough password", "displayName": "U"}', 'utf16le');
      const bodies: [string, Buffer, string][] = [
        ['latin-1 bytes sent as UTF-8', latin1, 'application/json'],
        ['latin-1 bytes, said to be latin-1', latin1, 'application/json; charset=iso-8859-1'],
        ['UTF-16 bytes, said to be UTF-16', utf16, 'application/json; charset=utf-16'],
        ['a UTF-8 byte-order mark', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"name": "x"}')]), 'application/json'],
      ];
      for (const url of ['/api/v1/groups', '/api/v1/auth/signup']) {
        for (const [label, payload, type] of bodies) {
          const res = await raw(url, payload, { 'content-type': type }, url === '/api/v1/groups' ? founder : null);
          expect([url, label, res.statusCode < 500]).toEqual([url, label, true]);
          if (res.statusCode >= 400) expectErrorShape(label, res.json());
          // Whatever was taken in is well-formed text, never mojibake with lone surrogates.
          if (res.statusCode === 201) expect(res.body.includes('\\ud8') || res.body.includes('\\udf')).toBe(false);
        }
      }
    });
  });

  describe('in French', () => {
    it('words validation errors in French for a French-speaking browser', async () => {
      const fr = { 'accept-language': 'fr-FR,fr;q=0.9,en;q=0.5' };
      const body = { email: 'pas une adresse', password: 'court', displayName: ' ', timeZone: 'Mars/Olympus' };
      const french = await t.call('POST', '/api/v1/auth/signup', { body, headers: fr });
      const english = await t.call('POST', '/api/v1/auth/signup', { body });
      expect([french.statusCode, english.statusCode]).toEqual([400, 400]);
      expectErrorShape('fr', french.json());
      expect(french.json().error.code).toBe('VALIDATION');
      expect(french.json().error.message).toBe('Certains champs demandent votre attention.');
      const byPath = (res: typeof french) => Object.fromEntries(res.json().error.issues.map((i: { path: string; message: string }) => [i.path, i.message]));
      const [fm, em] = [byPath(french), byPath(english)];
      expect(Object.keys(fm).sort()).toEqual(['displayName', 'email', 'password', 'timeZone']);
      expect(fm).toMatchObject({
        email: 'Saisissez une adresse e-mail valide.',
        displayName: 'Ce champ ne peut pas être vide.',
        timeZone: 'Choisissez un fuseau horaire valide (par exemple Europe/Paris).',
      });
      // zod's own wording (the password's length) is French too.
      expect(fm.password).toMatch(/caractères/);
      for (const path of Object.keys(fm)) expect([path, fm[path] !== em[path]]).toEqual([path, true]);

      const missing = await t.call('POST', '/api/v1/auth/signup', { body: {}, headers: fr });
      expect(missing.json().error.issues).toEqual([
        { path: 'email', message: 'Ce champ est obligatoire.' },
        { path: 'password', message: 'Ce champ est obligatoire.' },
        { path: 'displayName', message: 'Ce champ est obligatoire.' },
      ]);
    });

    it('words framework errors (unreadable, too large, wrong type) in French', async () => {
      const fr = { 'accept-language': 'fr' };
      const expected: [string | Buffer, string, number, string][] = [
        ['{"email": ', 'application/json', 400, 'La requête n’a pas pu être lue.'],
        ['email=x', 'application/x-www-form-urlencoded', 415, 'Envoyez du JSON (Content-Type: application/json).'],
        [JSON.stringify({ email: 'x'.repeat(300 * 1024) }), 'application/json', 413, 'La requête est trop volumineuse.'],
      ];
      for (const [payload, type, status, message] of expected) {
        const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/signup', payload, headers: { ...fr, origin: ORIGIN, 'content-type': type } });
        expect([type, res.statusCode, res.json().error.message]).toEqual([type, status, message]);
      }
      const signedOut = await t.call('POST', '/api/v1/groups', { body: completeGroup(), headers: fr });
      expect([signedOut.statusCode, signedOut.json().error.message]).toEqual([401, 'Veuillez d’abord vous connecter.']);
    });

    it('words errors in the account’s language for a French-speaking member', async () => {
      const fr = await t.signUp({ displayName: 'Francophone', locale: 'fr' });
      const bad = await t.call('POST', '/api/v1/groups', { as: fr, body: { name: '\u0007', timeZone: 'Lune/Tranquillité', topics: ['a', 'A'] } });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.message).toBe('Certains champs demandent votre attention.');
      expect(bad.json().error.issues).toEqual(
        expect.arrayContaining([
          { path: 'name', message: 'Ce champ contient des caractères non autorisés.' },
          { path: 'timeZone', message: 'Choisissez un fuseau horaire valide (par exemple Europe/Paris).' },
          { path: 'topics', message: 'Chaque valeur ne peut apparaître qu’une fois.' },
        ]),
      );
      const { slug } = (await t.call('POST', '/api/v1/groups', { as: founder, body: completeGroup() })).json().group;
      const join = await t.call('POST', `/api/v1/groups/${slug}/join`, { as: fr, body: { acceptCharter: false } });
      expect(join.json().error.issues).toEqual([{ path: 'acceptCharter', message: 'Vous devez accepter la charte pour rejoindre le groupe.' }]);
    });
  });
});
