import type { MessageKey } from '../i18n/messages.ts';

/** The closed set of error codes the API answers with, and their HTTP status. */
export const ERROR_STATUS = {
  VALIDATION: 400,
  BAD_REQUEST: 400,
  NOT_PUBLISHABLE: 400,
  RESET_TOKEN_INVALID: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  CSRF: 403,
  INVITATION_REQUIRED: 403,
  /** Banned from the group by its moderators: joining and invitations are refused. */
  BANNED: 403,
  NOT_FOUND: 404,
  INVITATION_INVALID: 404,
  CONFLICT: 409,
  EMAIL_TAKEN: 409,
  GROUP_FULL: 409,
  LAST_LEADER: 409,
  LEADS_GROUPS: 409,
  NOT_PUBLISHED: 409,
  OCCURRENCE_PAST: 409,
  OCCURRENCE_CANCELLED: 409,
  /** A locked (or removed) discussion takes no new comments. */
  THREAD_LOCKED: 409,
  /** A post hidden by moderators cannot be edited back into view. */
  POST_HIDDEN: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** One problem with one field: `path` is dotted (`structure.membership`, `topics.2`). */
export interface Issue {
  path: string;
  /** A message key, translated into the caller's language when the error is sent. */
  key: MessageKey;
  params?: Record<string, string | number>;
}

/**
 * The one error type services throw. The HTTP layer turns it into
 * `{ error: { code, message, issues? } }` in the caller's language.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly issues: Issue[] | undefined;
  readonly params: Record<string, string | number>;

  constructor(code: ErrorCode, options: { issues?: Issue[]; params?: Record<string, string | number> } = {}) {
    super(code);
    this.name = 'AppError';
    this.code = code;
    this.issues = options.issues;
    this.params = options.params ?? {};
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (): AppError => new AppError('NOT_FOUND');
export const forbidden = (): AppError => new AppError('FORBIDDEN');
