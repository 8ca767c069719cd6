import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Locale } from '../../../shared/locale.ts';
import { translate } from '../i18n/messages.ts';
import { AppError, ERROR_STATUS, type ErrorCode } from './app-error.ts';
import { requestLocale } from './request-locale.ts';
import { ValidationFailure } from './validation.ts';

interface ErrorBody {
  error: { code: ErrorCode; message: string; issues?: { path: string; message: string }[] };
}

function body(locale: Locale, code: ErrorCode, params: Record<string, string | number> = {}): ErrorBody {
  return { error: { code, message: translate(locale, `error.${code}`, params) } };
}

/** Fastify's own errors (body parsing, limits) mapped onto our codes. */
function codeForFrameworkError(error: FastifyError): ErrorCode | null {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'UNSUPPORTED_MEDIA_TYPE';
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'PAYLOAD_TOO_LARGE';
    default:
      break;
  }
  const status = error.statusCode ?? 500;
  if (status === 429) return 'RATE_LIMITED';
  if (status === 404) return 'NOT_FOUND';
  if (status === 413) return 'PAYLOAD_TOO_LARGE';
  if (status === 415) return 'UNSUPPORTED_MEDIA_TYPE';
  if (status >= 400 && status < 500) return 'BAD_REQUEST';
  return null;
}

/**
 * One place where every error becomes `{ error: { code, message, issues? } }`, worded in
 * the caller's language. Nothing internal (stack, SQL, paths) ever reaches the client.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) => {
    const locale = requestLocale(request);
    if (error instanceof ValidationFailure) {
      return reply.status(400).send({
        error: { ...body(locale, 'VALIDATION').error, issues: error.issuesFor(locale) },
      });
    }
    if (error instanceof AppError) {
      const out = body(locale, error.code, error.params);
      if (error.issues) {
        out.error.issues = error.issues.map((i) => ({ path: i.path, message: translate(locale, i.key, i.params) }));
      }
      return reply.status(error.status).send(out);
    }
    const code = codeForFrameworkError(error as FastifyError);
    if (code) {
      const params: Record<string, string | number> = {};
      if (code === 'RATE_LIMITED') {
        params.seconds = Number(reply.getHeader('retry-after') ?? 60);
      }
      return reply.status(ERROR_STATUS[code]).send(body(locale, code, params));
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send(body(locale, 'INTERNAL'));
  });
}
