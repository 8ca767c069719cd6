import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/http/actor.ts';
import { forbidden } from '../../platform/http/app-error.ts';
import { ErrorResponse } from '../../../shared/api/error.schemas.ts';
import { requestLocale } from '../../platform/http/request-locale.ts';
import { FETCH_LIMITS } from './meeting-guide-fetch.ts';
import { ImportMeetingGuideBody, ImportReportResponse, MeetingGuideFeedResponse } from '../../../shared/api/meeting-guide.schemas.ts';
import type { MeetingGuideService } from './meeting-guide.service.ts';

const tags = ['directory'];

/**
 * The Meeting Guide feed, at the root like the calendar feeds: meeting finders (TSML UI, the
 * Meeting Guide app's importer) fetch it without an account, often from another site's page,
 * hence CORS for everyone. It is public data, cached briefly by anyone (a group turned
 * private leaves it within minutes) and revalidated cheaply by ETag.
 */
export function meetingGuideFeedRoutes(meetingGuide: MeetingGuideService) {
  return async function routes(fastify: FastifyInstance): Promise<void> {
    // Untyped replies: the body goes out as the very string the ETag was computed from.
    fastify.get(
      '/feeds/meeting-guide.json',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Meeting Guide JSON feed of public groups’ weekly in-person sessions (github.com/code4recovery/spec)',
          response: { 200: MeetingGuideFeedResponse, 304: z.null() },
        },
      },
      async (request, reply) => {
        const body = JSON.stringify(await meetingGuide.feed());
        const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
        reply
          .header('cache-control', 'public, max-age=300')
          .header('etag', etag)
          .header('access-control-allow-origin', '*')
          .header('cross-origin-resource-policy', 'cross-origin');
        if (request.headers['if-none-match'] === etag) return reply.status(304).send(null);
        return reply.type('application/json; charset=utf-8').send(body);
      },
    );
  };
}

/** Importing a feed into the directory, under /api/v1 (platform admins only). */
export function meetingGuideImportRoutes(meetingGuide: MeetingGuideService) {
  return async function routes(fastify: FastifyInstance): Promise<void> {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    app.post(
      '/admin/imports/meeting-guide',
      {
        config: { access: 'admin' },
        schema: {
          tags: ['admin', ...tags],
          summary: 'Import a Meeting Guide feed, from a URL the server fetches or given inline (platform admins only); re-importing updates what it made',
          body: ImportMeetingGuideBody,
          response: { 200: ImportReportResponse, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 413: ErrorResponse },
        },
        // A whole feed may come in the body: as much as the server would fetch from a URL.
        bodyLimit: FETCH_LIMITS.maxBytes,
        // Who may ask comes before what was asked: a stranger learns nothing from validation.
        preValidation: async (request) => {
          if (!requireActor(request.actor).isAdmin) throw forbidden();
        },
      },
      async (request) => ({
        report: await meetingGuide.importFeed(requireActor(request.actor), request.body, requestLocale(request)),
      }),
    );
  };
}
