import { weekdayName, zoneCity } from '../../../shared/datetime-format.ts';

/** Columns and selects start on Monday (both our locales do); values stay 0 = Sunday. */
export const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0] as const;

/** "mardi" → "Mardi": names start sentences and headings here. */
export function dayName(day: number, locale: string, width: 'long' | 'short' = 'long'): string {
  const name = weekdayName(day, locale, width);
  return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
}

/** `2027-01-12T23:40` → "Tuesday 23:40" (the wall time as written, no zone arithmetic). */
export function localWallTime(local: string, locale: string, width: 'long' | 'short' = 'long'): string {
  const [date = '', time = ''] = local.split('T');
  const [y, m, d] = date.split('-').map(Number);
  const weekday = new Date(Date.UTC(y ?? 2000, (m ?? 1) - 1, d ?? 1, 12)).getUTCDay();
  return `${dayName(weekday, locale, width)} ${time.slice(0, 5)}`;
}

export function cityOf(zone: string): string {
  return zoneCity(zone);
}

/** Minutes since midnight for `HH:MM` (24:00 → 1440), or null. */
export function clockMinutes(clock: string): number | null {
  const match = /^(\d{2}):(\d{2})$/.exec(clock);
  if (!match) return null;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return minutes <= 1440 ? minutes : null;
}

export function hourLabel(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`;
}
