import { itemsFrom, newRowKey, rowsFrom, type AgendaRow } from './agenda.ts';
import type { Programme, ProgrammeRequest as ProgrammeInput } from '../../../shared/api/sessions.schemas.ts';

/** One session of a programme being edited. */
export interface PartDraft {
  key: string;
  theme: string;
  agenda: AgendaRow[];
}

export interface ProgrammeDraft {
  title: string;
  description: string;
  parts: PartDraft[];
}

export function newPart(theme: string, agenda: AgendaRow[]): PartDraft {
  return { key: newRowKey(), theme, agenda };
}

/** A copy of a part's agenda with fresh keys: the next week usually runs like the last. */
export function copyAgenda(rows: readonly AgendaRow[]): AgendaRow[] {
  return rows.map((r) => ({ ...r, key: newRowKey() }));
}

export function draftFromProgramme(programme: Programme): ProgrammeDraft {
  return {
    title: programme.title,
    description: programme.description ?? '',
    parts: programme.parts.map((p) => newPart(p.theme, rowsFrom(p.agenda))),
  };
}

export function inputFromProgrammeDraft(draft: ProgrammeDraft): ProgrammeInput {
  return {
    title: draft.title,
    description: draft.description.trim() ? draft.description : null,
    parts: draft.parts.map((p) => ({ theme: p.theme, agenda: itemsFrom(p.agenda) })),
  };
}

/** The longest part's agenda, a fair default length for the scheduled sessions. */
export function longestAgenda(programme: Programme): number {
  return programme.parts.reduce(
    (max, p) =>
      Math.max(
        max,
        p.agenda.reduce((sum, a) => sum + a.minutes, 0),
      ),
    0,
  );
}
