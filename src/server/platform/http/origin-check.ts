import type { FastifyInstance } from 'fastify';
import { AppError } from './app-error.ts';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * CSRF defence by Origin (as API.md says): a write that carries our session cookie must come
 * with an Origin equal to ours; a write from a foreign Origin is refused even without a
 * cookie (that stops sign-in CSRF). Scripts without cookies and without Origin pass.
 */
export function installOriginCheck(app: FastifyInstance, options: { cookieName: string; publicOrigin: string | null }): void {
  app.addHook('onRequest', async (request) => {
    if (!WRITES.has(request.method)) return;
    const origin = request.headers.origin;
    const hasSession = Boolean(request.cookies?.[options.cookieName]);
    if (!origin) {
      if (hasSession) throw new AppError('CSRF');
      return;
    }
    const own = `${request.protocol}://${request.host}`;
    if (origin !== own && origin !== options.publicOrigin) throw new AppError('CSRF');
  });
}
