import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/http/actor.ts';
import { ErrorResponse } from '../../../shared/api/error.schemas.ts';
import { SlugParams } from '../../../shared/api/groups.schemas.ts';
import {
  CommentBody,
  CommentIdParams,
  CommentResponse,
  EditThreadBody,
  NewThreadBody,
  RecapCommentsResponse,
  RecapParams,
  ThreadDetailResponse,
  ThreadIdParams,
  ThreadResponse,
  ThreadsQuery,
  ThreadsResponse,
} from '../../../shared/api/discussions.schemas.ts';
import type { DiscussionsService } from './discussions.service.ts';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 429: ErrorResponse };
/** Generous for people, a brake for a script flooding a group (off with RATE_LIMITS=off). */
const POST_LIMIT = { max: 60, timeWindow: '10 minutes' };

/**
 * Every discussion route asks for a signed-in active member: anonymous callers get 401 before
 * anything is looked up, so they learn nothing about what exists.
 */
export function discussionsRoutes(discussions: DiscussionsService) {
  return async function routes(fastify: FastifyInstance): Promise<void> {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['discussions'];

    app.post(
      '/groups/:slug/threads',
      {
        schema: {
          tags,
          summary: 'Start a thread (members only); body is Markdown',
          params: SlugParams,
          body: NewThreadBody,
          response: { 201: ThreadResponse, ...errors },
        },
        config: { access: { group: 'member' }, rateLimit: POST_LIMIT },
      },
      async (request, reply) => {
        const { thread } = await discussions.postThread(requireActor(request.actor), { slug: request.params.slug }, request.body, { source: 'web' });
        return reply.status(201).send({ thread });
      },
    );

    app.get(
      '/groups/:slug/threads',
      {
        config: { access: { group: 'member' } },
        schema: {
          tags,
          summary: 'The group’s threads, latest activity first (members only); page with before=nextBefore',
          params: SlugParams,
          querystring: ThreadsQuery,
          response: { 200: ThreadsResponse, ...errors },
        },
      },
      async (request) => discussions.listThreads(requireActor(request.actor), request.params.slug, request.query),
    );

    app.get(
      '/threads/:id',
      {
        config: { access: { group: 'member' } },
        schema: {
          tags,
          summary: 'A thread and its comments, oldest first (members only)',
          params: ThreadIdParams,
          response: { 200: ThreadDetailResponse, ...errors },
        },
      },
      async (request) => discussions.viewThread(requireActor(request.actor), request.params.id),
    );

    app.patch(
      '/threads/:id',
      {
        config: { access: { group: 'member' } },
        schema: {
          tags,
          summary: 'Edit one’s own thread (title and/or text)',
          params: ThreadIdParams,
          body: EditThreadBody,
          response: { 200: ThreadResponse, ...errors },
        },
      },
      async (request) => ({ thread: await discussions.editThread(requireActor(request.actor), request.params.id, request.body) }),
    );

    app.delete(
      '/threads/:id',
      {
        config: { access: { group: 'member' } },
        schema: {
          tags,
          summary: 'Delete one’s own thread (its words are erased; others’ comments stay)',
          params: ThreadIdParams,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await discussions.deleteThread(requireActor(request.actor), request.params.id);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/threads/:id/comments',
      {
        schema: {
          tags,
          summary: 'Comment on a thread (members only; 409 THREAD_LOCKED when locked)',
          params: ThreadIdParams,
          body: CommentBody,
          response: { 201: CommentResponse, ...errors },
        },
        config: { access: { group: 'member' }, rateLimit: POST_LIMIT },
      },
      async (request, reply) => {
        const { comment } = await discussions.postComment(requireActor(request.actor), request.params.id, request.body, { source: 'web' });
        return reply.status(201).send({ comment });
      },
    );

    app.patch(
      '/comments/:id',
      {
        config: { access: { group: 'member' } },
        schema: { tags, summary: 'Edit one’s own comment', params: CommentIdParams, body: CommentBody, response: { 200: CommentResponse, ...errors } },
      },
      async (request) => ({ comment: await discussions.editComment(requireActor(request.actor), request.params.id, request.body) }),
    );

    app.delete(
      '/comments/:id',
      {
        config: { access: { group: 'member' } },
        schema: { tags, summary: 'Delete one’s own comment (its words are erased)', params: CommentIdParams, response: { 204: z.null(), ...errors } },
      },
      async (request, reply) => {
        await discussions.deleteComment(requireActor(request.actor), request.params.id);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/sessions/:id/occurrences/:occurrenceStart/comments',
      {
        config: { access: { group: 'member' } },
        schema: {
          tags,
          summary: 'Comments on one occurrence’s recap (members only); thread is null until the first',
          params: RecapParams,
          response: { 200: RecapCommentsResponse, ...errors },
        },
      },
      async (request) => discussions.viewRecapComments(requireActor(request.actor), request.params.id, request.params.occurrenceStart),
    );

    app.post(
      '/sessions/:id/occurrences/:occurrenceStart/comments',
      {
        schema: {
          tags,
          summary: 'Comment on one occurrence’s recap (members only)',
          params: RecapParams,
          body: CommentBody,
          response: { 201: CommentResponse, ...errors },
        },
        config: { access: { group: 'member' }, rateLimit: POST_LIMIT },
      },
      async (request, reply) => {
        const { comment } = await discussions.commentOnRecap(requireActor(request.actor), request.params.id, request.params.occurrenceStart, request.body);
        return reply.status(201).send({ comment });
      },
    );
  };
}
