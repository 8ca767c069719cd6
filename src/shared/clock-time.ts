/** Wall-clock times of day written `HH:MM`, as the API takes them. */

const CLOCK = /^(\d{2}):(\d{2})$/;

/** Minutes since midnight of `HH:MM` (00:00–23:59, or 24:00 when `allowEnd`); null otherwise. */
export function parseClock(text: string, allowEnd = false): number | null {
  const m = CLOCK.exec(text);
  if (!m) return null;
  const hours = Number(m[1]);
  const minutes = Number(m[2]);
  if (allowEnd && hours === 24 && minutes === 0) return 1440;
  if (hours > 23 || minutes > 59) return null;
  return hours * 60 + minutes;
}

/** `HH:MM` for minutes since midnight (1440 gives `24:00`). */
export function formatClock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
