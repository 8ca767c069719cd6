import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/server/app.ts';
import type { Config } from '../../src/server/config.ts';
import type { JobWorker } from '../../src/server/platform/jobs/job-worker.ts';
import type { Mailer } from '../../src/server/platform/mail/mailer.ts';
import type { TestDatabase } from './databases.ts';

export const ORIGIN = 'http://127.0.0.1:3000';

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    port: 3000,
    host: '127.0.0.1',
    dataDir: '/nonexistent',
    databaseUrl: null,
    publicUrl: ORIGIN,
    smtpUrl: null,
    mailFrom: 'Entraide <no-reply@entraide.test>',
    mailDomain: 'entraide.test',
    inboundSmtpPort: null,
    inboundSmtpHost: '127.0.0.1',
    inboundMaxBytes: 1024 * 1024,
    appSecret: null,
    rateLimits: false,
    logLevel: 'silent',
    trustProxy: false,
    webRoot: null,
    ...overrides,
  };
}

export interface Caller {
  cookie: string | null;
  userId: string;
  email: string;
}

/** A test client over app.inject(): same-origin writes, JSON bodies, an optional session. */
export class TestClient {
  constructor(
    readonly app: FastifyInstance,
    readonly db: TestDatabase,
    readonly mailer: Mailer,
    readonly jobs: JobWorker,
  ) {}

  async call(
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    options: { as?: Caller | null; body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { ...options.headers };
    if (method !== 'GET' && !('origin' in headers)) headers.origin = ORIGIN;
    if (options.as?.cookie) headers.cookie = options.as.cookie;
    const hasBody = options.body !== undefined;
    if (hasBody) headers['content-type'] ??= 'application/json';
    return this.app.inject({
      method,
      url,
      headers,
      ...(hasBody ? { payload: typeof options.body === 'string' ? options.body : JSON.stringify(options.body) } : {}),
    });
  }

  private static counter = 0;

  /** Signs a new person up and returns their session. */
  async signUp(fields: { displayName?: string; email?: string; locale?: 'en' | 'fr'; timeZone?: string } = {}): Promise<Caller> {
    TestClient.counter += 1;
    const email = fields.email ?? `person${TestClient.counter}-${Date.now()}@example.org`;
    const res = await this.call('POST', '/api/v1/auth/signup', {
      body: { password: 'a long enough password', displayName: `Person ${TestClient.counter}`, ...fields, email },
    });
    if (res.statusCode !== 201) throw new Error(`signup failed: ${res.statusCode} ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === 'entraide_session');
    return { cookie: cookie ? `entraide_session=${cookie.value}` : null, userId: res.json().user.id, email };
  }

  async close(): Promise<void> {
    await this.app.close();
    await this.db.drop();
  }
}

export async function startTestApp(db: TestDatabase, overrides: Partial<Config> = {}): Promise<TestClient> {
  const { app, mailer, jobs } = await buildApp(testConfig(overrides), db, { validateResponses: true });
  await app.ready();
  return new TestClient(app, db, mailer, jobs);
}

/** Every founding field, filled: a POST with these publishes at once. */
export function completeGroup(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'Carers of parents with dementia',
    purpose: 'Caring for a parent with dementia: sharing what helps, and what weighs on us.',
    reasons: 'No group nearby meets in the evening, when carers are free.',
    charter: 'What is said here stays here.\nWe listen without judging.\nNo unsolicited advice.',
    leadership: 'peer',
    structure: { membership: 'open', format: 'drop-in', maxMembers: 12, rhythm: 'weekly' },
    modes: ['in-person', 'online'],
    languages: ['en', 'fr'],
    timeZone: 'Europe/Paris',
    visibility: 'public',
    topics: ['dementia', 'carers'],
    ...overrides,
  };
}
