import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import { isDatabaseReachable, type DatabaseHandle } from './platform/db/database.ts';
import { systemClock, type Clock } from './platform/clock.ts';
import type { ServiceDeps } from './platform/deps.ts';
import { createEventBus } from './platform/events.ts';
import { AppError } from './platform/http/app-error.ts';
import { installErrorHandler } from './platform/http/error-handler.ts';
import { installOriginCheck } from './platform/http/origin-check.ts';
import { installRouteAccess } from './platform/http/route-access.ts';
import { zodValidatorCompiler } from './platform/http/validation.ts';
import { installResponseCheck } from './platform/http/response-check.ts';
import { deleteFinishedJobs } from './platform/jobs/job-queue.ts';
import { createJobWorker, type JobHandler, type JobWorker } from './platform/jobs/job-worker.ts';
import type { InboundMailHandler } from './platform/mail/inbound-server.ts';
import { revokeReplyTokens } from './modules/email-group/email-group.hooks.ts';
import { emailGroupRoutes } from './modules/email-group/email-group.routes.ts';
import { createEmailGroup } from './modules/email-group/email-group.service.ts';
import { isMailDeliverable, membershipParticipants } from './modules/moderation/moderation.hooks.ts';
import type { DeliveryTarget } from './platform/mail/mail-delivery.ts';
import { createMailer, MAIL_CONCURRENCY, type Mailer } from './platform/mail/mailer.ts';
import { loadSigningSecret } from './platform/security/signed-tokens.ts';
import { accountsRoutes, installSessionAuth, SESSION_COOKIE } from './modules/accounts/accounts.routes.ts';
import { createAccountsService } from './modules/accounts/accounts.service.ts';
import { groupsRoutes } from './modules/groups/groups.routes.ts';
import { createGroupsService } from './modules/groups/groups.service.ts';
import { membershipsRoutes } from './modules/groups/memberships.routes.ts';
import { createMembershipsService } from './modules/groups/memberships.service.ts';
import { outboxRoutes } from './modules/outbox/outbox.routes.ts';
import { programmesRoutes } from './modules/sessions/programmes.routes.ts';
import { createProgrammesService } from './modules/sessions/programmes.service.ts';
import { createReminders } from './modules/sessions/reminders.ts';
import { occurrenceAttachment } from './modules/calendar/calendar.ts';
import { calendarFeedRoutes, calendarRoutes } from './modules/calendar/calendar.routes.ts';
import { createCalendarService } from './modules/calendar/calendar.service.ts';
import { sessionsRoutes } from './modules/sessions/sessions.routes.ts';
import { createSessionsService } from './modules/sessions/sessions.service.ts';
import { schedulingRoutes } from './modules/scheduling/scheduling.routes.ts';
import { createSchedulingService } from './modules/scheduling/scheduling.service.ts';
import { createSlotPollsService } from './modules/scheduling/slot-polls.service.ts';
import { directoryRoutes } from './modules/directory/directory.routes.ts';
import { createDirectoryService } from './modules/directory/directory.service.ts';
import { meetingGuideFeedRoutes, meetingGuideImportRoutes } from './modules/directory/meeting-guide.routes.ts';
import { createMeetingGuideService } from './modules/directory/meeting-guide.service.ts';
import { createPublicPageService } from './modules/directory/public-page.service.ts';
import { discussionsRoutes } from './modules/discussions/discussions.routes.ts';
import { createDiscussionsService } from './modules/discussions/discussions.service.ts';
import { notificationsRoutes } from './modules/notifications/notifications.routes.ts';
import { createNotificationsService } from './modules/notifications/notifications.service.ts';
import { moderationRoutes } from './modules/moderation/moderation.routes.ts';
import { createModerationService } from './modules/moderation/moderation.service.ts';

export interface BuiltApp {
  app: FastifyInstance;
  mailer: Mailer;
  /** Background jobs; `main.ts` starts polling, tests call `runDue(now)`. */
  jobs: JobWorker;
  /** What the inbound SMTP server (started by `main.ts` when INBOUND_SMTP_PORT is set) asks and calls. */
  inboundMail: InboundMailHandler;
}

