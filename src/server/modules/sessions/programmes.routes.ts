import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/http/actor.ts';
import { ErrorResponse } from '../../../shared/api/error.schemas.ts';
import { SlugParams } from '../../../shared/api/groups.schemas.ts';
import type { ProgrammesService } from './programmes.service.ts';
import {
  ProgrammeBody,
  ProgrammeIdParams,
  ProgrammeResponse,
  ProgrammesResponse,
  ScheduleProgrammeBody,
  SessionsResponse,
} from '../../../shared/api/sessions.schemas.ts';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

export function programmesRoutes(programmes: ProgrammesService) {
  return async function routes(fastify: FastifyInstance): Promise<void> {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['programmes'];

    app.post(
      '/groups/:slug/programmes',
      {
        config: { access: { group: 'lead' } },
        schema: {
          tags,
          summary: 'Write a programme: sessions with a theme each (leaders only)',
          params: SlugParams,
          body: ProgrammeBody,
          response: { 201: ProgrammeResponse, ...errors },
        },
      },
      async (request, reply) => {
        const programme = await programmes.createProgramme(requireActor(request.actor), request.params.slug, request.body);
        return reply.status(201).send({ programme });
      },
    );

    app.get(
      '/groups/:slug/programmes',
      {
        config: { access: { group: 'view', anonymous: true } },
        schema: {
          tags,
          summary: 'A group’s programmes',
          params: SlugParams,
          response: { 200: ProgrammesResponse, 404: ErrorResponse },
        },
      },
      async (request) => ({ programmes: await programmes.listProgrammes(request.actor, request.params.slug) }),
    );

    app.get(
      '/programmes/:id',
      {
        config: { access: { group: 'view', anonymous: true } },
        schema: { tags, summary: 'A programme', params: ProgrammeIdParams, response: { 200: ProgrammeResponse, 404: ErrorResponse } },
      },
      async (request) => ({ programme: await programmes.getProgramme(request.actor, request.params.id) }),
    );

    app.patch(
      '/programmes/:id',
      {
        config: { access: { group: 'lead' } },
        schema: {
          tags,
          summary: 'Change a programme (leaders only)',
          params: ProgrammeIdParams,
          body: ProgrammeBody.partial(),
          response: { 200: ProgrammeResponse, ...errors },
        },
      },
      async (request) => ({ programme: await programmes.updateProgramme(requireActor(request.actor), request.params.id, request.body) }),
    );

    app.delete(
      '/programmes/:id',
      {
        config: { access: { group: 'lead' } },
        schema: {
          tags,
          summary: 'Delete a programme; its scheduled sessions stay (leaders only)',
          params: ProgrammeIdParams,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await programmes.deleteProgramme(requireActor(request.actor), request.params.id);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/programmes/:id/schedule',
      {
        config: { access: { group: 'lead' } },
        schema: {
          tags,
          summary: 'Schedule the programme for a cohort: one session per part (leaders only)',
          params: ProgrammeIdParams,
          body: ScheduleProgrammeBody,
          response: { 201: SessionsResponse, ...errors },
        },
      },
      async (request, reply) => {
        const sessions = await programmes.scheduleProgramme(requireActor(request.actor), request.params.id, request.body);
        return reply.status(201).send({ sessions });
      },
    );
  };
}
