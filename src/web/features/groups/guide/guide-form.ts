import type { GroupFormat, Leadership, MembershipPolicy, Mode, Visibility } from '../../../../shared/limits.ts';
import { isLanguageTag } from '../../../../shared/language-tag.ts';
import { isSuggestedRhythm, type SuggestedRhythm } from '../group-labels.ts';
import type { UpdateGroupRequest as FoundingInput, Group, GroupPlace } from '../../../../shared/api/groups.schemas.ts';
import type { StepKey } from './guide-steps.ts';

export type RhythmChoice = SuggestedRhythm | 'other' | 'undecided';

/** Everything the guide's inputs hold, as typed (strings for numbers, '' for nothing). */
export interface GuideDraft {
  name: string;
  purpose: string;
  topics: string[];
  /** A topic typed but not yet added: saved with the step rather than lost. */
  topicInput: string;
  reasons: string;
  membership: MembershipPolicy | null;
  format: GroupFormat | null;
  maxMembers: string;
  rhythmChoice: RhythmChoice;
  rhythmOther: string;
  charter: string;
  leadership: Leadership | null;
  profession: string;
  modes: Mode[];
  languages: string[];
  languageInput: string;
  timeZone: string;
  visibility: Visibility | null;
  /** The town where it meets in person, picked from the gazetteer. */
  place: GroupPlace | null;
}

export interface DraftDefaults {
  /** The founder's account id, to find their own profession among the leaders. */
  userId: string;
  timeZone: string;
  uiLocale: string;
  /** Starter charter, used only when the group has none yet. */
  charter: string;
}

export function draftFromGroup(group: Group | null, defaults: DraftDefaults): GuideDraft {
  const rhythm = group?.structure.rhythm ?? null;
  const ownProfession = group?.leaders.find((l) => l.userId === defaults.userId)?.profession ?? '';
  return {
    name: group?.name ?? '',
    purpose: group?.purpose ?? '',
    topics: group?.topics ?? [],
    topicInput: '',
    reasons: group?.reasons ?? '',
    membership: group?.structure.membership ?? null,
    format: group?.structure.format ?? null,
    maxMembers: group?.structure.maxMembers != null ? String(group.structure.maxMembers) : '',
    rhythmChoice: isSuggestedRhythm(rhythm) ? rhythm : rhythm ? 'other' : 'undecided',
    rhythmOther: rhythm && !isSuggestedRhythm(rhythm) ? rhythm : '',
    charter: group?.charter || defaults.charter,
    leadership: group?.leadership ?? null,
    profession: ownProfession ?? '',
    modes: group?.modes ?? [],
    languages: group && group.languages.length > 0 ? group.languages : [defaults.uiLocale],
    languageInput: '',
    timeZone: group?.timeZone ?? defaults.timeZone,
    visibility: group?.visibility ?? null,
    place: group?.place ?? null,
  };
}

/** Adds `item` unless it is blank or already there (the API compares case-insensitively). */
export function addUnique(list: readonly string[], item: string): string[] {
  const value = item.trim();
  if (!value || list.some((existing) => existing.toLowerCase() === value.toLowerCase())) return [...list];
  return [...list, value];
}

/** The draft with any half-typed topic or language folded in, as the step saves it. */
export function withPendingEntries(draft: GuideDraft): GuideDraft {
  const language = draft.languageInput.trim();
  return {
    ...draft,
    topics: addUnique(draft.topics, draft.topicInput),
    topicInput: '',
    languages: isLanguageTag(language) ? addUnique(draft.languages, language) : draft.languages,
    languageInput: isLanguageTag(language) ? '' : draft.languageInput,
  };
}

/** The API's place: a region only when there is one (it refuses blank text). */
function placeInput(place: GroupPlace | null): GroupPlace | null {
  if (!place) return null;
  const { name, countryCode, admin1, latitude, longitude } = place;
  return { name, countryCode, ...(admin1 ? { admin1 } : {}), latitude, longitude };
}

function filled(text: string): string | undefined {
  return text.trim() ? text : undefined;
}

function maxMembersValue(text: string): number | null {
  const trimmed = text.trim();
  return trimmed ? Number(trimmed) : null;
}

function rhythmValue(draft: GuideDraft): string | null {
  if (draft.rhythmChoice === 'undecided') return null;
  if (draft.rhythmChoice === 'other') return draft.rhythmOther.trim() ? draft.rhythmOther : null;
  return draft.rhythmChoice;
}

/**
 * What one step saves: only its own fields, so a half-finished later step never blocks an
 * earlier one. Blank text is left out (the API refuses blank text; drafts may lack it).
 */
export function inputForStep(step: StepKey, draft: GuideDraft): FoundingInput {
  switch (step) {
    case 'need':
      return { name: draft.name, ...(filled(draft.purpose) ? { purpose: draft.purpose } : {}), topics: draft.topics };
    case 'reasons':
      return filled(draft.reasons) ? { reasons: draft.reasons } : {};
    case 'structure':
      return {
        structure: {
          ...(draft.membership ? { membership: draft.membership } : {}),
          ...(draft.format ? { format: draft.format } : {}),
          maxMembers: maxMembersValue(draft.maxMembers),
          rhythm: rhythmValue(draft),
        },
      };
    case 'spirit':
      return filled(draft.charter) ? { charter: draft.charter } : {};
    case 'leaders':
      return {
        ...(draft.leadership ? { leadership: draft.leadership } : {}),
        profession: draft.leadership === 'professional' && draft.profession.trim() ? draft.profession : null,
      };
    case 'contact':
      return {
        modes: draft.modes,
        languages: draft.languages,
        ...(draft.timeZone ? { timeZone: draft.timeZone } : {}),
        ...(draft.visibility ? { visibility: draft.visibility } : {}),
        // A town only means something for a group that meets in person.
        place: draft.modes.includes('in-person') ? placeInput(draft.place) : null,
      };
    case 'review':
      return {};
  }
}
