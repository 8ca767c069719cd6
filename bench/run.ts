/**
 * `npm run bench`: every benchmark, each printing its figure and its ratio against a
 * baseline measured in the same run (the machine is shared and noisy: compare ratios).
 * `npm run bench -- recurrence` runs the ones whose file name contains "recurrence".
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BenchResult } from './harness.ts';

const filter = process.argv[2] ?? '';
const dir = path.dirname(new URL(import.meta.url).pathname);
const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts') && f.includes(filter))
  .sort();
for (const file of files) {
  const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as { run: () => Promise<BenchResult[]> };
  for (const r of await mod.run()) {
    console.log(
      `${r.name}\n  ${r.figure}\n  baseline: ${r.baseline}\n  ratio: ${r.ratio >= 0.01 ? r.ratio.toFixed(2) : r.ratio.toExponential(2)}× the baseline\n`,
    );
  }
}
