import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/http/actor.ts';
import { ErrorResponse } from '../../../shared/api/error.schemas.ts';
import { SlugParams } from '../../../shared/api/groups.schemas.ts';
import {
  AttendanceBody,
  AttendanceResponse,
  CancelOccurrenceBody,
  MoveOccurrenceBody,
  MovedOccurrenceResponse,
  OccurrenceDetailResponse,
  OccurrenceParams,
  OccurrencesQuery,
  OccurrencesResponse,
  RecapBody,
  RecapResponse,
  RsvpBody,
  RsvpResponse,
  ScheduleSessionBody,
  SessionIdParams,
  SessionResponse,
  SessionsResponse,
  UpdateSessionBody,
} from '../../../shared/api/sessions.schemas.ts';
import type { SessionsService } from './sessions.service.ts';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

export function sessionsRoutes(sessions: SessionsService) {
  return async function routes(fastify: FastifyInstance): Promise<void> {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['sessions'];

    app.post(
      '/groups/:slug/sessions',
      {
        config: { access: { group: 'lead' } },
        schema: {
          tags,
          summary: 'Schedule a one-off or recurring session (leaders only)',
          params: SlugParams,
          body: ScheduleSessionBody,
          response: { 201: SessionResponse, ...errors },
        },
      },
      async (request, reply) => {
        const session = await sessions.scheduleSession(requireActor(request.actor), request.params.slug, request.body);
        return reply.status(201).send({ session });
      },
    );

    app.get(
      '/groups/:slug/sessions',
      {
        config: { access: { group: 'view', anonymous: true } },
        schema: {
          tags,
          summary: 'A group’s sessions; online links for members only',
          params: SlugParams,
          response: { 200: SessionsResponse, 404: ErrorResponse },
        },
      },
      async (request) => ({ sessions: await sessions.listSessions(request.actor, request.params.slug) }),
    );

    app.get(
      '/groups/:slug/occurrences',
      {
        config: { access: { group: 'view', anonymous: true } },
        schema: {
          tags,
          summary: 'Occurrences starting in [from, to) (default: the next 90 days)',
          params: SlugParams,
          querystring: OccurrencesQuery,
          response: { 200: OccurrencesResponse, 400: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request) => ({
        occurrences: await sessions.listOccurrences(request.actor, request.params.slug, {
          from: request.query.from,
          to: request.query.to,
          includeCancelled: request.query.includeCancelled === 'true',
        }),
      }),
    );

    app.get(
      '/me/sessions',
      {
        config: { access: 'signed-in' },
        schema: {
          tags,
          summary: 'My sessions across all my groups, with my answers',
          querystring: OccurrencesQuery,
          response: { 200: OccurrencesResponse, 400: ErrorResponse, 401: ErrorResponse },
        },
      },
      async (request) => ({
        occurrences: await sessions.listMySessions(requireActor(request.actor), {
          from: request.query.from,
          to: request.query.to,
          includeCancelled: request.query.includeCancelled === 'true',
        }),
      }),
    );

    app.get(
      '/sessions/:id',
      {
        config: { access: { group: 'view', anonymous: true } },
        schema: { tags, summary: 'A session', params: SessionIdParams, response: { 200: SessionResponse, 404: ErrorResponse } },
      },
      async (request) => ({ session: await sessions.getSession(request.actor, request.params.id) }),
    );

    app.patch(
      '/sessions/:id',
      {
        config: { access: { group: 'lead' } },
        schema: {
          tags,
          summary: 'Change a session; with fromOccurrence, the series from that occurrence on (leaders only)',
          params: SessionIdParams,
          body: UpdateSessionBody,
          response: { 200: SessionResponse, ...errors },
        },
      },
      async (request) => ({ session: await sessions.updateSession(requireActor(request.actor), request.params.id, request.body) }),
    );

    app.delete(
      '/sessions/:id',
      {
        config: { access: { group: 'lead' } },
        schema: { tags, summary: 'Delete a session and all its occurrences (leaders only)', params: SessionIdParams, response: { 204: z.null(), ...errors } },
      },
      async (request, reply) => {
        await sessions.deleteSession(requireActor(request.actor), request.params.id);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/sessions/:id/rsvp',
      {
        config: { access: { group: 'member' } },
        schema: {
          tags,
          summary: 'Going or not going to one occurrence (members only); full → wait-list',
          params: SessionIdParams,
          body: RsvpBody,
          response: { 200: RsvpResponse, ...errors },
        },
      },
      async (request) => ({
        rsvp: { status: await sessions.rsvp(requireActor(request.actor), request.params.id, request.body.occurrenceStart, request.body.status) },
      }),
    );

    app.post(
      '/sessions/:id/occurrences/cancel',
      {
        config: { access: { group: 'lead' } },
        schema: {
          tags,
          summary: 'Cancel one occurrence (leaders only); those coming are told',
          params: SessionIdParams,
          body: CancelOccurrenceBody,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await sessions.cancelOccurrence(requireActor(request.actor), request.params.id, request.body.occurrenceStart);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/sessions/:id/occurrences/restore',
      {
        config: { access: { group: 'lead' } },
        schema: {
          tags,
          summary: 'Restore a cancelled occurrence (leaders only)',
          params: SessionIdParams,
          body: CancelOccurrenceBody,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await sessions.restoreOccurrence(requireActor(request.actor), request.params.id, request.body.occurrenceStart);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/sessions/:id/occurrences/move',
      {
        config: { access: { group: 'lead' } },
        schema: {
          tags,
          summary: 'Move one occurrence to another local time (leaders only)',
          params: SessionIdParams,
          body: MoveOccurrenceBody,
          response: { 200: MovedOccurrenceResponse, ...errors },
        },
      },
      async (request) => ({
        occurrence: await sessions.moveOccurrence(
          requireActor(request.actor),
          request.params.id,
          request.body.occurrenceStart,
          request.body.start,
          request.body.durationMinutes,
        ),
      }),
    );

    app.get(
      '/sessions/:id/occurrences/:occurrenceStart',
      {
        config: { access: { group: 'view', anonymous: true } },
        schema: {
          tags,
          summary: 'One occurrence: agenda, counts, my answer; who comes and attendance for leaders; the recap for members',
          params: OccurrenceParams,
          response: { 200: OccurrenceDetailResponse, 400: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request) => sessions.occurrenceDetail(request.actor, request.params.id, request.params.occurrenceStart),
    );

    app.put(
      '/sessions/:id/attendance',
      {
        config: { access: { group: 'lead' } },
        schema: {
          tags,
          summary: 'Record who was there (leaders only)',
          params: SessionIdParams,
          body: AttendanceBody,
          response: { 200: AttendanceResponse, ...errors },
        },
      },
      async (request) => {
        const rows = await sessions.recordAttendance(requireActor(request.actor), request.params.id, request.body.occurrenceStart, request.body.present);
        return { attendance: rows.map((r) => ({ userId: r.user_id, displayName: r.display_name })) };
      },
    );

    app.put(
      '/sessions/:id/recap',
      {
        config: { access: { group: 'lead' } },
        schema: {
          tags,
          summary: 'Write the short recap members read after the session (leaders only)',
          params: SessionIdParams,
          body: RecapBody,
          response: { 200: RecapResponse, ...errors },
        },
      },
      async (request) => ({
        recap: await sessions.writeRecap(requireActor(request.actor), request.params.id, request.body.occurrenceStart, request.body.body),
      }),
    );
  };
}
