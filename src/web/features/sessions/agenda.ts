import type { AgendaItem } from '../../../shared/api/sessions.schemas.ts';

/** One line of an agenda being edited: minutes as typed, and a key that survives reordering. */
export interface AgendaRow {
  key: string;
  title: string;
  minutes: string;
}

let counter = 0;
/** A fresh key for a new row (keys only need to be unique on this page). */
export function newRowKey(): string {
  counter += 1;
  return `row-${counter}`;
}

export function rowsFrom(items: readonly AgendaItem[]): AgendaRow[] {
  return items.map((item) => ({ key: newRowKey(), title: item.title, minutes: String(item.minutes) }));
}

/** What is sent: rows left entirely empty are dropped; anything else goes as typed, for the server to check. */
export function itemsFrom(rows: readonly AgendaRow[]): AgendaItem[] {
  return rows.filter((r) => r.title.trim() || r.minutes.trim()).map((r) => ({ title: r.title, minutes: Number(r.minutes.trim() || 'NaN') }));
}

export function totalMinutes(rows: readonly AgendaRow[]): number {
  return rows.reduce((sum, r) => {
    const n = Number(r.minutes);
    return Number.isFinite(n) && n > 0 ? sum + n : sum;
  }, 0);
}

export function moveRow<T>(rows: readonly T[], index: number, delta: -1 | 1): T[] {
  const target = index + delta;
  if (target < 0 || target >= rows.length) return [...rows];
  const next = [...rows];
  const [row] = next.splice(index, 1);
  next.splice(target, 0, row as T);
  return next;
}

/**
 * The usual parts of a support-group meeting; their words are in the catalogues (sessions.agenda.parts).
 * @public
 */
export const AGENDA_PARTS = ['welcome', 'checkIn', 'theme', 'sharing', 'closing'] as const;
export type AgendaPart = (typeof AGENDA_PARTS)[number];

/** Ready-made agendas; minutes add up to the length in the name. */
const AGENDA_TEMPLATES = {
  supportCircle: [
    { part: 'welcome', minutes: 10 },
    { part: 'checkIn', minutes: 20 },
    { part: 'theme', minutes: 25 },
    { part: 'sharing', minutes: 25 },
    { part: 'closing', minutes: 10 },
  ],
  shortCheckIn: [
    { part: 'welcome', minutes: 5 },
    { part: 'checkIn', minutes: 25 },
    { part: 'sharing', minutes: 20 },
    { part: 'closing', minutes: 10 },
  ],
} as const satisfies Record<string, readonly { part: AgendaPart; minutes: number }[]>;

export type AgendaTemplate = keyof typeof AGENDA_TEMPLATES;
export const AGENDA_TEMPLATE_NAMES = Object.keys(AGENDA_TEMPLATES) as AgendaTemplate[];

export function templateMinutes(template: AgendaTemplate): number {
  return AGENDA_TEMPLATES[template].reduce((sum, p) => sum + p.minutes, 0);
}

/** A template's rows, worded by `word` (the part's name in the template's language). */
export function templateRows(template: AgendaTemplate, word: (part: AgendaPart) => string): AgendaRow[] {
  return AGENDA_TEMPLATES[template].map((p) => ({ key: newRowKey(), title: word(p.part), minutes: String(p.minutes) }));
}
