/**
 * The time finder's scoring: for every weekly slot of the group (a group-zone day and
 * quarter-hour, 672 of them) and every evaluated week, which members can attend the whole
 * session inside their own windows. Pure; no I/O; typed arrays throughout.
 *
 * How it stays fast (10,000 members × 672 slots × 12 weeks in a few tens of milliseconds):
 *
 * - Time is counted in UTC quarter-hours. Each week's 672 slot starts are found once
 *   (`planWeeks`), as group-zone wall times turned into instants by the RFC 5545 rules the
 *   sessions use (a time in a spring-forward gap moves forward, a repeated one takes the first).
 * - Each member zone's UTC offsets over a week are found once, as a few constant stretches
 *   (`offsetStretches`): converting per member × slot with Intl would be 10,000× slower.
 * - A week of a zone is then two short lists of runs: which slot starts where on the UTC
 *   timeline, and which local quarter-of-week each stretch of the timeline reads. Weeks with
 *   the same runs give the same answer for every member of that zone, so they are scored
 *   once ("variants": typically two or three per zone over 12 weeks, one per DST state plus
 *   the weeks where a clock changes).
 * - Per member, a variant is a handful of word operations on 21-word bit sets: the member's
 *   mask is laid onto the timeline by bit-range copies, "the next k quarters are all free" is
 *   k-fold AND by shift-doubling, and the slot starts are copied back out by runs.
 */
import * as grid from './weekly-windows.ts';
import { zoneVariants, type WeekPlan, type ZoneVariant } from './week-plan.ts';

// Local copies: the test and bench loaders turn imported bindings into getters, which the
// inner loops below would otherwise call millions of times.
const MASK_WORDS = grid.MASK_WORDS;
const SLOTS_PER_WEEK = grid.SLOTS_PER_WEEK;

/** A member's mask repeated three times, so any stretch of up to two weeks reads without wrapping. */
const EXT_WORDS = 3 * MASK_WORDS;
/** A week's timeline: 672 quarters, plus the session length, plus room for a clock change. */
const MAX_TIMELINE_BITS = 2 * SLOTS_PER_WEEK;
const TIMELINE_WORDS = MAX_TIMELINE_BITS / 32;

const mod = (a: number, n: number) => ((a % n) + n) % n;

// ---------------------------------------------------------------------------------------
// Bit sets on Uint32Array words, bit i at word i >>> 5, position i & 31. Every buffer has a
// spare zero word at the end so that reading 32 bits from any valid position stays in bounds.

function read32(src: Uint32Array, bit: number): number {
  const w = bit >>> 5;
  const r = bit & 31;
  if (r === 0) return src[w]!;
  return (src[w]! >>> r) | (src[w + 1]! << (32 - r));
}

/** Copies `len` bits from `src` at `srcBit` into `dst` at `dstBit`, leaving other bits alone. */
export function copyBits(src: Uint32Array, srcBit: number, dst: Uint32Array, dstBit: number, len: number): void {
  let done = 0;
  if ((dstBit & 31) === 0) {
    // Whole destination words: the common case (a steady week copies all 672 slots at once).
    const first = dstBit >>> 5;
    for (let i = 0; done + 32 <= len; i++, done += 32) dst[first + i] = read32(src, srcBit + done);
  }
  while (done < len) {
    const d = dstBit + done;
    const w = d >>> 5;
    const lo = d & 31;
    const n = Math.min(32 - lo, len - done);
    const mask = n === 32 ? 0xffffffff : (1 << n) - 1;
    const bits = read32(src, srcBit + done) & mask;
    dst[w] = (dst[w]! & ~(mask << lo)) | (bits << lo);
    done += n;
  }
}

/** In place: bit i becomes "bits i … i+k−1 were all set" (k-fold AND by doubling shifts). */
export function runAnd(buf: Uint32Array, words: number, k: number): void {
  let have = 1;
  while (have < k) {
    const step = Math.min(have, k - have);
    const back = 32 - step;
    for (let i = 0; i < words; i++) buf[i] = buf[i]! & ((buf[i]! >>> step) | (buf[i + 1]! << back));
    have += step;
  }
}

/** Reusable buffers for scoring one mask at a time. */
interface Scratch {
  ext: Uint32Array;
  runExt: Uint32Array;
  timeline: Uint32Array;
}

