import type { FormErrors } from '../../components/form-errors.ts';

/**
 * The same form can appear many times on one page (an edit box per post, a report dialog
 * per post): each copy prefixes its field ids with `scope`, and the error summary's links
 * must follow. Field `x` of the copy then has the id `${scope}-field-x`.
 */
export function scopedErrors(errors: FormErrors, scope: string): FormErrors {
  return { ...errors, items: errors.items.map((item) => (item.targetId ? { ...item, targetId: `${scope}-${item.targetId}` } : item)) };
}

/** A `useId()` value usable in ids and CSS selectors alike. */
export function plainId(reactId: string): string {
  return reactId.replace(/[^A-Za-z0-9_-]/g, '');
}
