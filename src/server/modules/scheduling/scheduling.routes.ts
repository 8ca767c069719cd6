import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/http/actor.ts';
import { ErrorResponse } from '../../../shared/api/error.schemas.ts';
import { SlugParams } from '../../../shared/api/groups.schemas.ts';
import {
  ApplyBody,
  ApplyResponse,
  AvailabilityBody,
  AvailabilityResponse,
  MaybeAvailabilityResponse,
  PollBody,
  PollIdParams,
  PollQuery,
  PollResponse,
  PollsResponse,
  TimeFinderQuery,
  TimeFinderResponse,
  VoteBody,
} from '../../../shared/api/scheduling.schemas.ts';
import type { SchedulingService } from './scheduling.service.ts';
import type { SlotPollsService } from './slot-polls.service.ts';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

/** Availability, the time finder, "apply", and slot polls. */
export function schedulingRoutes(scheduling: SchedulingService, polls: SlotPollsService) {
  return async function routes(fastify: FastifyInstance): Promise<void> {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['scheduling'];

    app.get(
      '/me/availability',
      {
        config: { access: 'signed-in' },
        schema: { tags, summary: 'My weekly availability (null until stated)', response: { 200: MaybeAvailabilityResponse, 401: ErrorResponse } },
      },
      async (request) => ({ availability: await scheduling.getAvailability(requireActor(request.actor)) }),
    );

    app.put(
      '/me/availability',
      {
        config: { access: 'signed-in' },
        schema: {
          tags,
          summary:
            'State when I can take part: weekly windows in my own zone (day 0 = Sunday, HH:MM on the quarter hour, an end before the start runs into the next day, 24:00 allowed), the languages I follow and how I take part. Windows come back merged; languages and modes left out keep their saved values.',
          body: AvailabilityBody,
          response: { 200: AvailabilityResponse, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse },
        },
      },
      async (request) => ({ availability: await scheduling.setAvailability(requireActor(request.actor), request.body) }),
    );

    app.delete(
      '/me/availability',
      {
        config: { access: 'signed-in' },
        schema: { tags, summary: 'Withdraw my availability from every time finder', response: { 204: z.null(), 401: ErrorResponse, 403: ErrorResponse } },
      },
      async (request, reply) => {
        await scheduling.deleteAvailability(requireActor(request.actor));
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/groups/:slug/time-finder',
      {
        config: { access: { group: 'lead' } },
        schema: {
          tags,
          summary:
            'Time finder (leaders only): the week’s 672 quarter-hour slots in the group’s zone scored over `weeks` weeks from `from`; the best `limit` (default 20) slots with whom each excludes, a heat map of all 672, and a fair rotation',
          params: SlugParams,
          querystring: TimeFinderQuery,
          response: { 200: TimeFinderResponse, ...errors },
        },
      },
      async (request) => scheduling.findTimes(requireActor(request.actor), request.params.slug, request.query),
    );

    app.post(
      '/groups/:slug/time-finder/apply',
      {
        config: { access: { group: 'lead' } },
        schema: {
          tags,
          summary:
            'Create the chosen weekly time(s) as recurring sessions (leaders only). Takes the session fields except start, timeZone and recurrence. rotation: false → each slot every week; true → the slots take turns, one a week (FREQ=WEEKLY;INTERVAL=k, slot i starting in week i)',
          params: SlugParams,
          body: ApplyBody,
          response: { 201: ApplyResponse, ...errors },
        },
      },
      async (request, reply) => {
        const sessions = await scheduling.applyTimes(requireActor(request.actor), request.params.slug, request.body);
        return reply.status(201).send({ sessions });
      },
    );

    app.post(
      '/groups/:slug/polls',
      {
        config: { access: { group: 'lead' } },
        schema: {
          tags,
          summary: 'Propose weekly times (group-zone day and time) for members to vote on (leaders only)',
          params: SlugParams,
          querystring: PollQuery,
          body: PollBody,
          response: { 201: PollResponse, ...errors },
        },
      },
      async (request, reply) => {
        const poll = await polls.createPoll(requireActor(request.actor), request.params.slug, request.body, request.query.zone);
        return reply.status(201).send({ poll });
      },
    );

    app.get(
      '/groups/:slug/polls',
      {
        config: { access: { group: 'member' } },
        schema: {
          tags,
          summary: 'The group’s slot polls, newest first (members only); each time also on the viewer’s clock',
          params: SlugParams,
          querystring: PollQuery,
          response: { 200: PollsResponse, ...errors },
        },
      },
      async (request) => ({ polls: await polls.listPolls(requireActor(request.actor), request.params.slug, request.query.zone) }),
    );

    app.get(
      '/polls/:id',
      {
        config: { access: { group: 'member' } },
        schema: {
          tags,
          summary: 'A slot poll with its results: counts for members, names for leaders. Clients poll this to follow results live.',
          params: PollIdParams,
          querystring: PollQuery,
          response: { 200: PollResponse, ...errors },
        },
      },
      async (request) => ({ poll: await polls.getPoll(requireActor(request.actor), request.params.id, request.query.zone) }),
    );

    app.put(
      '/polls/:id/vote',
      {
        config: { access: { group: 'member' } },
        schema: {
          tags,
          summary: 'Answer yes / if-need-be / no for each proposed time, in order (members; open polls)',
          params: PollIdParams,
          querystring: PollQuery,
          body: VoteBody,
          response: { 200: PollResponse, ...errors },
        },
      },
      async (request) => ({ poll: await polls.vote(requireActor(request.actor), request.params.id, request.body.answers, request.query.zone) }),
    );

    app.post(
      '/polls/:id/close',
      {
        config: { access: { group: 'lead' } },
        schema: { tags, summary: 'Close a poll (leaders only)', params: PollIdParams, querystring: PollQuery, response: { 200: PollResponse, ...errors } },
      },
      async (request) => ({ poll: await polls.closePoll(requireActor(request.actor), request.params.id, request.query.zone) }),
    );

    app.delete(
      '/polls/:id',
      {
        config: { access: { group: 'lead' } },
        schema: { tags, summary: 'Delete a poll and its answers (leaders only)', params: PollIdParams, response: { 204: z.null(), ...errors } },
      },
      async (request, reply) => {
        await polls.deletePoll(requireActor(request.actor), request.params.id);
        return reply.status(204).send(null);
      },
    );
  };
}
