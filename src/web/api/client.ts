import { i18n } from '../i18n/i18n.ts';

/** One problem with one field; `path` is dotted (`structure.membership`, `topics.2`, `body`). */
export interface ApiIssue {
  path: string;
  message: string;
}

/**
 * Every failed request becomes one of these. `message` and issue messages come from the
 * server, already worded in the language we asked for; `status` 0 means no answer at all.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly issues: ApiIssue[];

  constructor(status: number, code: string, message: string, issues: ApiIssue[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.issues = issues;
  }
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

interface ErrorBody {
  error?: { code?: unknown; message?: unknown; issues?: unknown };
}

function isIssue(value: unknown): value is ApiIssue {
  if (typeof value !== 'object' || value === null) return false;
  const { path, message } = value as Record<string, unknown>;
  return typeof path === 'string' && typeof message === 'string';
}

function errorFrom(status: number, body: unknown): ApiError {
  const error = (body as ErrorBody | null)?.error;
  const code = typeof error?.code === 'string' ? error.code : 'HTTP_' + status;
  const message = typeof error?.message === 'string' ? error.message : i18n.t('errors.unexpected');
  const issues = Array.isArray(error?.issues) ? error.issues.filter(isIssue) : [];
  return new ApiError(status, code, message, issues);
}

async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    // The server words its messages (errors, what a draft still lacks) in this language.
    'Accept-Language': i18n.language,
  };
  const init: RequestInit = { method, headers, credentials: 'same-origin' };
  if (method !== 'GET') {
    headers['Content-Type'] = 'application/json';
    // An empty JSON body is refused by the server, so bodiless writes send `{}`.
    init.body = JSON.stringify(body ?? {});
  }

  let response: Response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new ApiError(0, 'NETWORK', i18n.t('errors.network'));
  }

  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let parsed: unknown = null;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new ApiError(response.status, 'BAD_RESPONSE', i18n.t('errors.unexpected'));
    }
  }
  if (!response.ok) throw errorFrom(response.status, parsed);
  return parsed as T;
}

/** The JSON API, same origin, cookie session. Paths are absolute (`/api/v1/...`). */
export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, body),
  delete: <T>(path: string, body?: unknown) => request<T>('DELETE', path, body),
};

/** Builds a path with each dynamic segment escaped (slugs, tokens and ids come from URLs). */
export function apiPath(strings: TemplateStringsArray, ...values: (string | number)[]): string {
  return strings.reduce((out, part, i) => out + part + (i < values.length ? encodeURIComponent(String(values[i])) : ''), '');
}

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}
