import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../platform/http/actor.ts';
import { ErrorResponse } from '../../../shared/api/error.schemas.ts';
import { MarkReadBody, NotificationsQuery, NotificationsResponse, UnreadCountResponse } from '../../../shared/api/notifications.schemas.ts';
import type { NotificationsService } from './notifications.service.ts';

const errors = { 400: ErrorResponse, 401: ErrorResponse };

export function notificationsRoutes(notifications: NotificationsService) {
  return async function routes(fastify: FastifyInstance): Promise<void> {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['notifications'];

    app.get(
      '/me/notifications',
      {
        config: { access: 'signed-in' },
        schema: {
          tags,
          summary: 'My notifications, newest first, with the unread count (only what I may still see)',
          querystring: NotificationsQuery,
          response: { 200: NotificationsResponse, ...errors },
        },
      },
      async (request) => notifications.listNotifications(requireActor(request.actor).id, request.query),
    );

    app.get(
      '/me/notifications/unread-count',
      {
        config: { access: 'signed-in' },
        schema: { tags, summary: 'How many of my notifications are unread', response: { 200: UnreadCountResponse, 401: ErrorResponse } },
      },
      async (request) => ({ unreadCount: await notifications.countUnread(requireActor(request.actor).id) }),
    );

    app.post(
      '/me/notifications/read',
      {
        config: { access: 'signed-in' },
        schema: { tags, summary: 'Mark some notifications (ids) or all of them read', body: MarkReadBody, response: { 200: UnreadCountResponse, ...errors } },
      },
      async (request) => {
        const { ids, all } = request.body;
        const selection = all ? { all } : { ids: ids ?? [] };
        return { unreadCount: await notifications.markRead(requireActor(request.actor).id, selection) };
      },
    );
  };
}
