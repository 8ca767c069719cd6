import type { FastifySchemaCompiler } from 'fastify';
import { z, type ZodType } from 'zod';
import type { Locale } from '../../../shared/locale.ts';
import { MESSAGES, translate, type MessageKey } from '../i18n/messages.ts';

export interface LocalizedIssue {
  path: string;
  message: string;
}

const zodLocales = { en: z.locales.en(), fr: z.locales.fr() } as const;

/** zod's own wording in the caller's language, with a plainer word for a missing field. */
function errorMapFor(locale: Locale) {
  const say = (key: MessageKey, params: Record<string, string | number> = {}) => translate(locale, key, params);
  return (issue: z.core.$ZodRawIssue) => {
    if (issue.input === undefined && issue.code === 'invalid_type') return say('issue.required');
    // Sizes in plain words rather than zod's ">=10 characters".
    if (issue.code === 'too_small' || issue.code === 'too_big') {
      const small = issue.code === 'too_small';
      const bound = Number(small ? issue.minimum : issue.maximum);
      if (issue.origin === 'string')
        return small && bound <= 1 ? say('issue.required') : say(small ? 'issue.tooShort' : 'issue.tooLong', small ? { min: bound } : { max: bound });
      if (issue.origin === 'number') return say(small ? 'issue.tooSmall' : 'issue.tooBig', small ? { min: bound } : { max: bound });
      if (issue.origin === 'array' || issue.origin === 'set') return say(small ? 'issue.tooFew' : 'issue.tooMany', small ? { min: bound } : { max: bound });
    }
    if (issue.code === 'invalid_type' && issue.expected === 'int') return say('issue.wholeNumber');
    return zodLocales[locale].localeError(issue);
  };
}

function isMessageKey(message: string): message is MessageKey {
  return Object.hasOwn(MESSAGES.en, message);
}

function toPath(path: PropertyKey[]): string {
  return path.length === 0 ? 'body' : path.map(String).join('.');
}

/**
 * A failed validation. It keeps the schema and the input so the error handler can word
 * every issue in the caller's language (the validator runs before we know who is asking).
 */
export class ValidationFailure extends Error {
  constructor(
    private readonly schema: ZodType,
    private readonly input: unknown,
    readonly part: string,
  ) {
    super('Validation failed');
    this.name = 'ValidationFailure';
  }

  issuesFor(locale: Locale): LocalizedIssue[] {
    const result = this.schema.safeParse(this.input, { error: errorMapFor(locale) });
    if (result.success) return [];
    return result.error.issues.map((i) => ({
      path: this.part === 'body' ? toPath(i.path) : [this.part, ...i.path.map(String)].join('.'),
      // Our own checks set a message key as their error (`{ error: 'issue.timeZone' }`).
      message: isMessageKey(i.message) ? MESSAGES[locale][i.message] : i.message,
    }));
  }
}

/** Fastify validator: zod parses (and strips unknown keys); failures carry every issue. */
export const zodValidatorCompiler: FastifySchemaCompiler<ZodType> = ({ schema, httpPart }) => {
  const part = httpPart === 'querystring' ? 'query' : (httpPart ?? 'body');
  return (data: unknown) => {
    const result = schema.safeParse(data);
    if (result.success) return { value: result.data };
    return { error: new ValidationFailure(schema, data, part) };
  };
};