function createScratch(): Scratch {
  return { ext: new Uint32Array(EXT_WORDS + 1), runExt: new Uint32Array(EXT_WORDS + 1), timeline: new Uint32Array(TIMELINE_WORDS + 1) };
}

/**
 * Prepares a weekly mask: "free for the whole session from here" over two weeks, and, when
 * some week has a clock change (`withExt`), the mask itself laid out three times over.
 */
function prepareMask(mask: Uint32Array, k: number, scratch: Scratch, withExt: boolean): void {
  const { ext, runExt } = scratch;
  if (withExt) for (let i = 0; i < EXT_WORDS; i++) ext[i] = mask[i % MASK_WORDS]!;
  // The week is circular: do the k-fold AND on one week, wrapping the last word onto the
  // first, then repeat it (a steady week reads at most two weeks' worth).
  for (let i = 0; i < MASK_WORDS; i++) runExt[i] = mask[i]!;
  let have = 1;
  while (have < k) {
    const step = Math.min(have, k - have);
    const back = 32 - step;
    const first = runExt[0]!;
    for (let i = 0; i < MASK_WORDS - 1; i++) runExt[i] = runExt[i]! & ((runExt[i]! >>> step) | (runExt[i + 1]! << back));
    runExt[MASK_WORDS - 1] = runExt[MASK_WORDS - 1]! & ((runExt[MASK_WORDS - 1]! >>> step) | (first << back));
    have += step;
  }
  for (let i = MASK_WORDS; i < 2 * MASK_WORDS; i++) runExt[i] = runExt[i - MASK_WORDS]!;
}

/**
 * Writes into `out` (21 words at word `at`) the slots whose whole session falls inside the
 * mask in the variant's weeks. `prepareMask` must have run for this mask.
 */
function variantSlots(variant: ZoneVariant, k: number, scratch: Scratch, out: Uint32Array, at: number): void {
  // Slot runs cover all 672 slots, so every bit of `out` is written below.
  const outBit = at * 32;
  const steady = variant.steadyCopies;
  if (steady) {
    // No clock change on the member's side this week: a slot's session is a stretch of
    // consecutive local quarters, already answered by the prepared run mask.
    for (const r of steady) copyBits(scratch.runExt, r.shift, out, outBit + r.from, r.to - r.from);
    return;
  }
  // The member's clock changes during the week: lay the mask onto the UTC timeline stretch
  // by stretch, then ask "all k quarters free" on the timeline itself.
  const { timeline, ext } = scratch;
  const words = Math.ceil(variant.length / 32);
  timeline.fill(0, 0, words + 1);
  for (const r of variant.localRuns) copyBits(ext, mod(r.from + r.shift, SLOTS_PER_WEEK), timeline, r.from, r.to - r.from);
  runAnd(timeline, words, k);
  for (const r of variant.slotRuns) copyBits(timeline, r.from + r.shift, out, outBit + r.from, r.to - r.from);
}

export interface MemberMask {
  zone: string;
  /** Their windows as a 21-word weekly mask in their own zone (`windowsToMask`). */
  mask: Uint32Array;
}

export interface FinderScores {
  plan: WeekPlan;
  memberCount: number;
  /** Per slot: members who can attend the whole session in every evaluated week. */
  available: Uint32Array;
  /** Per slot: members who can attend in some evaluated weeks but not all. */
  partial: Uint32Array;
  /** Per member, 21 words: the slots they can attend in every evaluated week. */
  allWeeks: Uint32Array;
  /** In how many of the evaluated weeks a member can attend a slot. */
  weeksAvailable(member: number, slot: number): number;
}

/** Whether bit `slot` is set in the 21-word set starting at word `at`. */
export function slotBit(bits: Uint32Array, at: number, slot: number): boolean {
  return ((bits[at + (slot >>> 5)]! >>> (slot & 31)) & 1) === 1;
}

/**
 * Scores every member for every slot and week. `available[s]` is the time finder's headline
 * figure: how many members can attend the whole session at slot `s` on every evaluated week.
 */
