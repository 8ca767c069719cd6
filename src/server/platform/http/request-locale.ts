import type { FastifyRequest } from 'fastify';
import { isLocale, pickLocale, type Locale } from '../../../shared/locale.ts';

/** The caller's language: their account's, else what their browser asks for. */
export function requestLocale(request: FastifyRequest): Locale {
  const own = request.actor?.locale;
  if (isLocale(own)) return own;
  return pickLocale(request.headers['accept-language']);
}
