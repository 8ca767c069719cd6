/**
 * What the test run may use. On a developer's machine a missing browser or PostgreSQL is
 * skipped loudly; with REQUIRE_ALL_TIERS=1 (CI) it is a failure instead.
 */
import fs from 'node:fs';

export const requireAllTiers = process.env.REQUIRE_ALL_TIERS === '1';
export const postgresUrl = process.env.TEST_DATABASE_URL || null;
export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const hasChromium = fs.existsSync(chromiumPath);

export function announceSkip(what: string): void {
  if (requireAllTiers) throw new Error(`${what} is required (REQUIRE_ALL_TIERS=1) but not available`);
  console.warn(`\n*** SKIPPED: ${what} ***\n`);
}
