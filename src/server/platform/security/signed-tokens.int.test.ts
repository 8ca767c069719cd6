import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDialects, type TestDatabase } from '../../../../tests/support/databases.ts';
import { createTokenSigner, loadSigningSecret, signToken, verifyToken } from './signed-tokens.ts';

describe.each(testDialects())('signing secret on $dialect', ({ open }) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await open();
  });
  afterEach(async () => t.drop());

  it('is generated once, stored, and shared by every node that loads it', async () => {
    // Two nodes starting at the same moment.
    await Promise.all([loadSigningSecret(t.db, null), loadSigningSecret(t.db, null)]);
    const stored = await t.db.selectFrom('secrets').selectAll().execute();
    expect(stored).toHaveLength(1);
    const token = signToken('reply1');
    expect(verifyToken(token)).toBe('reply1');
    expect(createTokenSigner(stored[0]!.value).verifyToken(token)).toBe('reply1');
    // A restart reads the same secret: old tokens still verify.
    await loadSigningSecret(t.db, null);
    expect(verifyToken(token)).toBe('reply1');
    expect(await t.db.selectFrom('secrets').selectAll().execute()).toHaveLength(1);
  });

  it('uses APP_SECRET when given, and stores nothing', async () => {
    const secret = 'an operator secret of at least 32 characters';
    await loadSigningSecret(t.db, secret);
    expect(signToken('x1')).toBe(createTokenSigner(secret).signToken('x1'));
    expect(await t.db.selectFrom('secrets').selectAll().execute()).toEqual([]);
  });
});
