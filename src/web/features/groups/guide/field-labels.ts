import { useTranslation } from 'react-i18next';
import { STEP_FIELDS, type StepKey } from './guide-steps.ts';

/** Each step's field paths with their labels, to name them in the error summary. */
export function useStepFieldLabels(step: StepKey): Record<string, string> {
  const { t } = useTranslation();
  const labels: Record<string, string> = {
    name: t('guide.need.name'),
    purpose: t('guide.need.purpose'),
    topics: t('guide.need.topics'),
    reasons: t('guide.reasons.label'),
    'structure.membership': t('guide.structure.membership'),
    'structure.format': t('guide.structure.format'),
    'structure.maxMembers': t('guide.structure.maxMembers'),
    'structure.rhythm': t('guide.structure.rhythm'),
    charter: t('guide.spirit.charter'),
    leadership: t('guide.leaders.leadership'),
    profession: t('guide.leaders.profession'),
    modes: t('guide.contact.modes'),
    place: t('directory.placeField.label'),
    languages: t('guide.contact.languages'),
    timeZone: t('guide.contact.timeZone'),
    visibility: t('guide.contact.visibility'),
  };
  return Object.fromEntries(STEP_FIELDS[step].map((path) => [path, labels[path] ?? path]));
}
