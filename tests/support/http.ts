import { randomUUID } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { SignUpBody } from '../../src/shared/api/accounts.schemas.ts';
import { buildApp } from '../../src/server/app.ts';
import type { Config } from '../../src/server/config.ts';
import * as accounts from '../../src/server/modules/accounts/accounts.repository.ts';
import { SESSION_COOKIE } from '../../src/server/modules/accounts/accounts.routes.ts';
import { systemClock, type Clock } from '../../src/server/platform/clock.ts';
import { hashPassword } from '../../src/server/platform/security/passwords.ts';
import { hashToken, newToken } from '../../src/server/platform/security/tokens.ts';
import type { JobWorker } from '../../src/server/platform/jobs/job-worker.ts';
import type { Mailer } from '../../src/server/platform/mail/mailer.ts';
import type { TestDatabase } from './databases.ts';

export const ORIGIN = 'http://127.0.0.1:3000';

// As the accounts service opens them.
const SESSION_DAYS = 30;

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

/** The password every person made by `signUp` has: sign in with it, or confirm with it. */
export const TEST_PASSWORD = 'a long enough password';

// argon2id is slow on purpose (≈50 ms and 19 MiB a hash): hashing the one shared password once
// per process, instead of once per person, is most of what makes test data cheap.
let testPasswordHash: Promise<string> | null = null;

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
    /** The clock the app was built with: a `fixedClock` moves the server's time. */
    readonly clock: Clock = systemClock,
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

  /**
   * Makes a new person with a live session, as signing up does, without the HTTP round trip
   * or a fresh argon2 hash: the row goes in through the accounts repository with the shared
   * hash of TEST_PASSWORD, and the session is a real one (the cookie works like a signed-up
   * person's). Like sign-up, the very first person administers the platform. Tests about
   * sign-up itself call the route.
   */
  async signUp(fields: { displayName?: string; email?: string; locale?: 'en' | 'fr'; timeZone?: string } = {}): Promise<Caller> {
    TestClient.counter += 1;
    const input = SignUpBody.parse({
      password: TEST_PASSWORD,
      displayName: `Person ${TestClient.counter}`,
      ...fields,
      email: fields.email ?? `person${TestClient.counter}-${randomUUID().slice(0, 8)}@example.org`,
    });
    testPasswordHash ??= hashPassword(TEST_PASSWORD);
    const passwordHash = await testPasswordHash;
    const now = this.clock.now();
    const id = randomUUID();
    const db = this.db.db;
    await db.transaction().execute(async (trx) => {
      if (await accounts.findUserByEmail(trx, input.email)) throw new Error(`signup failed: ${input.email} is taken`);
      const isFirst = (await accounts.countUsers(trx)) === 0;
      await accounts.insertUser(trx, {
        id,
        email: input.email,
        password_hash: passwordHash,
        display_name: input.displayName,
        time_zone: input.timeZone ?? 'UTC',
        locale: input.locale ?? 'en',
        is_admin: isFirst ? 1 : 0,
        is_moderator: 0,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      });
    });
    const token = newToken();
    await accounts.insertAuthSession(db, {
      id: hashToken(token),
      user_id: id,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + SESSION_DAYS * 86_400_000).toISOString(),
    });
    return { cookie: `${SESSION_COOKIE}=${token}`, userId: id, email: input.email };
  }

  async close(): Promise<void> {
    await this.app.close();
    await this.db.drop();
  }
}

/** Builds the app on `db`; pass `{ clock: fixedClock(...) }` to set the time it sees. */
export async function startTestApp(db: TestDatabase, overrides: Partial<Config> = {}, options: { clock?: Clock } = {}): Promise<TestClient> {
  const clock = options.clock ?? systemClock;
  const { app, mailer, jobs } = await buildApp(testConfig(overrides), db, { clock, validateResponses: true });
  await app.ready();
  return new TestClient(app, db, mailer, jobs, clock);
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
