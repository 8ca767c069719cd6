/**
 * Signed tokens: `${id}.${signature}` where the signature is HMAC-SHA256(secret, id) cut to
 * 16 bytes, base64url. They prove we issued the id (a reply address, an unsubscribe link)
 * without a lookup; revoking one is the caller's business (e.g. reply_tokens.revoked_at),
 * since a signature stays valid for as long as the secret does.
 *
 * The secret comes from `APP_SECRET` when set, else from the `secrets` table, generated once
 * by whichever node starts first, so every node of a deployment signs alike. `buildApp`
 * loads it (`loadSigningSecret`) before anything signs.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db } from '../db/database.ts';

const SIGNATURE_BYTES = 16;
const SECRET_NAME = 'token-signing';
// An id is ours to sign only if it cannot be confused with the separator or carry anything
// odd into an e-mail address or a URL.
const ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;
const SIGNATURE_LENGTH = Math.ceil((SIGNATURE_BYTES * 4) / 3);

export interface TokenSigner {
  /** `${id}.${signature}`; throws on an id that is not 1–128 of [A-Za-z0-9_-]. */
  signToken(id: string): string;
  /** The id when the signature is ours, else null (compared in constant time). */
  verifyToken(token: string): string | null;
  /**
   * For e-mail local parts, which some relays and address books lower-case: `${id}.${hex}`
   * with a lower-case [a-z0-9] id (1–40) and a 10-byte signature in hex; verified whatever
   * the case it comes back in.
   */
  signAddressToken(id: string): string;
  verifyAddressToken(token: string): string | null;
}

const ADDRESS_ID_PATTERN = /^[a-z0-9]{1,40}$/;
const ADDRESS_SIGNATURE_BYTES = 10;

function signature(secret: Buffer, id: string): Buffer {
  return createHmac('sha256', secret).update(id, 'utf8').digest().subarray(0, SIGNATURE_BYTES);
}

// A separate purpose string keeps address signatures from ever standing for other tokens.
function addressSignature(secret: Buffer, id: string): Buffer {
  return createHmac('sha256', secret).update(`address:${id}`, 'utf8').digest().subarray(0, ADDRESS_SIGNATURE_BYTES);
}

/** A signer over one secret (tests, tools); the app uses the module-level functions below. */
export function createTokenSigner(secret: string): TokenSigner {
  if (secret.length < 16) throw new RangeError('The signing secret must have at least 16 characters');
  const key = Buffer.from(secret, 'utf8');
  return {
    signToken(id) {
      if (!ID_PATTERN.test(id)) throw new RangeError('A signed id is 1 to 128 characters of A-Z, a-z, 0-9, "_" or "-"');
      return `${id}.${signature(key, id).toString('base64url')}`;
    },
    verifyToken(token) {
      if (typeof token !== 'string' || token.length > 128 + 1 + SIGNATURE_LENGTH) return null;
      const dot = token.lastIndexOf('.');
      if (dot <= 0) return null;
      const id = token.slice(0, dot);
      const given = token.slice(dot + 1);
      if (!ID_PATTERN.test(id) || given.length !== SIGNATURE_LENGTH || !/^[A-Za-z0-9_-]+$/.test(given)) return null;
      const expected = signature(key, id);
      const actual = Buffer.from(given, 'base64url');
      // Same length by construction; timingSafeEqual throws otherwise, so check anyway.
      if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return null;
      // base64url has several spellings of the last character's spare bits: accept only ours.
      return actual.toString('base64url') === given ? id : null;
    },
    signAddressToken(id) {
      if (!ADDRESS_ID_PATTERN.test(id)) throw new RangeError('An address id is 1 to 40 characters of a-z and 0-9');
      return `${id}.${addressSignature(key, id).toString('hex')}`;
    },
    verifyAddressToken(token) {
      if (typeof token !== 'string' || token.length > 40 + 1 + ADDRESS_SIGNATURE_BYTES * 2) return null;
      const [id, given, extra] = token.toLowerCase().split('.');
      if (extra !== undefined || !id || !given || !ADDRESS_ID_PATTERN.test(id) || !/^[0-9a-f]+$/.test(given) || given.length !== ADDRESS_SIGNATURE_BYTES * 2)
        return null;
      const expected = addressSignature(key, id);
      return timingSafeEqual(Buffer.from(given, 'hex'), expected) ? id : null;
    },
  };
}

let current: TokenSigner | null = null;

/**
 * Reads (or creates, once for the whole deployment) the signing secret and makes it the one
 * `signToken`/`verifyToken` use. `envSecret` (APP_SECRET) wins when given.
 */
export async function loadSigningSecret(db: Db, envSecret: string | null): Promise<void> {
  if (envSecret) {
    current = createTokenSigner(envSecret);
    return;
  }
  const existing = await db.selectFrom('secrets').select('value').where('name', '=', SECRET_NAME).executeTakeFirst();
  if (existing) {
    current = createTokenSigner(existing.value);
    return;
  }
  // Two nodes starting together: one insert wins, both then read the winner's value. The
  // stamp is written once at start-up, before any service (and its clock) exists.
  await db
    .insertInto('secrets')
    // eslint-disable-next-line no-restricted-syntax -- see above
    .values({ name: SECRET_NAME, value: randomBytes(32).toString('base64url'), created_at: new Date().toISOString() })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const stored = await db.selectFrom('secrets').select('value').where('name', '=', SECRET_NAME).executeTakeFirstOrThrow();
  current = createTokenSigner(stored.value);
}

function signer(): TokenSigner {
  if (!current) throw new Error('The signing secret is not loaded (loadSigningSecret runs in buildApp)');
  return current;
}

/** `${id}.${base64url(HMAC-SHA256(secret, id)[0..16])}`. */
export function signToken(id: string): string {
  return signer().signToken(id);
}

/** The id of a token we signed, else null. */
export function verifyToken(token: string): string | null {
  return signer().verifyToken(token);
}

/** `${id}.${hex(HMAC-SHA256(secret, "address:" + id)[0..10])}`, for reply addresses. */
export function signAddressToken(id: string): string {
  return signer().signAddressToken(id);
}

/** The id of an address token we signed, whatever its case, else null. */
export function verifyAddressToken(token: string): string | null {
  return signer().verifyAddressToken(token);
}
