import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorResponse } from '../../../shared/api/error.schemas.ts';
import { PlaceParams, PlaceResponse, PlacesQuery, PlacesResponse, SearchGroupsQuery, SearchGroupsResponse } from '../../../shared/api/directory.schemas.ts';
import type { DirectoryService } from './directory.service.ts';

/** Search and places are open to everyone: they only ever show public groups and towns. */
export function directoryRoutes(directory: DirectoryService) {
  return async function routes(fastify: FastifyInstance): Promise<void> {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['directory'];

    app.get(
      '/search/groups',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Search public groups by words, language, mode, leader type, topic, day and hour in one’s zone, and distance',
          querystring: SearchGroupsQuery,
          response: { 200: SearchGroupsResponse, 400: ErrorResponse },
        },
      },
      async (request) => directory.searchDirectory(request.actor, request.query),
    );

    app.get(
      '/places',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Towns (GeoNames, offline) whose name starts with q, biggest first',
          querystring: PlacesQuery,
          response: { 200: PlacesResponse, 400: ErrorResponse },
        },
      },
      async (request) => ({ places: directory.findPlaces(request.query.q, request.query.limit) }),
    );

    app.get(
      '/places/:id',
      {
        config: { access: 'public' },
        schema: { tags, summary: 'One town by its GeoNames id', params: PlaceParams, response: { 200: PlaceResponse, 400: ErrorResponse, 404: ErrorResponse } },
      },
      async (request) => ({ place: directory.viewPlace(request.params.id) }),
    );
  };
}
