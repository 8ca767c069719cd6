import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { OUTBOX_STATUSES, type OutboxStatus } from '../../../shared/outbox.ts';
import type { Db } from '../../platform/db/database.ts';
import { requireActor } from '../../platform/http/actor.ts';
import { forbidden } from '../../platform/http/app-error.ts';
import { ErrorResponse } from '../../../shared/api/error.schemas.ts';
import { countOutboxByStatus, listOutbox } from './outbox.repository.ts';
import { OutboxQuery, OutboxResponse } from '../../../shared/api/outbox.schemas.ts';

/**
 * The mail outbox, for the platform admin only: without an SMTP relay this is where password
 * resets and invitations can be read; with one, where failed and revoked deliveries show
 * their reason.
 */
export function outboxRoutes(db: Db) {
  return async function routes(fastify: FastifyInstance): Promise<void> {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    app.get(
      '/admin/outbox',
      {
        config: { access: 'admin' },
        schema: {
          tags: ['admin'],
          summary: 'The latest outgoing e-mails, optionally of one status, and how many are in each status (platform admin only)',
          querystring: OutboxQuery,
          response: { 200: OutboxResponse, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse },
        },
      },
      async (request) => {
        if (!requireActor(request.actor).isAdmin) throw forbidden();
        const [rows, counted] = await Promise.all([
          listOutbox(db, { status: request.query.status ?? null, limit: request.query.limit }),
          countOutboxByStatus(db),
        ]);
        const counts = Object.fromEntries(OUTBOX_STATUSES.map((s) => [s, counted.get(s) ?? 0])) as Record<OutboxStatus, number>;
        return {
          messages: rows.map((r) => ({
            id: r.id,
            to: r.to_address,
            subject: r.subject,
            text: r.text_body,
            html: r.html_body,
            kind: r.kind,
            status: r.status,
            error: r.error,
            attempts: r.attempts,
            createdAt: r.created_at,
            sentAt: r.sent_at,
            updatedAt: r.updated_at,
          })),
          counts,
        };
      },
    );
  };
}
