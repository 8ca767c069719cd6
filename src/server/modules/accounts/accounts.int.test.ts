import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from '../../../../tests/support/databases.ts';
import { ORIGIN, startTestApp, type TestClient } from '../../../../tests/support/http.ts';

const PASSWORD = 'a long enough password';

describe.each(testDialects())('accounts on $dialect', ({ open }) => {
  let t: TestClient;
  beforeEach(async () => {
    t = await startTestApp(await open());
  });
  afterEach(async () => t.close());

  async function outbox() {
    await t.mailer.idle();
    return t.db.db.selectFrom('outbox').selectAll().orderBy('created_at').execute();
  }

  it('signs up, signs in and out with an HttpOnly SameSite session cookie; the first account is the admin', async () => {
    const res = await t.call('POST', '/api/v1/auth/signup', {
      body: { email: ' Ana@Example.ORG ', password: PASSWORD, displayName: 'Ana (pseudonym)', timeZone: 'America/St_Johns', locale: 'fr' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().user).toMatchObject({
      email: 'ana@example.org',
      displayName: 'Ana (pseudonym)',
      timeZone: 'America/St_Johns',
      locale: 'fr',
      isAdmin: true,
    });
    const cookie = res.cookies.find((c) => c.name === 'entraide_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie.secure).toBeFalsy();
    const session = `entraide_session=${cookie.value}`;
    expect(JSON.stringify(await t.db.db.selectFrom('auth_sessions').selectAll().execute())).not.toContain(cookie.value);

    const me = await t.app.inject({ url: '/api/v1/me', headers: { cookie: session } });
    expect(me.json().user.email).toBe('ana@example.org');

    const out = await t.app.inject({ method: 'POST', url: '/api/v1/auth/signout', headers: { cookie: session, origin: ORIGIN } });
    expect(out.statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/v1/me', headers: { cookie: session } })).statusCode).toBe(401);

    const back = await t.call('POST', '/api/v1/auth/signin', { body: { email: 'ANA@example.org', password: PASSWORD } });
    expect(back.statusCode).toBe(200);
    const second = await t.signUp();
    const secondMe = await t.call('GET', '/api/v1/me', { as: second });
    expect(secondMe.json().user.isAdmin).toBe(false);
  });

  it('stores the password as an argon2id hash and never returns it', async () => {
    const res = await t.call('POST', '/api/v1/auth/signup', { body: { email: 'b@example.org', password: PASSWORD, displayName: 'B' } });
    const row = await t.db.db.selectFrom('users').select('password_hash').executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(res.body).not.toContain('argon2');
    expect(res.body).not.toContain(PASSWORD);
  });

  it('answers unknown e-mails and wrong passwords alike, and refuses a taken address', async () => {
    await t.signUp({ email: 'c@example.org' });
    const wrong = await t.call('POST', '/api/v1/auth/signin', { body: { email: 'c@example.org', password: 'not the password' } });
    const unknown = await t.call('POST', '/api/v1/auth/signin', { body: { email: 'nobody@example.org', password: 'not the password' } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.body).toBe(wrong.body);
    const taken = await t.call('POST', '/api/v1/auth/signup', { body: { email: 'C@EXAMPLE.org', password: PASSWORD, displayName: 'Again' } });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error).toMatchObject({ code: 'EMAIL_TAKEN', issues: [{ path: 'email' }] });
  });

  it('reports every invalid field with its path, in the caller’s language', async () => {
    const body = { email: 'not-an-address', password: 'short', displayName: '   ', timeZone: 'Europe/Atlantis', locale: 'de' };
    const en = await t.call('POST', '/api/v1/auth/signup', { body });
    expect(en.statusCode).toBe(400);
    expect(en.json().error.code).toBe('VALIDATION');
    expect(
      en
        .json()
        .error.issues.map((i: { path: string }) => i.path)
        .sort(),
    ).toEqual(['displayName', 'email', 'locale', 'password', 'timeZone']);
    const fr = await t.call('POST', '/api/v1/auth/signup', { body, headers: { 'accept-language': 'fr-CA,fr;q=0.9' } });
    expect(fr.json().error.message).toBe('Certains champs demandent votre attention.');
    expect(fr.json().error.issues.find((i: { path: string }) => i.path === 'timeZone').message).toMatch(/fuseau horaire/);
    const missing = await t.call('POST', '/api/v1/auth/signup', { body: {} });
    expect(missing.json().error.issues).toEqual(
      expect.arrayContaining([
        { path: 'email', message: 'This is required.' },
        { path: 'password', message: 'This is required.' },
      ]),
    );
  });

  it('accepts odd but real zones, including the Calcutta spelling browsers report', async () => {
    for (const [i, timeZone] of ['Asia/Kathmandu', 'Pacific/Chatham', 'America/St_Johns', 'Asia/Calcutta', 'Asia/Kolkata', 'UTC'].entries()) {
      const res = await t.call('POST', '/api/v1/auth/signup', { body: { email: `zone${i}@example.org`, password: PASSWORD, displayName: 'Z', timeZone } });
      expect(res.statusCode).toBe(201);
      const cookie = `entraide_session=${res.cookies.find((c) => c.name === 'entraide_session')!.value}`;
      expect((await t.app.inject({ url: '/api/v1/me', headers: { cookie } })).json().user.timeZone).toBe(timeZone);
    }
  });

  it('changes the profile, and the password (other sessions end)', async () => {
    const person = await t.signUp({ email: 'd@example.org' });
    const elsewhere = await t.call('POST', '/api/v1/auth/signin', { body: { email: 'd@example.org', password: PASSWORD } });
    const otherDevice = { ...person, cookie: `entraide_session=${elsewhere.cookies.find((c) => c.name === 'entraide_session')!.value}` };

    const patched = await t.call('PATCH', '/api/v1/me', { as: person, body: { displayName: 'Dee', timeZone: 'Asia/Kathmandu', locale: 'fr' } });
    expect(patched.json().user).toMatchObject({ displayName: 'Dee', timeZone: 'Asia/Kathmandu', locale: 'fr' });
    expect((await t.call('PATCH', '/api/v1/me', { body: { displayName: 'x' } })).statusCode).toBe(401);

    const wrong = await t.call('PUT', '/api/v1/me/password', { as: person, body: { currentPassword: 'nope', newPassword: 'another long password' } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.issues[0].path).toBe('currentPassword');
    const changed = await t.call('PUT', '/api/v1/me/password', { as: person, body: { currentPassword: PASSWORD, newPassword: 'another long password' } });
    expect(changed.statusCode).toBe(200);
    expect((await t.call('GET', '/api/v1/me', { as: otherDevice })).statusCode).toBe(401);
    const fresh = { ...person, cookie: `entraide_session=${changed.cookies.find((c) => c.name === 'entraide_session')!.value}` };
    expect((await t.call('GET', '/api/v1/me', { as: fresh })).statusCode).toBe(200);
    expect((await t.call('POST', '/api/v1/auth/signin', { body: { email: 'd@example.org', password: 'another long password' } })).statusCode).toBe(200);
  });

  it('resets a forgotten password through a mailed, single-use link in the person’s language', async () => {
    await t.signUp({ email: 'e@example.org', locale: 'fr', displayName: 'Élodie' });
    const asked = await t.call('POST', '/api/v1/auth/password-reset', { body: { email: 'E@example.org' } });
    const unknown = await t.call('POST', '/api/v1/auth/password-reset', { body: { email: 'ghost@example.org' } });
    expect(asked.statusCode).toBe(202);
    expect(unknown.body).toBe(asked.body);
    const mails = await outbox();
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail).toMatchObject({ to_address: 'e@example.org', kind: 'password-reset', status: 'local' });
    expect(mail.subject).toBe('Réinitialisez votre mot de passe Entraide');
    const token = /reset-password\?token=([\w-]+)/.exec(mail.text_body)![1]!;
    expect(mail.html_body).toContain(token);

    const weak = await t.call('POST', '/api/v1/auth/password-reset/confirm', { body: { token, password: 'short' } });
    expect(weak.statusCode).toBe(400);
    const done = await t.call('POST', '/api/v1/auth/password-reset/confirm', { body: { token, password: 'a brand new password' } });
    expect(done.statusCode).toBe(200);
    expect(done.cookies.some((c) => c.name === 'entraide_session')).toBe(true);
    const again = await t.call('POST', '/api/v1/auth/password-reset/confirm', { body: { token, password: 'yet another password' } });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.code).toBe('RESET_TOKEN_INVALID');
    expect((await t.call('POST', '/api/v1/auth/signin', { body: { email: 'e@example.org', password: 'a brand new password' } })).statusCode).toBe(200);
  });

  it('refuses writes with a session cookie but a foreign or missing Origin (CSRF)', async () => {
    const person = await t.signUp();
    const foreign = await t.call('PATCH', '/api/v1/me', { as: person, body: { displayName: 'Hacked' }, headers: { origin: 'https://evil.example' } });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().error.code).toBe('CSRF');
    const missing = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: { cookie: person.cookie!, 'content-type': 'application/json' },
      payload: '{"displayName":"Hacked"}',
    });
    expect(missing.statusCode).toBe(403);
    const signinCsrf = await t.call('POST', '/api/v1/auth/signin', {
      body: { email: person.email, password: PASSWORD },
      headers: { origin: 'https://evil.example' },
    });
    expect(signinCsrf.statusCode).toBe(403);
    const scripted = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/signin',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ email: person.email, password: PASSWORD }),
    });
    expect(scripted.statusCode).toBe(200);
    expect((await t.call('GET', '/api/v1/me', { as: person })).json().user.displayName).not.toBe('Hacked');
  });

  it('deletes an account with its password, and everything that signs it in', async () => {
    const person = await t.signUp({ email: 'f@example.org' });
    expect((await t.call('DELETE', '/api/v1/me', { body: { password: PASSWORD } })).statusCode).toBe(401);
    expect((await t.call('DELETE', '/api/v1/me', { as: person, body: { password: 'wrong' } })).statusCode).toBe(400);
    const gone = await t.call('DELETE', '/api/v1/me', { as: person, body: { password: PASSWORD } });
    expect(gone.statusCode).toBe(204);
    expect((await t.call('GET', '/api/v1/me', { as: person })).statusCode).toBe(401);
    expect((await t.call('POST', '/api/v1/auth/signin', { body: { email: 'f@example.org', password: PASSWORD } })).statusCode).toBe(401);
    expect(await t.db.db.selectFrom('auth_sessions').selectAll().execute()).toEqual([]);
  });

  it('shows the outbox to the platform admin only', async () => {
    const admin = await t.signUp();
    const person = await t.signUp();
    await t.call('POST', '/api/v1/auth/password-reset', { body: { email: person.email } });
    await t.mailer.idle();
    expect((await t.call('GET', '/api/v1/admin/outbox')).statusCode).toBe(401);
    expect((await t.call('GET', '/api/v1/admin/outbox', { as: person })).statusCode).toBe(403);
    const res = await t.call('GET', '/api/v1/admin/outbox', { as: admin });
    expect(res.statusCode).toBe(200);
    expect(res.json().messages).toEqual([expect.objectContaining({ to: person.email, kind: 'password-reset', status: 'local' })]);
  });

  it('answers /healthz and serves the OpenAPI document with the contract routes', async () => {
    expect((await t.call('GET', '/healthz')).statusCode).toBe(200);
    const doc = (await t.call('GET', '/api/openapi.json')).json();
    expect(doc.openapi).toMatch(/^3\./);
    for (const path of [
      '/api/v1/auth/signup',
      '/api/v1/auth/signin',
      '/api/v1/auth/signout',
      '/api/v1/me',
      '/api/v1/groups',
      '/api/v1/groups/{slug}',
      '/api/v1/groups/{slug}/join',
      '/api/v1/groups/{slug}/leave',
      '/api/v1/groups/{slug}/members',
      '/api/v1/groups/{slug}/members/{userId}/approve',
      '/api/v1/groups/{slug}/invitations',
      '/api/v1/invitations/{token}/accept',
      '/api/v1/groups/{slug}/publish',
    ]) {
      expect(doc.paths, path).toHaveProperty([path]);
    }
    const unknown = await t.call('GET', '/api/v1/nothing-here');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('NOT_FOUND');
  });
});

describe.each(testDialects())('rate limits on $dialect', ({ open }) => {
  let t: TestClient;
  beforeEach(async () => {
    t = await startTestApp(await open(), { rateLimits: true });
  });
  afterEach(async () => t.close());

  it('limits sign-in attempts per address with 429 and Retry-After', async () => {
    const statuses: number[] = [];
    let last;
    for (let i = 0; i < 11; i++) {
      last = await t.call('POST', '/api/v1/auth/signin', { body: { email: 'x@example.org', password: 'guess number ' + i } });
      statuses.push(last.statusCode);
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses[10]).toBe(429);
    expect(last!.headers['retry-after']).toBeDefined();
    expect(last!.json().error.code).toBe('RATE_LIMITED');
  });

  it('limits sign-ups per address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const res = await t.call('POST', '/api/v1/auth/signup', { body: { email: `s${i}@example.org`, password: 'x' } });
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, 10).every((s) => s === 400)).toBe(true);
    expect(statuses[10]).toBe(429);
  });
});
