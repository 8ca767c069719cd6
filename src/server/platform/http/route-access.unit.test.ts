import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { declaredRoutes, installRouteAccess } from './route-access.ts';

describe('route access declarations', () => {
  it('refuses to register an API route that does not say who may call it', async () => {
    const app = Fastify();
    installRouteAccess(app);
    await app.register(
      async (api) => {
        api.get('/declared', { config: { access: 'public' } }, async () => ({}));
        expect(() => api.get('/forgotten', async () => ({}))).toThrow('GET /api/v1/forgotten does not declare config.access');
      },
      { prefix: '/api/v1' },
    );
    await app.ready();
    expect(declaredRoutes(app).map((r) => `${r.method} ${r.url}`)).toContain('GET /api/v1/declared');
    await app.close();
  });

  it('asks for a session where one is declared, with the usual 401', async () => {
    const app = Fastify();
    app.decorateRequest('actor', null);
    installRouteAccess(app);
    app.get('/api/v1/mine', { config: { access: 'signed-in' } }, async () => ({ ok: true }));
    app.setErrorHandler(async (error, _request, reply) => reply.status(401).send({ code: (error as { code?: string }).code }));
    const res = await app.inject({ method: 'GET', url: '/api/v1/mine' });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ code: 'UNAUTHENTICATED' });
    await app.close();
  });
});
