/** Benchmarks print a figure and a ratio against a baseline measured in the same run. */
export interface BenchResult {
  name: string;
  figure: string;
  baseline: string;
  /** ours ÷ baseline: how many times the baseline's cost. */
  ratio: number;
}

/** Median wall time in milliseconds of `runs` runs, after one warm-up. */
export function measure(_label: string, runs: number, work: () => void): number {
  work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    work();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** As `measure`, for asynchronous work. */
export async function measureAsync(runs: number, work: () => Promise<void>): Promise<number> {
  await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await work();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}
