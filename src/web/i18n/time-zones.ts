/** The zone this browser runs in, as the browser spells it (Asia/Calcutta stays so). */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

let zones: string[] | null = null;

/** Every IANA zone this browser knows, sorted; the user's own is always included. */
export function allTimeZones(): string[] {
  if (!zones) {
    let list: string[] = [];
    try {
      list = Intl.supportedValuesOf('timeZone');
    } catch {
      list = [];
    }
    zones = [...new Set([...list, 'UTC', browserTimeZone()])].sort();
  }
  return zones;
}
