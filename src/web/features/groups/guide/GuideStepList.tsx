import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { editStepPath, STEPS } from './guide-steps.ts';

/**
 * The steps as an ordered list of links, the current one marked `aria-current="step"`.
 * Before the group exists (nothing saved yet) the later steps are not links.
 */
export function GuideStepList({ slug, current, incomplete }: { slug: string | null; current: number; incomplete: Set<number> }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('guide.stepsLabel')} className="step-list">
      <ol>
        {STEPS.map((step, index) => {
          const number = index + 1;
          const isCurrent = number === current;
          const content = (
            <>
              <span className="step-number" aria-hidden="true">
                {number}
              </span>
              <span className="step-title">{t(`guide.steps.${step}.title`)}</span>
              {incomplete.has(number) && <span className="step-flag">{t('guide.toComplete')}</span>}
            </>
          );
          return (
            <li key={step} className={isCurrent ? 'current' : undefined}>
              {slug ? (
                <Link to={editStepPath(slug, number)} aria-current={isCurrent ? 'step' : undefined}>
                  {content}
                </Link>
              ) : (
                <span className="step-disabled" aria-current={isCurrent ? 'step' : undefined}>
                  {content}
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
