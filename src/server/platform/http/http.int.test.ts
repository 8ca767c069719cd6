import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from '../../../../tests/support/databases.ts';
import { startTestApp, type TestClient } from '../../../../tests/support/http.ts';

describe.each(testDialects())('HTTP platform on $dialect', ({ open }) => {
  let t: TestClient;
  let webRoot: string;

  beforeEach(async () => {
    webRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'entraide-web-'));
    fs.writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>Entraide</title><div id="root"></div>');
    fs.mkdirSync(path.join(webRoot, 'assets'));
    fs.writeFileSync(path.join(webRoot, 'assets', 'app.js'), 'console.log(1)');
    t = await startTestApp(await open(), { webRoot, trustProxy: true });
  });
  afterEach(async () => {
    await t.close();
    fs.rmSync(webRoot, { recursive: true, force: true });
  });

  it('serves the web app for page URLs, with a strict content security policy', async () => {
    for (const url of ['/', '/groups/some-group', '/groups/new', '/settings']) {
      const res = await t.call('GET', url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
    const asset = await t.call('GET', '/assets/app.js');
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-type']).toMatch(/javascript/);
  });

  it('answers unknown API paths and non-GET page paths with the JSON error shape', async () => {
    for (const [method, url] of [
      ['GET', '/api/v1/nope'],
      ['POST', '/somewhere'],
      ['GET', '/feeds/nothing.json'],
    ] as const) {
      const res = await t.call(method, url);
      expect(res.statusCode, url).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
    }
  });

  it('marks the session cookie Secure when served over https (behind a proxy)', async () => {
    const res = await t.call('POST', '/api/v1/auth/signup', {
      body: { email: 'secure@example.org', password: 'a long enough password', displayName: 'S' },
      headers: { 'x-forwarded-proto': 'https', 'x-forwarded-host': '127.0.0.1:3000', origin: 'https://127.0.0.1:3000' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.cookies.find((c) => c.name === 'entraide_session')).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax' });
  });

  it('never answers 500 to malformed requests', async () => {
    const person = await t.signUp();
    const cases: { payload: string; type?: string; expected: number }[] = [
      { payload: '{"name": ', expected: 400 },
      { payload: '', expected: 400 },
      { payload: 'null', expected: 400 },
      { payload: '[1,2]', expected: 400 },
      { payload: '"text"', expected: 400 },
      { payload: '{"name": 42, "modes": "online", "structure": []}', expected: 400 },
      { payload: 'name=x', type: 'application/x-www-form-urlencoded', expected: 415 },
      { payload: JSON.stringify({ name: 'x'.repeat(300_000) }), expected: 413 },
      { payload: '{"__proto__": {"isAdmin": true}, "name": "Proto"}', expected: 400 },
    ];
    for (const c of cases) {
      const res = await t.call('POST', '/api/v1/groups', { as: person, body: c.payload, headers: { 'content-type': c.type ?? 'application/json' } });
      expect([c.payload.slice(0, 40), res.statusCode]).toEqual([c.payload.slice(0, 40), c.expected]);
      expect(res.json().error?.code ?? 'created').toBeTypeOf('string');
    }
    const weirdParams = await t.call('GET', `/api/v1/groups/${'%F0%9F%98%80'.repeat(5)}%00`);
    expect(weirdParams.statusCode).toBe(400);
    expect(weirdParams.json().error.issues[0].path).toBe('params.slug');
    const longSlug = await t.call('GET', `/api/v1/groups/${'a'.repeat(150)}`);
    expect(longSlug.statusCode).toBe(400);
    const badPage = await t.call('GET', '/api/v1/groups?page=-1');
    expect(badPage.statusCode).toBe(400);
    expect(badPage.json().error.issues[0].path).toBe('query.page');
  });
});
