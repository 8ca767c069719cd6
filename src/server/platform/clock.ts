/**
 * What time it is, as services see it. Services take the clock with their dependencies
 * instead of calling `new Date()`, so tests set the time (a session "tomorrow", a digest at
 * 08:00 in Kathmandu) instead of depending on when they run.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stands still until moved: for tests and replays. */
export function fixedClock(start: Date | string): Clock & { set(to: Date | string): void; advance(ms: number): void } {
  let current = new Date(start).getTime();
  return {
    now: () => new Date(current),
    set: (to) => {
      current = new Date(to).getTime();
    },
    advance: (ms) => {
      current += ms;
    },
  };
}
