import Fastify from 'fastify';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ErrorResponse } from '../../../shared/api/error.schemas.ts';
import { installResponseCheck, responseProblems } from './response-check.ts';

const Thing = z.object({ thing: z.object({ id: z.string(), note: z.string().nullable(), size: z.number().optional() }) });

describe('responseProblems', () => {
  it('accepts what the schema describes, absent optional keys and undefined values included', () => {
    expect(responseProblems(Thing, { thing: { id: 'a', note: null } })).toEqual([]);
    expect(responseProblems(Thing, { thing: { id: 'a', note: 'n', size: undefined } })).toEqual([]);
  });

  it('names each wrong field with its path', () => {
    const problems = responseProblems(Thing, { thing: { id: 1, note: 'n' } });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^thing\.id: .*invalid_type/);
  });

  it('names keys the handler sent that the schema does not declare, in lists too', () => {
    const Things = z.object({ things: z.array(Thing.shape.thing) });
    expect(
      responseProblems(Things, {
        things: [
          { id: 'a', note: null },
          { id: 'b', note: null, secret: 'x' },
        ],
      }),
    ).toEqual(['things.1.secret: sent but not in the schema']);
  });

  it('checks the JSON that goes out (dates as strings)', () => {
    expect(responseProblems(z.object({ at: z.string() }), { at: new Date(0) })).toEqual([]);
  });
});

describe('installResponseCheck', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  async function appWith(handler: () => unknown, status = 200) {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const app = Fastify();
    installResponseCheck(app);
    app.get('/api/v1/thing', { schema: { response: { 200: Thing, 404: ErrorResponse } } }, async (_request, reply) =>
      reply.status(status as 200).send(handler()),
    );
    await app.ready();
    return app;
  }

  it('sends exactly what the handler gave when it matches', async () => {
    const app = await appWith(() => ({ thing: { id: 'a', note: null, size: undefined } }));
    const res = await app.inject({ method: 'GET', url: '/api/v1/thing' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('{"thing":{"id":"a","note":null}}');
  });

  it('fails the request loudly, naming route, status and issue, when it does not', async () => {
    const app = await appWith(() => ({ thing: { id: 'a' } }));
    const res = await app.inject({ method: 'GET', url: '/api/v1/thing' });
    expect(res.statusCode).toBe(500);
    expect(console.error).toHaveBeenCalledWith(expect.stringMatching(/GET \/api\/v1\/thing \(status 200\)[\s\S]*thing\.note/));
  });

  it('lets an undeclared status through only as an error body', async () => {
    const error = { error: { code: 'CONFLICT', message: 'No.' } };
    expect((await (await appWith(() => error, 409)).inject({ method: 'GET', url: '/api/v1/thing' })).statusCode).toBe(409);
    const res = await (await appWith(() => ({ thing: { id: 'a', note: null } }), 202)).inject({ method: 'GET', url: '/api/v1/thing' });
    expect(res.statusCode).toBe(500);
    expect(console.error).toHaveBeenCalledWith(expect.stringMatching(/status 202[\s\S]*no schema declared/));
  });
});
