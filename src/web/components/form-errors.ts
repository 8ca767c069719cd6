import { ApiError } from '../api/client.ts';

/** The DOM id of the control for an API field path (`structure.maxMembers`). */
export function fieldId(path: string): string {
  return `field-${path.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

interface SummaryItem {
  message: string;
  /** The control to jump to, when the issue belongs to a field on this form. */
  targetId?: string;
}

export interface FormErrors {
  /** What the errors came from: the summary takes focus again only when this changes. */
  source: unknown;
  /** The sentence above the list (`error.message`, or ours for network failures). */
  title: string | null;
  items: SummaryItem[];
  /** Every message for `path` and anything below it (`topics` collects `topics.2`). */
  field: (path: string) => string | undefined;
}

const noErrors: FormErrors = { source: null, title: null, items: [], field: () => undefined };

/**
 * Sorts a failed request's issues onto the form's fields. `fields` maps the paths this form
 * shows to their labels; an issue under one of them (`topics.2` under `topics`) belongs to
 * it and is named by its label in the summary ("Topics — …"), the others (`body`, paths of
 * other steps) appear in the summary only.
 */
export function formErrors(error: unknown, labels: Readonly<Record<string, string>>): FormErrors {
  const fields = Object.keys(labels);
  if (!error) return noErrors;
  if (!(error instanceof ApiError)) {
    return { source: error, title: error instanceof Error ? error.message : String(error), items: [], field: () => undefined };
  }
  const owner = (path: string) => fields.find((f) => path === f || path.startsWith(`${f}.`));
  const items = error.issues.map((issue) => {
    const target = owner(issue.path);
    return target ? { message: `${labels[target]} — ${issue.message}`, targetId: fieldId(target) } : { message: issue.message };
  });
  return {
    source: error,
    title: error.message,
    items,
    field: (path) => {
      const messages = error.issues.filter((i) => owner(i.path) === path).map((i) => i.message);
      return messages.length > 0 ? [...new Set(messages)].join(' ') : undefined;
    },
  };
}

/**
 * Client-side checks use the same shape, so the summary and fields render them alike. Keep
 * `entries` in state: a new array is a new failure and takes focus again.
 */
export function localErrors(entries: readonly { path: string; label: string; message: string }[]): FormErrors {
  if (entries.length === 0) return noErrors;
  return {
    source: entries,
    title: null,
    items: entries.map((e) => ({ message: `${e.label} — ${e.message}`, targetId: fieldId(e.path) })),
    field: (path) => entries.find((e) => e.path === path)?.message,
  };
}
