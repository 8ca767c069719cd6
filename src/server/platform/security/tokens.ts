import { createHash, randomBytes } from 'node:crypto';

/** A secret for a link or a cookie: 256 random bits, URL-safe. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What we store instead of the token, so a copy of the database opens no door. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
