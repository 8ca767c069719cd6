import type { FormErrors } from '../../../components/form-errors.ts';
import type { GuideDraft } from './guide-form.ts';

/** What every editing step receives from the guide. */
export interface StepProps {
  draft: GuideDraft;
  change: (patch: Partial<GuideDraft>) => void;
  errors: FormErrors;
}
