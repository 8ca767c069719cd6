import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { requireActor } from '../../platform/http/actor.ts';
import { forbidden } from '../../platform/http/app-error.ts';
import { ErrorResponse } from '../../platform/http/error-schema.ts';

const OutboxResponse = z.object({
  messages: z.array(
    z.object({
      id: z.string(),
      to: z.string(),
      subject: z.string(),
      text: z.string(),
      html: z.string(),
      kind: z.string(),
      status: z.string(),
      error: z.string().nullable(),
      createdAt: z.string(),
      sentAt: z.string().nullable(),
    }),
  ),
});

/**
 * The local mail outbox, for the platform admin only: without an SMTP relay this is where
 * password resets and invitations can be read.
 */
export function outboxRoutes(db: Db) {
  return async function routes(fastify: FastifyInstance): Promise<void> {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    app.get('/admin/outbox', {
      schema: { tags: ['admin'], summary: 'The latest 100 outgoing e-mails (platform admin only)', response: { 200: OutboxResponse, 401: ErrorResponse, 403: ErrorResponse } },
    }, async (request) => {
      if (!requireActor(request.actor).isAdmin) throw forbidden();
      const rows = await db.selectFrom('outbox').selectAll().orderBy('created_at', 'desc').orderBy('id').limit(100).execute();
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
          createdAt: r.created_at,
          sentAt: r.sent_at,
        })),
      };
    });
  };
}
