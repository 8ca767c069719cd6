import path from 'node:path';
import { z } from 'zod';

/** Everything the server reads from its environment, parsed once at start-up. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** `postgres://…` switches to PostgreSQL; otherwise SQLite under `dataDir`. */
  databaseUrl: string | null;
  /** The origin browsers use to reach us; writes must carry it (or the request's own). */
  publicUrl: string | null;
  smtpUrl: string | null;
  mailFrom: string;
  mailDomain: string;
  /** INBOUND_SMTP_PORT: the inbound SMTP server listens there; null leaves it off. */
  inboundSmtpPort: number | null;
  inboundSmtpHost: string;
  /** Largest inbound message accepted, in bytes. */
  inboundMaxBytes: number;
  /** APP_SECRET signs reply addresses and links; null: a secret generated once and kept in the database. */
  appSecret: string | null;
  rateLimits: boolean;
  logLevel: string;
  trustProxy: boolean;
  /** Where the built web app lives; null serves the API only. */
  webRoot: string | null;
}

const flag = z.enum(['on', 'off', 'true', 'false', '1', '0']).transform((v) => v === 'on' || v === 'true' || v === '1');

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  PUBLIC_URL: z.url().optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// URL')
    .optional(),
  MAIL_FROM: z.string().optional(),
  MAIL_DOMAIN: z.string().min(1).default('localhost'),
  INBOUND_SMTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  INBOUND_SMTP_HOST: z.string().min(1).default('127.0.0.1'),
  INBOUND_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(100 * 1024 * 1024)
    .default(10 * 1024 * 1024),
  APP_SECRET: z.string().min(32, 'must have at least 32 characters').optional(),
  RATE_LIMITS: flag.default(true),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: flag.default(false),
  WEB_ROOT: z.string().optional(),
});

/** Parses the environment; throws one readable error listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL ?? null,
    publicUrl: e.PUBLIC_URL ? new URL(e.PUBLIC_URL).origin : null,
    smtpUrl: e.SMTP_URL ?? null,
    mailFrom: e.MAIL_FROM ?? `Entraide <no-reply@${e.MAIL_DOMAIN}>`,
    mailDomain: e.MAIL_DOMAIN,
    inboundSmtpPort: e.INBOUND_SMTP_PORT ?? null,
    inboundSmtpHost: e.INBOUND_SMTP_HOST,
    inboundMaxBytes: e.INBOUND_MAX_BYTES,
    appSecret: e.APP_SECRET ?? null,
    rateLimits: e.RATE_LIMITS,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    webRoot: e.WEB_ROOT ? path.resolve(e.WEB_ROOT) : path.resolve('dist/web'),
  };
}
