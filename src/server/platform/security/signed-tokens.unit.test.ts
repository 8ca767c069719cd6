import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createTokenSigner } from './signed-tokens.ts';

const SECRET = 'a test secret that is long enough';

describe('signed tokens', () => {
  const signer = createTokenSigner(SECRET);

  it('signs an id as id.base64url(HMAC-SHA256 cut to 16 bytes) and verifies it', () => {
    const token = signer.signToken('r_123-abc');
    const expected = createHmac('sha256', SECRET).update('r_123-abc').digest().subarray(0, 16).toString('base64url');
    expect(token).toBe(`r_123-abc.${expected}`);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}$/);
    expect(signer.verifyToken(token)).toBe('r_123-abc');
  });

  it('refuses a changed id, a changed signature, another secret, and malformed tokens', () => {
    const token = signer.signToken('abc');
    const [id, sig] = token.split('.') as [string, string];
    const flipped = sig[0] === 'A' ? `B${sig.slice(1)}` : `A${sig.slice(1)}`;
    expect(signer.verifyToken(`abd.${sig}`)).toBeNull();
    expect(signer.verifyToken(`${id}.${flipped}`)).toBeNull();
    expect(createTokenSigner(`${SECRET}!`).verifyToken(token)).toBeNull();
    for (const bad of [
      '',
      '.',
      'abc',
      'abc.',
      `.${sig}`,
      `${id}.${sig}x`,
      `${id}.${sig.slice(0, -1)}`,
      `${id}.${sig}=`,
      `a.b.${sig}`,
      `${id}..${sig}`,
      `${'a'.repeat(200)}.${sig}`,
      `ab c.${sig}`,
      `${id}.${sig.replace(/./, '+')}`,
    ]) {
      expect(signer.verifyToken(bad), bad).toBeNull();
    }
  });

  it('accepts only the canonical spelling of the signature', () => {
    const token = signer.signToken('abc');
    const last = token.at(-1)!;
    // The last base64url character carries 4 spare bits: another character with the same
    // data bits decodes to the same bytes but is not what we issued.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const index = alphabet.indexOf(last);
    const sibling = alphabet[(index & ~0b1111) | ((index + 1) & 0b1111)]!;
    expect(signer.verifyToken(`${token.slice(0, -1)}${sibling}`)).toBeNull();
  });

  it('refuses ids it cannot carry in an address, and short secrets', () => {
    expect(() => signer.signToken('')).toThrow(RangeError);
    expect(() => signer.signToken('a.b')).toThrow(RangeError);
    expect(() => signer.signToken('a@b')).toThrow(RangeError);
    expect(() => signer.signToken('x'.repeat(129))).toThrow(RangeError);
    expect(() => createTokenSigner('short')).toThrow(RangeError);
  });

  it('signs e-mail address tokens in lower-case hex and verifies them whatever their case', () => {
    const token = signer.signAddressToken('0123456789abcdef0123');
    expect(token).toMatch(/^0123456789abcdef0123\.[0-9a-f]{20}$/);
    expect(`reply+${token}`.length).toBeLessThanOrEqual(64);
    expect(signer.verifyAddressToken(token)).toBe('0123456789abcdef0123');
    expect(signer.verifyAddressToken(token.toUpperCase())).toBe('0123456789abcdef0123');
    const [id, sig] = token.split('.') as [string, string];
    const flipped = `${sig[0] === '0' ? '1' : '0'}${sig.slice(1)}`;
    for (const bad of [
      `${id}.${flipped}`,
      `${id}0.${sig}`,
      `${id}.${sig}0`,
      `${id}.${sig.slice(1)}`,
      `${id}`,
      `.${sig}`,
      `${id}.${sig}.x`,
      `${id}-.${sig}`,
      `${id}.${'g'.repeat(20)}`,
      '',
    ]) {
      expect(signer.verifyAddressToken(bad), bad).toBeNull();
    }
    // An address token is never a general token, nor the reverse, nor valid under another secret.
    expect(signer.verifyToken(token)).toBeNull();
    expect(createTokenSigner(`${SECRET}!`).verifyAddressToken(token)).toBeNull();
    expect(() => signer.signAddressToken('Upper')).toThrow(RangeError);
  });
});
