/**
 * A small list stored as JSON text (see schema.ts), read back as its strings: other items,
 * text that is not JSON and anything but an array read as nothing.
 */
export function parseStringList<T extends string = string>(json: string): T[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? (value.filter((v) => typeof v === 'string') as T[]) : [];
  } catch {
    return [];
  }
}
