/**
 * Fair rotation: a few recurring times that together give every member at least one
 * session inside their windows. Pure; no I/O.
 *
 * The objective, in strict order (each criterion only breaks ties of the one before):
 *
 *   1. Coverage: cover as many members as possible. A member is covered by a time when
 *      they can attend the whole session there on every evaluated week. Every member that
 *      any candidate time covers is covered; the rest are reported as `uncovered`.
 *   2. Fewest times: the smallest number of times achieving that coverage.
 *   3. Fairness of bad hours. A time is a "bad hour" for a member it covers when some part
 *      of the session falls outside 08:00–21:00 on their own clock in some evaluated week.
 *      A covered member's bad-hour share is (times they can attend that are bad hours for
 *      them) ÷ (times they can attend). We minimise the largest share any member carries,
 *      then the sum of all shares: the inconvenient hours are spread rather than left to
 *      one region, and there are as few of them as possible.
 *   4. Determinism: the smallest list of candidate ids (sorted, compared lexicographically).
 *
 * Method: greedy set cover gives an upper bound; an exact search (branching on the
 * uncovered member with the fewest options, over distinct maximal cover sets) finds the
 * fewest times; a second exact search enumerates every cover of that size to pick the
 * fairest. Both run under a work budget; when the budget runs out (large groups with many
 * near-equal times), the best cover found is improved by local search (swap one time for
 * another, drop redundant times) and the answer says `optimal: false`.
 */

export interface RotationCandidate {
  /** The caller's identifier (a slot index); also the last tie-break, smaller first. */
  id: number;
  /** Members (indexes) who can attend this time. */
  covers: readonly number[];
  /** Those of `covers` for whom this time is a bad hour. */
  bad: readonly number[];
}

interface RotationScore {
  size: number;
  /** The largest bad-hour share, as a fraction. */
  maxShareNum: number;
  maxShareDen: number;
  sumShare: number;
  ids: number[];
}

export interface RotationPlan {
  /** Chosen candidate ids, ascending. */
  chosen: number[];
  /** Members no candidate covers. */
  uncovered: number[];
  /** Per member: chosen times they can attend, and how many of those are bad hours. */
  usable: Uint16Array;
  badHours: Uint16Array;
  score: RotationScore;
  /** True when the search finished: the answer is the exact optimum of the objective. */
  optimal: boolean;
}

const EPSILON = 1e-9;
/**
 * Work is counted in rough units of a few nanoseconds (a word operation, a member visited)
 * so that the answer does not depend on the machine's speed or load. The exact searches
 * share `budget`; local search gets half as much again. The default keeps the whole plan
 * to a few tens of milliseconds. A search node costs `NODE_COST` beyond its words; a local
 * search trial, which builds arrays, `TRIAL_COST`.
 */
const DEFAULT_BUDGET = 6_000_000;
const NODE_COST = 50;
const TRIAL_COST = 400;

/** Orders two rotations by the objective above: negative when `a` is better. */
function compareRotations(a: RotationScore, b: RotationScore): number {
  if (a.size !== b.size) return a.size - b.size;
  const share = a.maxShareNum * b.maxShareDen - b.maxShareNum * a.maxShareDen;
  if (share !== 0) return share;
  if (Math.abs(a.sumShare - b.sumShare) > EPSILON) return a.sumShare - b.sumShare;
  for (let i = 0; i < a.ids.length; i++) if (a.ids[i] !== b.ids[i]) return a.ids[i]! - b.ids[i]!;
  return 0;
}

/** Scores a set of candidates (positions in `candidates`) against criteria 2–4. */
function scoreRotation(
  memberCount: number,
  candidates: readonly RotationCandidate[],
  chosen: readonly number[],
): { score: RotationScore; usable: Uint16Array; badHours: Uint16Array } {
  const usable = new Uint16Array(memberCount);
  const badHours = new Uint16Array(memberCount);
  for (const c of chosen) {
    for (const m of candidates[c]!.covers) usable[m] = usable[m]! + 1;
    for (const m of candidates[c]!.bad) badHours[m] = badHours[m]! + 1;
  }
  let maxShareNum = 0;
  let maxShareDen = 1;
  let sumShare = 0;
  for (let m = 0; m < memberCount; m++) {
    const n = usable[m]!;
    if (n === 0) continue;
    const b = badHours[m]!;
    sumShare += b / n;
    if (b * maxShareDen > maxShareNum * n) {
      maxShareNum = b;
      maxShareDen = n;
    }
  }
  const ids = chosen.map((c) => candidates[c]!.id).sort((x, y) => x - y);
  return { score: { size: chosen.length, maxShareNum, maxShareDen, sumShare, ids }, usable, badHours };
}

