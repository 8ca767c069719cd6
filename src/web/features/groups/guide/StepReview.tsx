import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MultilineText } from '../../../components/MultilineText.tsx';
import { useGroupWording } from '../group-labels.ts';
import type { Group } from '../../../../shared/api/groups.schemas.ts';
import { editStepPath, STEPS, stepForField, type StepKey } from './guide-steps.ts';

function Value({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const empty = children === null || children === undefined || children === false || children === '';
  return <dd>{empty ? <span className="muted">{t('guide.review.empty')}</span> : children}</dd>;
}

function ReviewSection({ slug, step, children }: { slug: string; step: StepKey; children: ReactNode }) {
  const { t } = useTranslation();
  const number = STEPS.indexOf(step) + 1;
  const title = t(`guide.steps.${step}.title`);
  return (
    <section className="review-section" aria-labelledby={`review-${step}`}>
      <div className="review-head">
        <h3 id={`review-${step}`}>
          {number}. {title}
        </h3>
        <Link to={editStepPath(slug, number)}>
          {t('guide.review.change')}
          <span className="visually-hidden"> — {title}</span>
        </Link>
      </div>
      <dl className="facts">{children}</dl>
    </section>
  );
}

/** The saved group, step by step, and what it still lacks before it can be published. */
export function StepReview({ group }: { group: Group }) {
  const { t } = useTranslation();
  const wording = useGroupWording();
  const { structure } = group;
  const profession = group.leaders[0]?.profession ?? null;

  return (
    <>
      {group.status === 'active' ? (
        <p className="callout callout-success">{t('guide.review.published')}</p>
      ) : group.missing.length > 0 ? (
        <div className="callout callout-warning">
          <h3>{t('guide.review.missingTitle')}</h3>
          <p>{t('guide.review.missingIntro')}</p>
          <ul>
            {group.missing.map((part) => (
              <li key={part.field}>
                <Link to={editStepPath(group.slug, stepForField(part.field))}>{part.message}</Link>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="callout callout-success">{t('guide.review.ready')}</p>
      )}

      <ReviewSection slug={group.slug} step="need">
        <dt>{t('guide.need.name')}</dt>
        <Value>{group.name}</Value>
        <dt>{t('guide.need.purpose')}</dt>
        <Value>{group.purpose && <MultilineText text={group.purpose} />}</Value>
        <dt>{t('guide.need.topics')}</dt>
        <Value>{group.topics.length > 0 && wording.list(group.topics)}</Value>
      </ReviewSection>

      <ReviewSection slug={group.slug} step="reasons">
        <dt>{t('guide.reasons.label')}</dt>
        <Value>{group.reasons && <MultilineText text={group.reasons} />}</Value>
      </ReviewSection>

      <ReviewSection slug={group.slug} step="structure">
        <dt>{t('group.fact.membership')}</dt>
        <Value>{structure.membership && t(`enums.membership.${structure.membership}`)}</Value>
        <dt>{t('group.fact.format')}</dt>
        <Value>{structure.format && t(`enums.format.${structure.format}`)}</Value>
        <dt>{t('group.fact.size')}</dt>
        <dd>{structure.maxMembers ? t('group.sizeValue', { count: structure.maxMembers }) : t('group.noLimit')}</dd>
        <dt>{t('group.fact.rhythm')}</dt>
        <dd>{structure.rhythm ? wording.rhythm(structure.rhythm) : t('common.notDecided')}</dd>
      </ReviewSection>

      <ReviewSection slug={group.slug} step="spirit">
        <dt>{t('guide.spirit.charter')}</dt>
        <Value>{group.charter && <MultilineText text={group.charter} className="charter" />}</Value>
      </ReviewSection>

      <ReviewSection slug={group.slug} step="leaders">
        <dt>{t('group.fact.leadership')}</dt>
        <Value>
          {group.leadership &&
            (group.leadership === 'professional' && profession
              ? t('group.leaderLineWithProfession', { type: t(`enums.leadership.${group.leadership}`), profession })
              : t(`enums.leadership.${group.leadership}`))}
        </Value>
      </ReviewSection>

      <ReviewSection slug={group.slug} step="contact">
        <dt>{t('group.fact.modes')}</dt>
        <Value>{group.modes.length > 0 && wording.modes(group.modes)}</Value>
        {/* Asked only of groups that meet in person. */}
        {(group.place || group.modes.includes('in-person')) && (
          <>
            <dt>{t('group.fact.place')}</dt>
            <Value>{group.place && wording.place(group.place)}</Value>
          </>
        )}
        <dt>{t('group.fact.languages')}</dt>
        <Value>{group.languages.length > 0 && wording.languages(group.languages)}</Value>
        <dt>{t('group.fact.timeZone')}</dt>
        <Value>{group.timeZone}</Value>
        <dt>{t('group.fact.visibility')}</dt>
        <Value>{group.visibility && t(`enums.visibility.${group.visibility}`)}</Value>
      </ReviewSection>
    </>
  );
}
