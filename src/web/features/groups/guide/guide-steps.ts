import type { GroupSummary, MissingPart } from '../../../../shared/api/groups.schemas.ts';

/** The founding guide's steps, in the order the founding text asks founders to think. */
export const STEPS = ['need', 'reasons', 'structure', 'spirit', 'leaders', 'contact', 'review'] as const;
export type StepKey = (typeof STEPS)[number];

/** The API field paths each step edits; errors on them show on that step. */
export const STEP_FIELDS: Record<StepKey, readonly string[]> = {
  need: ['name', 'purpose', 'topics'],
  reasons: ['reasons'],
  structure: ['structure.membership', 'structure.format', 'structure.maxMembers', 'structure.rhythm'],
  spirit: ['charter'],
  leaders: ['leadership', 'profession'],
  contact: ['modes', 'place', 'languages', 'timeZone', 'visibility'],
  review: [],
};

/** The 1-based step where a field (or anything under it, `structure.format`) is edited. */
export function stepForField(field: string): number {
  const top = field.split('.')[0] ?? field;
  const index = STEPS.findIndex((step) => STEP_FIELDS[step].some((path) => path === field || path.split('.')[0] === top));
  return index === -1 ? STEPS.length : index + 1;
}

export function stepsMissing(missing: readonly MissingPart[]): Set<number> {
  return new Set(missing.map((part) => stepForField(part.field)));
}

export function editStepPath(slug: string, step: number): string {
  return `/groups/${encodeURIComponent(slug)}/edit?step=${step}`;
}

/**
 * Where "continue" takes a founder back to. A summary does not say everything a draft
 * lacks, so once the first step is done the review step, which lists it all, is best.
 */
export function continueStep(group: GroupSummary): number {
  return !group.purpose || group.topics.length === 0 ? 1 : STEPS.length;
}
