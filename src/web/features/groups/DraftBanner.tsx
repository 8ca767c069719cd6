import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Group } from '../../../shared/api/groups.schemas.ts';
import { editStepPath, STEPS, stepForField } from './guide/guide-steps.ts';

/** For leaders of a draft: what is still missing, each part a link to its step. */
export function DraftBanner({ group }: { group: Group }) {
  const { t } = useTranslation();
  const firstMissing = group.missing[0];
  const resumeAt = firstMissing ? stepForField(firstMissing.field) : STEPS.length;

  return (
    <section className="callout callout-warning" aria-labelledby="draft-title">
      <h2 id="draft-title">{t('group.draftTitle')}</h2>
      {group.missing.length > 0 ? (
        <>
          <p>{t('group.draftBody')}</p>
          <ul>
            {group.missing.map((part) => (
              <li key={part.field}>
                <Link to={editStepPath(group.slug, stepForField(part.field))}>{part.message}</Link>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>{t('group.draftReady')}</p>
      )}
      <p>
        <Link className="button" to={editStepPath(group.slug, resumeAt)}>
          {t('group.draftContinue')}
        </Link>
      </p>
    </section>
  );
}
