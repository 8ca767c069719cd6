import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/http/actor.ts';
import { ErrorResponse } from '../../../shared/api/error.schemas.ts';
import {
  BanBody,
  BanParams,
  BanResponse,
  BansResponse,
  CommentStateResponse,
  IdParams,
  LogQuery,
  LogResponse,
  NoteBody,
  ReportBody,
  ReportCreatedResponse,
  ReportResponse,
  ReportsQuery,
  ReportsResponse,
  SlugParams,
  ThreadStateResponse,
} from '../../../shared/api/moderation.schemas.ts';
import type { ModerationService } from './moderation.service.ts';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

// Reports are cheap to send and land in people's queues: a generous limit per address stops
// a flood without getting in anyone's way.
const REPORT_LIMIT = { max: 30, timeWindow: '10 minutes' };

export function moderationRoutes(moderation: ModerationService) {
  return async function routes(fastify: FastifyInstance): Promise<void> {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['moderation'];

    for (const kind of ['thread', 'comment'] as const) {
      app.post(
        `/${kind}s/:id/reports`,
        {
          schema: {
            tags,
            summary: `Report a ${kind} to the group’s moderators (members who can read it); the same person’s open report is returned again (200)`,
            params: IdParams,
            body: ReportBody,
            response: { 200: ReportCreatedResponse, 201: ReportCreatedResponse, ...errors, 429: ErrorResponse },
          },
          config: { access: { group: 'report' }, rateLimit: REPORT_LIMIT },
        },
        async (request, reply) => {
          const { report, created } = await moderation.reportPost(requireActor(request.actor), kind, request.params.id, request.body);
          return reply.status(created ? 201 : 200).send({ report });
        },
      );
    }

    const threadActions = [
      ['hide', 'Hide a thread and its comments from members; resolves its open reports', moderation.hideThread],
      ['unhide', 'Show a hidden thread again', moderation.unhideThread],
      ['lock', 'Lock a thread: no new comments', moderation.lockThread],
      ['unlock', 'Unlock a thread', moderation.unlockThread],
    ] as const;
    for (const [verb, summary, act] of threadActions) {
      app.post(
        `/threads/:id/${verb}`,
        {
          config: { access: { group: 'moderate' } },
          schema: {
            tags,
            summary: `${summary} (leaders, platform moderators)`,
            params: IdParams,
            body: NoteBody,
            response: { 200: ThreadStateResponse, ...errors },
          },
        },
        async (request) => ({ thread: await act(requireActor(request.actor), request.params.id, request.body?.note ?? null) }),
      );
    }

    const commentActions = [
      ['hide', 'Hide a comment from members; resolves its open reports', moderation.hideComment],
      ['unhide', 'Show a hidden comment again', moderation.unhideComment],
    ] as const;
    for (const [verb, summary, act] of commentActions) {
      app.post(
        `/comments/:id/${verb}`,
        {
          config: { access: { group: 'moderate' } },
          schema: {
            tags,
            summary: `${summary} (leaders, platform moderators)`,
            params: IdParams,
            body: NoteBody,
            response: { 200: CommentStateResponse, ...errors },
          },
        },
        async (request) => ({ comment: await act(requireActor(request.actor), request.params.id, request.body?.note ?? null) }),
      );
    }

    for (const [verb, status] of [
      ['resolve', 'resolved'],
      ['dismiss', 'dismissed'],
    ] as const) {
      app.post(
        `/reports/:id/${verb}`,
        {
          config: { access: { group: 'moderate' } },
          schema: {
            tags,
            summary: `Mark a report ${status} (leaders of its group, platform moderators)`,
            params: IdParams,
            body: NoteBody,
            response: { 200: ReportResponse, ...errors },
          },
        },
        async (request) => ({ report: await moderation.closeReport(requireActor(request.actor), request.params.id, status, request.body?.note ?? null) }),
      );
    }

    app.get(
      '/groups/:slug/moderation/reports',
      {
        config: { access: { group: 'moderate' } },
        schema: {
          tags,
          summary: 'A group’s moderation queue, newest first (leaders, platform moderators)',
          params: SlugParams,
          querystring: ReportsQuery,
          response: { 200: ReportsResponse, ...errors },
        },
      },
      async (request) => moderation.listGroupReports(requireActor(request.actor), request.params.slug, request.query.status, request.query),
    );

    app.get(
      '/moderation/reports',
      {
        config: { access: 'platform-moderator' },
        schema: {
          tags,
          summary: 'Every group’s moderation queue, newest first (platform moderators)',
          querystring: ReportsQuery,
          response: { 200: ReportsResponse, ...errors },
        },
      },
      async (request) => moderation.listAllReports(requireActor(request.actor), request.query.status, request.query),
    );

    app.get(
      '/groups/:slug/moderation/log',
      {
        config: { access: { group: 'moderate' } },
        schema: {
          tags,
          summary: 'A group’s moderation audit log, newest first (leaders, platform moderators)',
          params: SlugParams,
          querystring: LogQuery,
          response: { 200: LogResponse, ...errors },
        },
      },
      async (request) => moderation.listGroupLog(requireActor(request.actor), request.params.slug, request.query),
    );

    app.get(
      '/moderation/log',
      {
        config: { access: 'platform-moderator' },
        schema: {
          tags,
          summary: 'The platform’s moderation audit log, newest first (platform moderators)',
          querystring: LogQuery,
          response: { 200: LogResponse, ...errors },
        },
      },
      async (request) => moderation.listPlatformLog(requireActor(request.actor), request.query),
    );

    app.get(
      '/groups/:slug/bans',
      {
        config: { access: { group: 'moderate' } },
        schema: {
          tags,
          summary: 'People banned from the group (leaders, platform moderators)',
          params: SlugParams,
          response: { 200: BansResponse, ...errors },
        },
      },
      async (request) => ({ bans: await moderation.listBans(requireActor(request.actor), request.params.slug) }),
    );

    app.post(
      '/groups/:slug/bans',
      {
        config: { access: { group: 'moderate' } },
        schema: {
          tags,
          summary:
            'Ban a person: removes them, revokes their reply addresses, queued mail, upcoming RSVPs and notifications; they cannot join again (leaders, platform moderators)',
          params: SlugParams,
          body: BanBody,
          response: { 200: BanResponse, 201: BanResponse, ...errors },
        },
      },
      async (request, reply) => {
        const { ban, created } = await moderation.banMember(requireActor(request.actor), request.params.slug, request.body);
        return reply.status(created ? 201 : 200).send({ ban });
      },
    );

    app.delete(
      '/groups/:slug/bans/:userId',
      {
        config: { access: { group: 'moderate' } },
        schema: { tags, summary: 'Lift a ban (leaders, platform moderators)', params: BanParams, body: NoteBody, response: { 204: z.null(), ...errors } },
      },
      async (request, reply) => {
        await moderation.liftBan(requireActor(request.actor), request.params.slug, request.params.userId, request.body?.note ?? null);
        return reply.status(204).send(null);
      },
    );
  };
}
