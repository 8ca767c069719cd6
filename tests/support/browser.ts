import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { buildApp } from '../../src/server/app.ts';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../../src/server/platform/db/database.ts';
import type { FastifyInstance } from 'fastify';
import { chromiumPath } from './environment.ts';
import { testConfig } from './http.ts';

// Chromium as this machine allows it: no sandbox as root, and no calls home.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface RunningPlatform {
  url: string;
  app: FastifyInstance;
  database: DatabaseHandle;
  browser: Browser;
  /** A fresh browser profile: its own cookies, language and time zone. */
  newContext(options?: { locale?: string; timezoneId?: string; mobile?: boolean }): Promise<BrowserContext>;
  /** A profile signed up through the API (its context keeps the session cookie). */
  signedUp(displayName: string, timeZone: string): Promise<BrowserContext>;
  /** A same-origin API call from a profile, for setting the scene quickly. */
  api(
    context: BrowserContext,
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    path: string,
    data?: unknown,
  ): Promise<{ status: number; body: Record<string, unknown> }>;
  stop(): Promise<void>;
}

export const E2E_PASSWORD = 'a long enough password';

/** The real server on a real port (SQLite in a temp dir, the built web app) and Chromium. */
export async function startPlatform(): Promise<RunningPlatform> {
  const webRoot = path.resolve('dist/web');
  if (!fs.existsSync(path.join(webRoot, 'index.html'))) throw new Error('dist/web is missing: run `npx vite build` first (npm test does)');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'entraide-e2e-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const database = openDatabase({ url: null, sqliteFile: path.join(dataDir, 'entraide.sqlite') });
  await migrateToLatest(database);
  const { app } = await buildApp(testConfig({ port, publicUrl: url, webRoot, dataDir }), database, { validateResponses: true });
  await app.listen({ port, host: '127.0.0.1' });
  const browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
  let people = 0;
  const newContext: RunningPlatform['newContext'] = (options = {}) =>
    browser.newContext({
      baseURL: url,
      locale: options.locale ?? 'en-GB',
      timezoneId: options.timezoneId ?? 'Europe/Paris',
      ...(options.mobile ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } : { viewport: { width: 1280, height: 900 } }),
    });
  return {
    url,
    app,
    database,
    browser,
    newContext,
    async signedUp(displayName, timeZone) {
      const context = await newContext({ locale: 'en-GB', timezoneId: timeZone });
      people += 1;
      const res = await context.request.post('/api/v1/auth/signup', {
        headers: { Origin: url },
        data: { email: `person-${people}-${Date.now()}@example.org`, password: E2E_PASSWORD, displayName, timeZone, locale: 'en' },
      });
      if (res.status() !== 201) throw new Error(`sign-up failed: ${res.status()} ${await res.text()}`);
      return context;
    },
    async api(context, method, path, data) {
      const res = await context.request.fetch(path, { method, headers: { Origin: url }, ...(data === undefined ? {} : { data }) });
      const text = await res.text();
      return { status: res.status(), body: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
    },
    async stop() {
      await browser.close();
      await app.close();
      await database.destroy();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** axe-core's serious and critical findings on the page as it is now (empty is the goal). */
export async function seriousAccessibilityViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id}: ${v.help} (${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')})`,
    );
}

/** Collects anything that would show a script ran or the page broke. */
export function watchForTrouble(page: Page): { dialogs: string[]; errors: string[] } {
  const seen = { dialogs: [] as string[], errors: [] as string[] };
  page.on('dialog', (d) => {
    seen.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => seen.errors.push(e.message));
  return seen;
}
