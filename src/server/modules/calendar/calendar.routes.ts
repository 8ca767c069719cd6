import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/http/actor.ts';
import { ErrorResponse } from '../../../shared/api/error.schemas.ts';
import { requestLocale } from '../../platform/http/request-locale.ts';
import { SlugParams } from '../../../shared/api/groups.schemas.ts';
import { SessionIdParams } from '../../../shared/api/sessions.schemas.ts';
import { CalendarText, FeedResponse, FeedStatusResponse, FeedTokenParams } from '../../../shared/api/calendar.schemas.ts';
import type { CalendarFile, CalendarService } from './calendar.service.ts';

const tags = ['calendar'];
const CALENDAR_TYPE = 'text/calendar; charset=utf-8';

function sendFile(reply: FastifyReply, file: CalendarFile, cacheControl: string) {
  return reply
    .type(CALENDAR_TYPE)
    .header('content-disposition', `attachment; filename="${file.filename}"`)
    .header('cache-control', cacheControl)
    .send(file.body);
}

/** Calendar files and the personal feed's management, under /api/v1. */
export function calendarRoutes(calendar: CalendarService) {
  return async function routes(fastify: FastifyInstance): Promise<void> {
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/groups/:slug/calendar.ics',
      {
        config: { access: { group: 'view', anonymous: true } },
        schema: {
          tags,
          summary: 'A public group’s sessions as iCalendar (members of other groups use a personal feed)',
          params: SlugParams,
          produces: ['text/calendar'],
          response: { 200: CalendarText, 400: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request, reply) => sendFile(reply, await calendar.groupCalendar(request.actor, request.params.slug, requestLocale(request)), 'no-cache'),
    );

    app.get(
      '/sessions/:id/calendar.ics',
      {
        config: { access: { group: 'view', anonymous: true } },
        schema: {
          tags,
          summary: 'One session (the whole series) as iCalendar, without the online link',
          params: SessionIdParams,
          produces: ['text/calendar'],
          response: { 200: CalendarText, 400: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request, reply) => sendFile(reply, await calendar.sessionCalendar(request.actor, request.params.id, requestLocale(request)), 'private, no-cache'),
    );

    app.post(
      '/me/calendar-feed',
      {
        config: { access: 'signed-in' },
        schema: {
          tags,
          summary: 'A new secret URL for all my sessions, replacing (and shutting) any earlier one',
          response: { 201: FeedResponse, 401: ErrorResponse, 403: ErrorResponse },
        },
      },
      async (request, reply) => {
        const feed = await calendar.createPersonalFeed(requireActor(request.actor));
        // The answer carries a secret.
        return reply.status(201).header('cache-control', 'no-store').send({ feed });
      },
    );

    app.get(
      '/me/calendar-feed',
      {
        config: { access: 'signed-in' },
        schema: {
          tags,
          summary: 'Whether I have a personal calendar feed (the secret URL is only shown when created)',
          response: { 200: FeedStatusResponse, 401: ErrorResponse },
        },
      },
      async (request) => ({ feed: await calendar.describePersonalFeed(requireActor(request.actor)) }),
    );

    app.delete(
      '/me/calendar-feed',
      {
        config: { access: 'signed-in' },
        schema: { tags, summary: 'Shut my personal calendar feed', response: { 204: z.null(), 401: ErrorResponse, 403: ErrorResponse } },
      },
      async (request, reply) => {
        await calendar.revokePersonalFeed(requireActor(request.actor));
        return reply.status(204).send(null);
      },
    );
  };
}

/** The personal feed itself, at the root (`/feeds/…`): calendar apps fetch it without a cookie. */
export function calendarFeedRoutes(calendar: CalendarService) {
  return async function routes(fastify: FastifyInstance): Promise<void> {
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/feeds/calendar/:token.ics',
      {
        config: { access: 'token' },
        schema: {
          tags,
          summary: 'My sessions, with online links: the URL is the key',
          params: FeedTokenParams,
          produces: ['text/calendar'],
          response: { 200: CalendarText, 400: ErrorResponse, 404: ErrorResponse },
        },
        // The URL is a secret: no cache may keep any answer to it, no page it links to may see
        // it. onSend covers the 400s and 404s too.
        onSend: async (_request, reply, payload) => {
          reply.header('cache-control', 'private, no-store').header('referrer-policy', 'no-referrer');
          return payload;
        },
      },
      async (request, reply) => sendFile(reply, { filename: 'entraide.ics', body: await calendar.personalFeed(request.params.token) }, 'private, no-store'),
    );
  };
}
