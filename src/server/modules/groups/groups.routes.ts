import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../platform/http/actor.ts';
import { ErrorResponse } from '../../../shared/api/error.schemas.ts';
import { requestLocale } from '../../platform/http/request-locale.ts';
import {
  FoundGroupBody,
  GroupListResponse,
  GroupResponse,
  ListGroupsQuery,
  MyGroupsResponse,
  SlugParams,
  UpdateGroupBody,
} from '../../../shared/api/groups.schemas.ts';
import type { GroupsService } from './groups.service.ts';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

export function groupsRoutes(groups: GroupsService) {
  return async function routes(fastify: FastifyInstance): Promise<void> {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['groups'];

    app.post(
      '/groups',
      {
        config: { access: 'signed-in' },
        schema: {
          tags,
          summary: 'Found a group (published at once when every founding field is given, else a draft)',
          body: FoundGroupBody,
          response: { 201: GroupResponse, ...errors },
        },
      },
      async (request, reply) => {
        const group = await groups.foundGroup(requireActor(request.actor), request.body, requestLocale(request));
        return reply.status(201).send({ group });
      },
    );

    app.get(
      '/groups',
      {
        config: { access: 'public' },
        schema: { tags, summary: 'Public groups, newest first', querystring: ListGroupsQuery, response: { 200: GroupListResponse, 400: ErrorResponse } },
      },
      async (request) => groups.listPublicGroups(request.query.page),
    );

    app.get(
      '/me/groups',
      {
        config: { access: 'signed-in' },
        schema: { tags, summary: 'The groups I belong to, lead or asked to join (drafts included)', response: { 200: MyGroupsResponse, 401: ErrorResponse } },
      },
      async (request) => ({ groups: await groups.listMyGroups(requireActor(request.actor)) }),
    );

    app.get(
      '/groups/:slug',
      {
        config: { access: { group: 'view', anonymous: true } },
        schema: {
          tags,
          summary: 'A group page (404 for private groups and drafts to non-members)',
          params: SlugParams,
          response: { 200: GroupResponse, 404: ErrorResponse },
        },
      },
      async (request) => ({ group: await groups.viewGroup(request.actor, request.params.slug, requestLocale(request)) }),
    );

    app.patch(
      '/groups/:slug',
      {
        config: { access: { group: 'lead' } },
        schema: {
          tags,
          summary: 'Change founding fields (leaders only)',
          params: SlugParams,
          body: UpdateGroupBody,
          response: { 200: GroupResponse, ...errors },
        },
      },
      async (request) => ({
        group: await groups.updateGroup(requireActor(request.actor), request.params.slug, request.body, requestLocale(request)),
      }),
    );

    app.post(
      '/groups/:slug/publish',
      {
        config: { access: { group: 'lead' } },
        schema: { tags, summary: 'Publish a complete draft (400 listing what is missing)', params: SlugParams, response: { 200: GroupResponse, ...errors } },
      },
      async (request) => ({ group: await groups.publishGroup(requireActor(request.actor), request.params.slug, requestLocale(request)) }),
    );
  };
}