const DAY = 86_400_000;

/** The base URL for links we send, from PUBLIC_URL or the address we listen on. */
export function appUrlOf(config: Config): string {
  if (config.publicUrl) return config.publicUrl;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  return `http://${host.includes(':') ? `[${host}]` : host}:${config.port}`;
}

/**
 * Builds the whole application without listening: tests drive it with `inject()`, `main.ts`
 * calls `listen()`. The database is opened (and migrated) by the caller.
 */
export interface BuildOptions {
  /** The time services see (tests set it); the system clock by default. */
  clock?: Clock;
  /**
   * Check every response against its route's schema and fail loudly when they differ (the
   * tests turn it on; in production the schemas only document the API).
   */
  validateResponses?: boolean;
}

export async function buildApp(config: Config, database: DatabaseHandle, options: BuildOptions = {}): Promise<BuiltApp> {
  const clock = options.clock ?? systemClock;
  const app = Fastify({
    logger: {
      level: config.logLevel,
      // Belt and braces: nothing below should ever log these, but if it does they are masked.
      redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]', '*.password', '*.email', '*.token'],
    },
    // Request lines would carry URLs with tokens (invitations, resets): keep them out.
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: config.trustProxy,
    bodyLimit: 256 * 1024,
    routerOptions: { maxParamLength: 200 },
  });

  app.setValidatorCompiler(zodValidatorCompiler);
  // Response schemas document the API; they are not used to rewrite what handlers send.
  if (options.validateResponses) installResponseCheck(app);
  else app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  installErrorHandler(app);

  // Reply addresses and one-click links are signed with it: loaded before anything signs.
  await loadSigningSecret(database.db, config.appSecret);
  // Checked by each mail.deliver job just before SMTP (the rules are the modules' own).
  const isDeliverable = (target: DeliveryTarget) => isMailDeliverable(database.db, target);
  const mailer = createMailer({
    db: database.db,
    smtpUrl: config.smtpUrl,
    from: config.mailFrom,
    domain: config.mailDomain,
    log: app.log,
    clock,
    isDeliverable,
  });
  const events = createEventBus({ log: app.log });
  const deps: ServiceDeps = { db: database.db, dialect: database.dialect, mailer, appUrl: appUrlOf(config), events, clock };
  const groups = createGroupsService(deps);
  // What a membership gave in modules above moderation, taken away when it ends (in that transaction).
  const revokers = [revokeReplyTokens];
  // Before memberships: leaving or removal tells whoever a freed place goes to.
  const sessions = createSessionsService({ ...deps, groups });
  const memberships = createMembershipsService({ ...deps, groups, participants: membershipParticipants({ ...deps, sessions, revokers }) });
  const accounts = createAccountsService({ ...deps, memberships });
  const programmes = createProgrammesService({ ...deps, groups, sessions });
  const calendar = createCalendarService({ ...deps, groups, sessions });
  const scheduling = createSchedulingService({ ...deps, groups, sessions });
  const slotPolls = createSlotPollsService({ ...deps, groups });
  // Subscribes to group, leader and session events to keep its search rows current.
  const directory = createDirectoryService({ ...deps, groups, sessions });
  const meetingGuide = createMeetingGuideService({ ...deps, groups, sessions });
  const publicPages = createPublicPageService({ ...deps, groups, sessions });
  const moderation = createModerationService({ ...deps, groups, sessions, revokers });
  const notifications = createNotificationsService(deps);
  // Announces each new post on the event bus as `discussion.posted` (the e-mail fan-out listens).
  const discussions = createDiscussionsService({ ...deps, groups, sessions, notifications, mailDomain: config.mailDomain });
  // The mailing list: fan-out and digests out, replies and new threads in.
  const emailGroup = createEmailGroup({ ...deps, discussions, mailDomain: config.mailDomain, log: app.log });
  emailGroup.listen();

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Entraide API', version: '1.0.0', description: 'Start, find and run support groups. See API.md for the stable contract.' },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    hsts: false,
    referrerPolicy: { policy: 'same-origin' },
  });
  await app.register(cookie);
  if (config.rateLimits) {
    await app.register(rateLimit, {
      global: false,
      errorResponseBuilder: (_request, context) => {
        const error = new AppError('RATE_LIMITED');
        return Object.assign(error, { statusCode: context.statusCode });
      },
    });
  }
  installSessionAuth(app, accounts);
  installOriginCheck(app, { cookieName: SESSION_COOKIE, publicOrigin: config.publicUrl });
  // Before any route: a route that does not say who may call it fails the build.
  installRouteAccess(app);

  app.get('/healthz', { schema: { hide: true }, config: { access: 'public' } }, async (_request, reply) => {
    const ok = await isDatabaseReachable(database.db);
    return reply.status(ok ? 200 : 503).send({ status: ok ? 'ok' : 'unavailable' });
  });
  app.get('/api/openapi.json', { schema: { hide: true }, config: { access: 'public' } }, async () => app.swagger());

  await app.register(
    async (api) => {
      await api.register(accountsRoutes(accounts));
      await api.register(groupsRoutes(groups));
      await api.register(membershipsRoutes(memberships));
      await api.register(sessionsRoutes(sessions));
      await api.register(programmesRoutes(programmes));
      await api.register(calendarRoutes(calendar));
      await api.register(schedulingRoutes(scheduling, slotPolls));
      await api.register(directoryRoutes(directory));
      await api.register(outboxRoutes(database.db));
      await api.register(meetingGuideImportRoutes(meetingGuide));
      await api.register(moderationRoutes(moderation));
      await api.register(discussionsRoutes(discussions));
      await api.register(notificationsRoutes(notifications));
    },
    { prefix: '/api/v1' },
  );
  await app.register(calendarFeedRoutes(calendar));
  await app.register(meetingGuideFeedRoutes(meetingGuide));
  await app.register(emailGroupRoutes(emailGroup));

  const webRoot = config.webRoot && fs.existsSync(path.join(config.webRoot, 'index.html')) ? config.webRoot : null;
  if (webRoot) {
    await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: false });
  }
  app.setNotFoundHandler(async (request, reply) => {
    const isPage = request.method === 'GET' && !request.url.startsWith('/api/') && !request.url.startsWith('/feeds/');
    if (isPage && webRoot) {
      // A public group's page gets its own head (previews, search engines); any other page,
      // private groups' included, gets index.html as it is.
      const page = await publicPages.pageFor(request.url, path.join(webRoot, 'index.html'));
      if (page !== null) return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(page);
      // The single-page app routes everything else itself.
      return reply.type('text/html').header('cache-control', 'no-cache').sendFile('index.html');
    }
    throw new AppError('NOT_FOUND');
  });

  const reminders = createReminders({ ...deps, groups, sessions, attachment: occurrenceAttachment(deps.appUrl, clock) });
  const handlers: Record<string, JobHandler> = {
    ...reminders.handlers,
    [directory.refreshJob.kind]: directory.refreshJob.handler,
    ...mailer.handlers,
    ...emailGroup.handlers,
    // Finished jobs are kept a month (their dedupe keys with them), then pruned.
    'jobs.prune': async (_payload, { now }) => {
      await deleteFinishedJobs(database.db, new Date(now.getTime() - 30 * DAY));
    },
  };
  // Several jobs at once: a fan-out's mail.deliver jobs wait on the SMTP relay, not the CPU.
  const jobs = createJobWorker({
    db: database.db,
    log: app.log,
    handlers,
    concurrency: MAIL_CONCURRENCY,
    clock,
    every: [
      ...reminders.every,
      ...emailGroup.every,
      { kind: 'jobs.prune', everyMs: DAY },
      { kind: directory.refreshJob.kind, everyMs: directory.refreshJob.everyMs },
    ],
  });
  // What the inbound SMTP server (INBOUND_SMTP_PORT, started by main.ts) does with mail: the e-mail group.
  const inboundMail: InboundMailHandler = emailGroup.inbound;

  app.addHook('onClose', async () => {
    await jobs.stop();
    await mailer.close();
  });
  return { app, mailer, jobs, inboundMail };
}
