/** Starter points for a charter; their words live in the i18n catalogues (guide.spirit.points). */
export const STARTER_POINTS = ['confidentiality', 'listening', 'noAdvice', 'pace', 'speakForYourself', 'phones', 'respect', 'safety'] as const;
export type StarterPoint = (typeof STARTER_POINTS)[number];

/** Ticked when an empty charter is first pre-filled: the ground rules most groups share. */
export const DEFAULT_POINTS: readonly StarterPoint[] = ['confidentiality', 'listening', 'noAdvice', 'pace', 'speakForYourself'];

const line = (text: string) => `- ${text}`;

export function starterCharter(texts: readonly string[]): string {
  return texts.map(line).join('\n');
}

/** A point counts as chosen while its line is still in the charter, word for word. */
export function hasPoint(charter: string, text: string): boolean {
  return charter.split('\n').some((l) => l.trim() === line(text));
}

/** Adds the point as a new line, or takes its line out; the founder's own lines stay. */
export function togglePoint(charter: string, text: string, on: boolean): string {
  if (on) {
    if (hasPoint(charter, text)) return charter;
    const base = charter.replace(/\s+$/, '');
    return base ? `${base}\n${line(text)}` : line(text);
  }
  return charter
    .split('\n')
    .filter((l) => l.trim() !== line(text))
    .join('\n');
}