export function scoreMembers(plan: WeekPlan, members: readonly MemberMask[]): FinderScores {
  const count = members.length;
  const k = plan.quarters;
  const scratch = createScratch();
  const allWeeks = new Uint32Array(count * MASK_WORDS);
  const variantsOf = members.map((m) => zoneVariants(plan, m.zone));
  const firstVariant = new Int32Array(count + 1);
  for (let m = 0; m < count; m++) firstVariant[m + 1] = firstVariant[m]! + variantsOf[m]!.length;
  const perVariant = new Uint32Array(firstVariant[count]! * MASK_WORDS + 1);
  const any = new Uint32Array(MASK_WORDS);
  const notAll = new Uint32Array(MASK_WORDS);
  const availablePlanes = new Uint32Array(planeCount(count) * MASK_WORDS);
  const partialPlanes = new Uint32Array(planeCount(count) * MASK_WORDS);

  for (let m = 0; m < count; m++) {
    const variants = variantsOf[m]!;
    prepareMask(
      members[m]!.mask,
      k,
      scratch,
      variants.some((v) => v.steadyCopies === null),
    );
    const all = m * MASK_WORDS;
    allWeeks.fill(0xffffffff, all, all + MASK_WORDS);
    any.fill(0);
    for (let v = 0; v < variants.length; v++) {
      const at = (firstVariant[m]! + v) * MASK_WORDS;
      variantSlots(variants[v]!, k, scratch, perVariant, at);
      for (let i = 0; i < MASK_WORDS; i++) {
        allWeeks[all + i] = allWeeks[all + i]! & perVariant[at + i]!;
        any[i] = any[i]! | perVariant[at + i]!;
      }
    }
    for (let i = 0; i < MASK_WORDS; i++) notAll[i] = any[i]! & ~allWeeks[all + i]!;
    addToPlanes(availablePlanes, allWeeks, all);
    addToPlanes(partialPlanes, notAll, 0);
  }
  const available = readPlanes(availablePlanes);
  const partial = readPlanes(partialPlanes);

  return {
    plan,
    memberCount: count,
    available,
    partial,
    allWeeks,
    weeksAvailable(member: number, slot: number): number {
      const variants = variantsOf[member]!;
      let weeks = 0;
      for (let v = 0; v < variants.length; v++) {
        if (slotBit(perVariant, (firstVariant[member]! + v) * MASK_WORDS, slot)) weeks += variants[v]!.weeks.length;
      }
      return weeks;
    },
  };
}

// Per-slot counters kept "bit-sliced": plane j holds bit j of all 672 counters, so adding a
// member's 21-word slot set is a ripple-carry over whole words (two planes on average)
// instead of one increment per set bit.

function planeCount(maxCount: number): number {
  return 32 - Math.clz32(maxCount) + 1;
}

function addToPlanes(planes: Uint32Array, bits: Uint32Array, at: number): void {
  for (let i = 0; i < MASK_WORDS; i++) {
    let carry = bits[at + i]!;
    for (let j = i; carry !== 0; j += MASK_WORDS) {
      const plane = planes[j]!;
      planes[j] = plane ^ carry;
      carry &= plane;
    }
  }
}

function readPlanes(planes: Uint32Array): Uint32Array {
  const counts = new Uint32Array(SLOTS_PER_WEEK);
  const planesUsed = planes.length / MASK_WORDS;
  for (let s = 0; s < SLOTS_PER_WEEK; s++) {
    let n = 0;
    for (let j = 0; j < planesUsed; j++) n += ((planes[j * MASK_WORDS + (s >>> 5)]! >>> (s & 31)) & 1) * 2 ** j;
    counts[s] = n;
  }
  return counts;
}

/**
 * The slots whose whole session lies inside `mask` read in `zone`, in every evaluated week
 * (21 words). Used for "good hours": a slot is a bad hour for a zone unless it is inside.
 */
export function slotsInsideEveryWeek(plan: WeekPlan, zone: string, mask: Uint32Array): Uint32Array {
  const scratch = createScratch();
  prepareMask(mask, plan.quarters, scratch, true);
  const out = new Uint32Array(MASK_WORDS).fill(0xffffffff);
  const one = new Uint32Array(MASK_WORDS + 1);
  for (const variant of zoneVariants(plan, zone)) {
    variantSlots(variant, plan.quarters, scratch, one, 0);
    for (let i = 0; i < MASK_WORDS; i++) out[i] = out[i]! & one[i]!;
  }
  return out;
}
