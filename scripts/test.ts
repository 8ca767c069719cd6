/**
 * `npm test`: the whole suite, in the order a failure is cheapest to find.
 *   1. type-check and lint
 *   2. unit tests under six time zones (nothing may depend on the machine's zone)
 *   3. integration tests: services and HTTP on SQLite, and PostgreSQL when TEST_DATABASE_URL is set
 *   4. build the web app, then browser journeys in Chromium
 * Skipped tiers (no PostgreSQL, no Chromium) are announced loudly; REQUIRE_ALL_TIERS=1 turns
 * them into failures. The last line is the summary CI reads: "N passed, N failed, N skipped".
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}
const total: Tally = { passed: 0, failed: 0, skipped: 0 };
const lines: string[] = [];
const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };

function run(title: string, command: string, args: string[], extraEnv: Record<string, string> = {}): void {
  console.log(`\n=== ${title} ===`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...env, ...extraEnv } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`\n${title} FAILED (${seconds}s)`);
    summarize();
    console.log(`${total.passed} passed, ${Math.max(total.failed, 1)} failed, ${total.skipped} skipped`);
    process.exit(result.status ?? 1);
  }
  lines.push(`${title}: ok (${seconds}s)`);
}

function vitest(title: string, project: string, extraEnv: Record<string, string> = {}): void {
  const out = `test-results/${project}-${(extraEnv.TZ ?? 'default').replace(/\//g, '_')}.json`;
  fs.mkdirSync('test-results', { recursive: true });
  run(title, 'npx', ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile=${out}`], extraEnv);
  const report = JSON.parse(fs.readFileSync(out, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
  const tally = { passed: report.numPassedTests, failed: report.numFailedTests, skipped: report.numPendingTests + report.numTodoTests };
  total.passed += tally.passed;
  total.failed += tally.failed;
  total.skipped += tally.skipped;
  lines[lines.length - 1] += ` — ${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped`;
}

function summarize(): void {
  console.log('\n=== Summary ===');
  for (const line of lines) console.log(line);
  if (!process.env.TEST_DATABASE_URL) console.log('*** PostgreSQL tier SKIPPED: set TEST_DATABASE_URL to run it ***');
  if (!fs.existsSync(process.env.CHROMIUM_PATH || '/usr/bin/chromium'))
    console.log('*** Browser tier SKIPPED: install chromium (apt-get install chromium) ***');
}

/**
 * A test file outside the three tiers would never run: vitest's projects pick files by their
 * suffix. Fail before anything else rather than let it pass silently.
 */
function checkTierSuffixes(): void {
  const tracked = spawnSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '*.test.ts', '*.test.tsx'], { encoding: 'utf8' });
  const files = (tracked.stdout ?? '').split('\n').filter(Boolean);
  const tiers = /\.(unit|int)\.test\.tsx?$|^tests\/e2e\/.*\.e2e\.test\.ts$/;
  const strays = files.filter((f) => !tiers.test(f) || (f.includes('.e2e.') && !f.startsWith('tests/e2e/')));
  if (strays.length > 0) {
    console.error(
      `\nThese test files have no tier suffix (.unit.test.ts, .int.test.ts, or tests/e2e/*.e2e.test.ts) and would never run:\n  ${strays.join('\n  ')}`,
    );
    console.log(`0 passed, ${strays.length} failed, 0 skipped`);
    process.exit(1);
  }
}

checkTierSuffixes();
run('Type-check', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
run('Lint', 'npm', ['run', '--silent', 'lint']);
for (const zone of ['UTC', 'America/Los_Angeles', 'Pacific/Chatham', 'Asia/Kolkata', 'America/St_Johns', 'Asia/Kathmandu']) {
  vitest(`Unit tests (TZ=${zone})`, 'unit', { TZ: zone });
}
vitest('Integration tests (TZ=Pacific/Chatham)', 'integration', { TZ: 'Pacific/Chatham' });
run('Build web app', 'npx', ['vite', 'build', '--logLevel', 'warn']);
vitest('Browser tests (TZ=Asia/Kolkata)', 'e2e', { TZ: 'Asia/Kolkata' });
summarize();
console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed > 0 ? 1 : 0);
