import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/http/actor.ts';
import { ErrorResponse } from '../../../shared/api/error.schemas.ts';
import { SlugParams } from '../../../shared/api/groups.schemas.ts';
import {
  AcceptCharterBody,
  DeliveryBody,
  InvitationCreatedResponse,
  InvitationResponse,
  InviteBody,
  MemberParams,
  MembersResponse,
  MembershipResponse,
  PromoteBody,
  RequestsResponse,
  TokenParams,
} from '../../../shared/api/memberships.schemas.ts';
import type { MembershipsService } from './memberships.service.ts';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

export function membershipsRoutes(memberships: MembershipsService) {
  return async function routes(fastify: FastifyInstance): Promise<void> {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['memberships'];

    app.post(
      '/groups/:slug/join',
      {
        config: { access: { group: 'view' } },
        schema: {
          tags,
          summary: 'Join by accepting the charter (pending in approval groups)',
          params: SlugParams,
          body: AcceptCharterBody,
          response: { 200: MembershipResponse, 201: MembershipResponse, ...errors },
        },
      },
      async (request, reply) => {
        const { membership, created } = await memberships.joinGroup(requireActor(request.actor), request.params.slug);
        return reply.status(created ? 201 : 200).send({ membership });
      },
    );

    app.post(
      '/groups/:slug/leave',
      {
        config: { access: { group: 'view' } },
        schema: { tags, summary: 'Leave the group or withdraw a request', params: SlugParams, response: { 204: z.null(), ...errors } },
      },
      async (request, reply) => {
        await memberships.leaveGroup(requireActor(request.actor), request.params.slug);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/groups/:slug/charter/accept',
      {
        config: { access: { group: 'view' } },
        schema: {
          tags,
          summary: 'Accept the group’s current charter again',
          params: SlugParams,
          body: AcceptCharterBody,
          response: { 200: MembershipResponse, ...errors },
        },
      },
      async (request) => ({ membership: await memberships.acceptCharter(requireActor(request.actor), request.params.slug) }),
    );

    app.patch(
      '/groups/:slug/membership',
      {
        config: { access: { group: 'member' } },
        schema: {
          tags,
          summary: 'Choose how I follow the group: web, email-each, email-digest or post (members only)',
          params: SlugParams,
          body: DeliveryBody,
          response: { 200: MembershipResponse, ...errors },
        },
      },
      async (request) => ({ membership: await memberships.setDelivery(requireActor(request.actor), request.params.slug, request.body.delivery) }),
    );

    app.get(
      '/groups/:slug/members',
      {
        config: { access: { group: 'member' } },
        schema: { tags, summary: 'Active members: display names and roles (members only)', params: SlugParams, response: { 200: MembersResponse, ...errors } },
      },
      async (request) => ({ members: await memberships.listMembers(requireActor(request.actor), request.params.slug) }),
    );

    app.get(
      '/groups/:slug/requests',
      {
        config: { access: { group: 'lead' } },
        schema: { tags, summary: 'Requests to join waiting for approval (leaders only)', params: SlugParams, response: { 200: RequestsResponse, ...errors } },
      },
      async (request) => ({ requests: await memberships.listRequests(requireActor(request.actor), request.params.slug) }),
    );

    app.post(
      '/groups/:slug/members/:userId/approve',
      {
        config: { access: { group: 'lead' } },
        schema: { tags, summary: 'Approve a request to join (leaders only)', params: MemberParams, response: { 200: MembershipResponse, ...errors } },
      },
      async (request) => ({ membership: await memberships.approveMember(requireActor(request.actor), request.params.slug, request.params.userId) }),
    );

    app.post(
      '/groups/:slug/members/:userId/reject',
      {
        config: { access: { group: 'lead' } },
        schema: { tags, summary: 'Decline a request to join (leaders only)', params: MemberParams, response: { 204: z.null(), ...errors } },
      },
      async (request, reply) => {
        await memberships.rejectRequest(requireActor(request.actor), request.params.slug, request.params.userId);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/groups/:slug/members/:userId/promote',
      {
        config: { access: { group: 'lead' } },
        schema: {
          tags,
          summary: 'Make a member a co-leader (leaders only)',
          params: MemberParams,
          body: PromoteBody,
          response: { 200: MembershipResponse, ...errors },
        },
      },
      async (request) => ({
        membership: await memberships.promoteMember(
          requireActor(request.actor),
          request.params.slug,
          request.params.userId,
          request.body.leaderType,
          request.body.profession,
        ),
      }),
    );

    app.post(
      '/groups/:slug/members/:userId/demote',
      {
        config: { access: { group: 'lead' } },
        schema: {
          tags,
          summary: 'Return a co-leader to membership (leaders only; never the last)',
          params: MemberParams,
          response: { 200: MembershipResponse, ...errors },
        },
      },
      async (request) => ({ membership: await memberships.demoteLeader(requireActor(request.actor), request.params.slug, request.params.userId) }),
    );

    app.delete(
      '/groups/:slug/members/:userId',
      {
        config: { access: { group: 'lead' } },
        schema: { tags, summary: 'Remove a member (leaders only)', params: MemberParams, response: { 204: z.null(), ...errors } },
      },
      async (request, reply) => {
        await memberships.removeMember(requireActor(request.actor), request.params.slug, request.params.userId);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/groups/:slug/invitations',
      {
        config: { access: { group: 'lead' } },
        schema: {
          tags,
          summary: 'Create a single-use invitation link, optionally mailed (leaders only)',
          params: SlugParams,
          body: InviteBody,
          response: { 201: InvitationCreatedResponse, ...errors },
        },
      },
      async (request, reply) => {
        const invitation = await memberships.inviteToGroup(requireActor(request.actor), request.params.slug, request.body?.email);
        return reply.status(201).send({ invitation });
      },
    );

    app.get(
      '/invitations/:token',
      {
        config: { access: 'token' },
        schema: {
          tags,
          summary: 'What an invitation opens: the group and its charter',
          params: TokenParams,
          response: { 200: InvitationResponse, 404: ErrorResponse },
        },
      },
      async (request) => ({ invitation: await memberships.viewInvitation(request.params.token) }),
    );

    app.post(
      '/invitations/:token/accept',
      {
        config: { access: 'signed-in' },
        schema: {
          tags,
          summary: 'Join through an invitation, accepting the charter',
          params: TokenParams,
          body: AcceptCharterBody,
          response: { 200: MembershipResponse, 201: MembershipResponse, ...errors },
        },
      },
      async (request, reply) => {
        const { membership, created } = await memberships.acceptInvitation(requireActor(request.actor), request.params.token);
        return reply.status(created ? 201 : 200).send({ membership });
      },
    );
  };
}
