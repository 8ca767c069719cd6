import { parseLocal } from '../../../shared/zoned-time.ts';
import { itemsFrom, rowsFrom, type AgendaRow } from './agenda.ts';
import { buildRule, checkRepeat, defaultRepeat, parseRule, type RepeatDraft, type RepeatProblem } from './repeat-rule.ts';
import { hasLink, hasPlace, type SessionMode } from '../../../shared/sessions.ts';
import type { SessionOut as Session, ScheduleSessionRequest as SessionInput } from '../../../shared/api/sessions.schemas.ts';

/** Everything the session form holds, as typed (numbers as text, '' for nothing). */
export interface SessionDraft {
  title: string;
  description: string;
  /** `YYYY-MM-DD` and `HH:MM`, read on the clock of `timeZone`. */
  date: string;
  time: string;
  timeZone: string;
  duration: string;
  repeat: RepeatDraft;
  mode: SessionMode;
  location: string;
  address: string;
  accessibility: string;
  onlineUrl: string;
  dialIn: string;
  capacity: string;
  leaderIds: string[];
  guests: string[];
  /** A guest's name typed but not yet added: sent with the form rather than lost. */
  guestInput: string;
  agenda: AgendaRow[];
}

export const DEFAULT_DURATION = 90;

export function newSessionDraft(options: { timeZone: string; date: string; agenda: AgendaRow[] }): SessionDraft {
  return {
    title: '',
    description: '',
    date: options.date,
    time: '19:00',
    timeZone: options.timeZone,
    duration: String(DEFAULT_DURATION),
    repeat: defaultRepeat(options.date),
    mode: 'in-person',
    location: '',
    address: '',
    accessibility: '',
    onlineUrl: '',
    dialIn: '',
    capacity: '',
    leaderIds: [],
    guests: [],
    guestInput: '',
    agenda: options.agenda,
  };
}

/**
 * The form for an existing session. `fromLocal` (an occurrence's wall time) starts the form
 * at that occurrence, for changing "this session and the following ones".
 */
export function draftFromSession(session: Session, fromLocal?: string): SessionDraft {
  const start = fromLocal ?? session.start;
  const date = start.slice(0, 10);
  return {
    title: session.title,
    description: session.description ?? '',
    date,
    time: start.slice(11, 16),
    timeZone: session.timeZone,
    duration: String(session.durationMinutes),
    repeat: parseRule(session.recurrence, session.start.slice(0, 10)),
    mode: session.mode,
    location: session.location ?? '',
    address: session.address ?? '',
    accessibility: session.accessibility ?? '',
    onlineUrl: session.onlineUrl ?? '',
    dialIn: session.dialIn ?? '',
    capacity: session.capacity != null ? String(session.capacity) : '',
    leaderIds: session.facilitators.flatMap((f) => (f.userId ? [f.userId] : [])),
    guests: session.facilitators.flatMap((f) => (f.guestName ? [f.guestName] : [])),
    guestInput: '',
    agenda: rowsFrom(session.agenda),
  };
}

const filled = (text: string): string | null => (text.trim() ? text : null);

function whole(text: string): number {
  // Sent as typed: the server names what is wrong with a number that is not whole.
  return text.trim() === '' ? Number.NaN : Number(text);
}

/** The guests, with a half-typed name folded in. */
function guestsOf(draft: SessionDraft): string[] {
  const pending = draft.guestInput.trim();
  return pending && !draft.guests.some((g) => g.toLowerCase() === pending.toLowerCase()) ? [...draft.guests, pending] : draft.guests;
}

/** What the form sends. Fields of the other mode are cleared: a venue for an online session would mislead. */
export function inputFromDraft(draft: SessionDraft): SessionInput {
  const place = hasPlace(draft.mode);
  const link = hasLink(draft.mode);
  return {
    title: draft.title,
    description: filled(draft.description),
    start: `${draft.date}T${draft.time}`,
    timeZone: draft.timeZone,
    durationMinutes: whole(draft.duration),
    recurrence: buildRule(draft.repeat),
    mode: draft.mode,
    location: place ? filled(draft.location) : null,
    address: place ? filled(draft.address) : null,
    accessibility: place ? filled(draft.accessibility) : null,
    onlineUrl: link ? filled(draft.onlineUrl.trim()) : null,
    dialIn: link ? filled(draft.dialIn) : null,
    capacity: draft.capacity.trim() ? whole(draft.capacity) : null,
    agenda: itemsFrom(draft.agenda),
    facilitators: [...draft.leaderIds.map((userId) => ({ userId })), ...guestsOf(draft).map((guestName) => ({ guestName }))],
  };
}

/** Only what differs from `before`, for a PATCH that leaves the rest of the session alone. */
export function changedFields(input: SessionInput, before: SessionInput): Partial<SessionInput> {
  const changes: Partial<SessionInput> = {};
  for (const key of Object.keys(input) as (keyof SessionInput)[]) {
    if (JSON.stringify(input[key]) !== JSON.stringify(before[key])) Object.assign(changes, { [key]: input[key] });
  }
  return changes;
}

export type DraftProblem =
  | { path: 'start'; problem: 'date' | 'time' }
  | { path: 'durationMinutes'; problem: 'duration' }
  | { path: 'capacity'; problem: 'capacity' }
  | { path: 'start'; problem: 'startNotInRule' }
  | { path: `repeat.${Exclude<RepeatProblem['field'], 'start'>}`; problem: RepeatProblem['problem'] };

const isWhole = (text: string, min: number, max: number) => /^\d+$/.test(text.trim()) && Number(text) >= min && Number(text) <= max;

/** What can be said before sending: missing date or time, numbers out of range, a repeat that makes no sense. */
export function checkDraft(draft: SessionDraft): DraftProblem[] {
  const problems: DraftProblem[] = [];
  if (!parseLocal(`${draft.date}T00:00`)) problems.push({ path: 'start', problem: 'date' });
  else if (!parseLocal(`${draft.date}T${draft.time}`)) problems.push({ path: 'start', problem: 'time' });
  if (!isWhole(draft.duration, 5, 720)) problems.push({ path: 'durationMinutes', problem: 'duration' });
  if (draft.capacity.trim() && !isWhole(draft.capacity, 1, 10000)) problems.push({ path: 'capacity', problem: 'capacity' });
  // A start that is not a date yet is reported above; its weekday cannot be checked.
  const dateKnown = !problems.some((p) => p.path === 'start');
  for (const p of checkRepeat(draft.repeat, draft.date)) {
    if (p.field === 'start') {
      if (dateKnown) problems.push({ path: 'start', problem: 'startNotInRule' });
    } else problems.push({ path: `repeat.${p.field}`, problem: p.problem });
  }
  return problems;
}
