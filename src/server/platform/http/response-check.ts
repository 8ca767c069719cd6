import type { FastifyInstance, FastifySerializerCompiler } from 'fastify';
import type { ZodType } from 'zod';
import { ErrorResponse } from '../../../shared/api/error.schemas.ts';

/**
 * A handler sent what its route's response schema does not describe. Only raised when
 * `validateResponses` is on (the tests): the schemas are what the web's types come from, so a
 * schema that drifts from what the server really sends must fail a test, not a user.
 */
class ResponseMismatch extends Error {
  constructor(route: string, status: number | string, problems: string[]) {
    super(`Response of ${route} (status ${status}) does not match its declared schema:\n  ${problems.join('\n  ')}`);
    this.name = 'ResponseMismatch';
  }
}

/** Keys the handler sent that the schema does not name (zod strips them silently). */
function undeclaredKeys(sent: unknown, parsed: unknown, path: string[], out: string[]): void {
  if (Array.isArray(sent) && Array.isArray(parsed)) {
    sent.forEach((item, i) => undeclaredKeys(item, parsed[i], [...path, String(i)], out));
  } else if (sent !== null && typeof sent === 'object' && parsed !== null && typeof parsed === 'object') {
    for (const [key, value] of Object.entries(sent)) {
      if (value === undefined) continue; // JSON.stringify drops it too
      if (!Object.hasOwn(parsed, key)) out.push(`${[...path, key].join('.')}: sent but not in the schema`);
      else undeclaredKeys(value, (parsed as Record<string, unknown>)[key], [...path, key], out);
    }
  }
}

/** Every way `data` differs from `schema`: zod's issues, then keys the schema does not declare. */
export function responseProblems(schema: ZodType, data: unknown): string[] {
  // What goes on the wire: `undefined` fields vanish, dates become strings.
  const wire: unknown = data === undefined ? undefined : JSON.parse(JSON.stringify(data) ?? 'null');
  const result = schema.safeParse(wire);
  if (!result.success) return result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message} (${i.code})`);
  const out: string[] = [];
  undeclaredKeys(wire, result.data, [], out);
  return out;
}

function fail(route: string, status: number | string, problems: string[]): never {
  const error = new ResponseMismatch(route, status, problems);
  // The error handler answers 500 and logs at the app's level (silent in tests): say it here too.
  console.error(error.message);
  throw error;
}

/**
 * Checks every response against the route's schema for its status, then sends exactly what
 * the handler gave (never zod's output: no stripping, no transforms). A status the route
 * declares no schema for must be an error body.
 */
export function installResponseCheck(app: FastifyInstance): void {
  const serializer: FastifySerializerCompiler<ZodType> =
    ({ schema, method, url, httpStatus }) =>
    (data) => {
      const problems = responseProblems(schema, data);
      if (problems.length > 0) fail(`${method} ${url}`, httpStatus ?? '?', problems);
      return JSON.stringify(data);
    };
  app.setSerializerCompiler(serializer);

  app.addHook('preSerialization', async (request, reply, payload) => {
    const responses = request.routeOptions.schema?.response as Record<string, unknown> | undefined;
    const url = request.routeOptions.url ?? request.url;
    // Outside the API (health check, the OpenAPI document itself) nothing is declared.
    if (!responses && !url.startsWith('/api/v1/')) return payload;
    const status = reply.statusCode;
    const declared = responses && [String(status), `${String(status)[0]}xx`, 'default'].some((key) => Object.hasOwn(responses, key));
    if (declared) return payload; // the serializer above checks it
    const problems = responseProblems(ErrorResponse, payload);
    if (problems.length > 0) fail(`${request.method} ${url}`, status, ['no schema declared for this status and not an error body:', ...problems]);
    return payload;
  });
}