class OutOfBudget extends Error {}

/**
 * The first index of each group of indexes whose bit sets (`setsOf`) are all equal, in
 * index order. Grouped by a hash first, so large sets are compared only when likely equal.
 */
function firstOfEach(count: number, setsOf: (i: number) => Uint32Array[]): number[] {
  const byHash = new Map<number, number[]>();
  const out: number[] = [];
  const equal = (a: Uint32Array[], b: Uint32Array[]) => a.every((x, i) => x.every((w, j) => w === b[i]![j]));
  for (let i = 0; i < count; i++) {
    const sets = setsOf(i);
    let h = 0x811c9dc5;
    for (const set of sets) for (let j = 0; j < set.length; j++) h = Math.imul(h ^ set[j]!, 0x01000193);
    const same = byHash.get(h);
    if (same?.some((other) => equal(setsOf(other), sets))) continue;
    if (same) same.push(i);
    else byHash.set(h, [i]);
    out.push(i);
  }
  return out;
}

/** Finds the rotation that best meets the objective (see the module comment). */
export function planRotation(memberCount: number, input: readonly RotationCandidate[], options: { budget?: number } = {}): RotationPlan {
  const budget = options.budget ?? DEFAULT_BUDGET;
  const candidates = input.filter((c) => c.covers.length > 0).sort((a, b) => a.id - b.id);
  const words = Math.max(1, Math.ceil(memberCount / 32));
  const bitsOf = (members: readonly number[]) => {
    const bits = new Uint32Array(words);
    for (const m of members) bits[m >>> 5] = bits[m >>> 5]! | (1 << (m & 31));
    return bits;
  };
  const coverBits = candidates.map((c) => bitsOf(c.covers));
  const badBits = candidates.map((c) => bitsOf(c.bad));
  const coverable = new Uint32Array(words);
  for (const bits of coverBits) for (let i = 0; i < words; i++) coverable[i] = coverable[i]! | bits[i]!;
  const isCoverable = (m: number) => ((coverable[m >>> 5]! >>> (m & 31)) & 1) === 1;
  const uncovered = Array.from({ length: memberCount }, (_, m) => m).filter((m) => !isCoverable(m));

  const finish = (chosen: number[], optimal: boolean): RotationPlan => {
    const { score, usable, badHours } = scoreRotation(memberCount, candidates, chosen);
    return { chosen: score.ids, uncovered, usable, badHours, score, optimal };
  };
  if (candidates.length === 0) return finish([], true);

  let work = 0;
  const spend = (units: number) => {
    work += units;
    if (work > budget) throw new OutOfBudget();
  };
  const popcount = (x: number) => {
    let v = x - ((x >>> 1) & 0x55555555);
    v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
    return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
  };
  const coversAll = (bits: Uint32Array) => {
    for (let i = 0; i < words; i++) if ((bits[i]! & coverable[i]!) >>> 0 !== coverable[i]) return false;
    return true;
  };

  // Greedy: the time covering most members not yet covered; ties go to fewer bad hours among
  // them, then the smaller id. Its size bounds the search. Gains only shrink as members get
  // covered, so a stale gain is an upper bound: only candidates whose stale gain could still
  // reach the best fresh one are recomputed ("lazy greedy", same choices as a full scan).
  const greedy: number[] = [];
  {
    const covered = new Uint32Array(words);
    const stale = candidates.map((c) => c.covers.length);
    const byStale = candidates.map((_, c) => c);
    while (!coversAll(covered)) {
      byStale.sort((a, b) => stale[b]! - stale[a]! || a - b);
      let best = -1;
      let bestGain = 0;
      let bestBad = 0;
      for (const c of byStale) {
        if (stale[c]! < bestGain || stale[c] === 0) break;
        let gain = 0;
        let bad = 0;
        for (let i = 0; i < words; i++) {
          const fresh = coverBits[c]![i]! & ~covered[i]!;
          if (fresh === 0) continue;
          gain += popcount(fresh);
          bad += popcount(fresh & badBits[c]![i]!);
        }
        stale[c] = gain;
        if (gain > bestGain || (gain === bestGain && gain > 0 && (bad < bestBad || (bad === bestBad && c < best)))) {
          best = c;
          bestGain = gain;
          bestBad = bad;
        }
      }
      greedy.push(best);
      for (let i = 0; i < words; i++) covered[i] = covered[i]! | coverBits[best]![i]!;
    }
  }

  // Members in the order the searches branch on them: fewest options first.
  const optionsOf = (list: number[]) => {
    const opts: number[][] = Array.from({ length: memberCount }, () => []);
    for (const c of list) for (const m of candidates[c]!.covers) opts[m]!.push(c);
    return opts;
  };
  const branchOrder = (opts: number[][]) =>
    Array.from({ length: memberCount }, (_, m) => m)
      .filter(isCoverable)
      .sort((a, b) => opts[a]!.length - opts[b]!.length || a - b);
  /** The first member of `order` not covered, charging the scan to the budget. */
  const firstUncovered = (order: number[], covered: Uint32Array) => {
    for (let i = 0; i < order.length; i++) {
      const m = order[i]!;
      if (((covered[m >>> 5]! >>> (m & 31)) & 1) === 0) {
        spend(i);
        return m;
      }
    }
    spend(order.length);
    return -1;
  };
  const uncoveredCount = (covered: Uint32Array) => {
    let n = 0;
    for (let i = 0; i < words; i++) n += popcount(coverable[i]! & ~covered[i]!);
    return n;
  };
  const stack = Array.from({ length: greedy.length + 1 }, () => new Uint32Array(words));
  const maxCover = Math.max(...candidates.map((c) => c.covers.length));

  let optimal = true;
  let size = greedy.length;

  // Exact fewest times, over distinct maximal cover sets (a subset of another set's members
  // never lets a cover be smaller).
  try {
    const sets = firstOfEach(candidates.length, (c) => [coverBits[c]!]).sort((a, b) => candidates[b]!.covers.length - candidates[a]!.covers.length);
    const maximal = sets.filter((c, i) => {
      for (let j = 0; j < i; j++) {
        const other = sets[j]!;
        spend(2);
        let subset = true;
        for (let w = 0; w < words && subset; w++) if ((coverBits[c]![w]! & ~coverBits[other]![w]!) !== 0) subset = false;
        if (subset && candidates[other]!.covers.length > candidates[c]!.covers.length) return false;
      }
      return true;
    });
    const opts = optionsOf(maximal);
    const order = branchOrder(opts);
    const exists = (depth: number, covered: Uint32Array): boolean => {
      spend(NODE_COST + 2 * words);
      const m = firstUncovered(order, covered);
      if (m < 0) return true;
      if (depth === 0 || uncoveredCount(covered) > depth * maxCover) return false;
      // Each depth has its own buffer: the caller's `covered` stays intact across branches.
      const next = stack[depth]!;
      for (const c of opts[m]!) {
        for (let i = 0; i < words; i++) next[i] = covered[i]! | coverBits[c]![i]!;
        if (exists(depth - 1, next)) return true;
      }
      return false;
    };
    for (let k = 1; k < greedy.length; k++) {
      if (exists(k, new Uint32Array(words))) {
        size = k;
        break;
      }
    }
  } catch (error) {
    if (!(error instanceof OutOfBudget)) throw error;
    optimal = false;
  }

  // Fairest cover of that size. Candidates with the same members and the same bad hours are
  // interchangeable; only the smallest id of each can win criterion 4.
  let best: { chosen: number[]; score: RotationScore } | null = null;
  const consider = (chosen: number[]) => {
    spend(chosen.reduce((n, c) => n + 2 * candidates[c]!.covers.length, NODE_COST + 2 * memberCount));
    const { score } = scoreRotation(memberCount, candidates, chosen);
    if (!best || compareRotations(score, best.score) < 0) best = { chosen: [...chosen], score };
  };
  if (greedy.length === size) {
    const { score } = scoreRotation(memberCount, candidates, greedy);
    best = { chosen: [...greedy], score };
  }
  const pool = firstOfEach(candidates.length, (c) => [coverBits[c]!, badBits[c]!]);
  if (optimal) {
    try {
      const opts = optionsOf(pool);
      const order = branchOrder(opts);
      const seen = new Set<string>();
      const chosen: number[] = [];
      const enumerate = (depth: number, covered: Uint32Array): void => {
        spend(NODE_COST + 2 * words);
        const m = firstUncovered(order, covered);
        if (m < 0) {
          const key = [...chosen].sort((a, b) => a - b).join(',');
          if (!seen.has(key)) {
            seen.add(key);
            consider(chosen);
          }
          return;
        }
        if (depth === 0 || uncoveredCount(covered) > depth * maxCover) return;
        const next = stack[depth]!;
        for (const c of opts[m]!) {
          for (let i = 0; i < words; i++) next[i] = covered[i]! | coverBits[c]![i]!;
          chosen.push(c);
          enumerate(depth - 1, next);
          chosen.pop();
        }
      };
      enumerate(size, new Uint32Array(words));
    } catch (error) {
      if (!(error instanceof OutOfBudget)) throw error;
      optimal = false;
    }
  }
  if (!optimal) {
    work = budget / 2;
    best = withoutRedundantTimes(improve(best ?? { chosen: greedy, score: scoreRotation(memberCount, candidates, greedy).score }));
  }
  return finish(best!.chosen, optimal);

  /**
   * Drops every time the others make redundant. Local search does this too, but only as far
   * as its budget goes; this pass is cheap (times² × words) and always runs to the end, so a
   * plan never holds a time nobody needs, however small the budget.
   */
  function withoutRedundantTimes(plan: { chosen: number[]; score: RotationScore }): { chosen: number[]; score: RotationScore } {
    let chosen = plan.chosen;
    for (let i = chosen.length - 1; i >= 0; i--) {
      const without = chosen.filter((_, j) => j !== i);
      const bits = new Uint32Array(words);
      for (const c of without) for (let w = 0; w < words; w++) bits[w] = bits[w]! | coverBits[c]![w]!;
      if (coversAll(bits)) chosen = without;
    }
    return chosen === plan.chosen ? plan : { chosen, score: scoreRotation(memberCount, candidates, chosen).score };
  }

  /** Local search: drop a time that others make redundant, or swap one for a better one. */
  function improve(start: { chosen: number[]; score: RotationScore }): { chosen: number[]; score: RotationScore } {
    let current = start;
    const union = (chosen: number[]) => {
      const bits = new Uint32Array(words);
      for (const c of chosen) for (let i = 0; i < words; i++) bits[i] = bits[i]! | coverBits[c]![i]!;
      return bits;
    };
    try {
      for (let improved = true; improved;) {
        improved = false;
        for (let i = 0; i < current.chosen.length && !improved; i++) {
          const without = current.chosen.filter((_, j) => j !== i);
          spend(TRIAL_COST + words * current.chosen.length);
          if (coversAll(union(without))) {
            current = { chosen: without, score: scoreRotation(memberCount, candidates, without).score };
            improved = true;
            break;
          }
          for (const c of pool) {
            if (current.chosen.includes(c)) continue;
            const trial = [...without, c];
            spend(TRIAL_COST + words * trial.length);
            if (!coversAll(union(trial))) continue;
            spend(trial.reduce((n, t) => n + 2 * candidates[t]!.covers.length, NODE_COST + 2 * memberCount));
            const { score } = scoreRotation(memberCount, candidates, trial);
            if (compareRotations(score, current.score) < 0) {
              current = { chosen: trial, score };
              improved = true;
              break;
            }
          }
        }
      }
    } catch (error) {
      if (!(error instanceof OutOfBudget)) throw error;
    }
    return current;
  }
}
