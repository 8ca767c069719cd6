import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorResponse } from '../../../shared/api/error.schemas.ts';
import { UnsubscribeParams, UnsubscribeInfo, UnsubscribeResult } from '../../../shared/api/email-group.schemas.ts';
import { requestLocale } from '../../platform/http/request-locale.ts';
import type { EmailGroup } from './email-group.service.ts';

/**
 * Unsubscribing from a group's e-mails without signing in: the signed link is the proof.
 * Mail clients POST `List-Unsubscribe=One-Click` as a form (RFC 8058) to the List-Unsubscribe
 * URL, which is also the web page a person opens (GET is the SPA's confirmation page and
 * changes nothing, so link scanners cannot unsubscribe anyone).
 */
export function emailGroupRoutes(emailGroup: EmailGroup) {
  return async function routes(fastify: FastifyInstance): Promise<void> {
    // Only here: one-click unsubscribe posts a form; its content does not matter.
    for (const type of ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain']) {
      fastify.addContentTypeParser(type, { parseAs: 'string', bodyLimit: 4096 }, (_request, _body, done) => done(null, {}));
    }
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['mail'];
    const errors = { 400: ErrorResponse, 404: ErrorResponse };

    app.get(
      '/api/v1/unsubscribe/:token',
      {
        config: { access: 'token' },
        schema: {
          tags,
          summary: 'Which group an unsubscribe link is for (no account needed)',
          params: UnsubscribeParams,
          response: { 200: UnsubscribeInfo, ...errors },
        },
      },
      async (request) => emailGroup.describeUnsubscribe(request.params.token),
    );

    for (const url of ['/api/v1/unsubscribe/:token', '/unsubscribe/:token']) {
      app.post(
        url,
        {
          config: { access: 'token' },
          schema: {
            tags,
            summary: 'Stop e-mails from a group (RFC 8058 one-click; no account needed): the member then follows it on the web',
            params: UnsubscribeParams,
            response: { 200: UnsubscribeResult, ...errors },
            ...(url.startsWith('/unsubscribe') ? { hide: true } : {}),
          },
        },
        async (request) => emailGroup.unsubscribe(request.params.token, requestLocale(request)),
      );
    }
  };
}
