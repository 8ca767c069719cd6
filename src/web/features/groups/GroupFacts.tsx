import { useTranslation } from 'react-i18next';
import { useFormatInstant } from '../../i18n/format.ts';
import { useGroupWording } from './group-labels.ts';
import type { Group } from '../../../shared/api/groups.schemas.ts';

/** The group's shape at a glance: how it runs, how to take part, in which languages. */
export function GroupFacts({ group, viewerTimeZone }: { group: Group; viewerTimeZone: string | null }) {
  const { t } = useTranslation();
  const wording = useGroupWording();
  const format = useFormatInstant(viewerTimeZone);
  const { structure } = group;

  return (
    <section className="facts-card" aria-labelledby="facts-title">
      <h2 id="facts-title">{t('group.facts')}</h2>
      <dl className="facts facts-grid">
        {group.leadership && (
          <div>
            <dt>{t('group.fact.leadership')}</dt>
            <dd>{t(`enums.leadership.${group.leadership}`)}</dd>
          </div>
        )}
        {structure.membership && (
          <div>
            <dt>{t('group.fact.membership')}</dt>
            <dd>{t(`enums.membership.${structure.membership}`)}</dd>
          </div>
        )}
        {structure.format && (
          <div>
            <dt>{t('group.fact.format')}</dt>
            <dd>{t(`enums.format.${structure.format}`)}</dd>
          </div>
        )}
        <div>
          <dt>{t('group.fact.size')}</dt>
          <dd>{structure.maxMembers ? t('group.sizeValue', { count: structure.maxMembers }) : t('group.noLimit')}</dd>
        </div>
        <div>
          <dt>{t('group.fact.rhythm')}</dt>
          <dd>{structure.rhythm ? wording.rhythm(structure.rhythm) : t('common.notDecided')}</dd>
        </div>
        {group.modes.length > 0 && (
          <div>
            <dt>{t('group.fact.modes')}</dt>
            <dd>{wording.modes(group.modes)}</dd>
          </div>
        )}
        {group.place && (
          <div>
            <dt>{t('group.fact.place')}</dt>
            <dd>{wording.place(group.place)}</dd>
          </div>
        )}
        {group.languages.length > 0 && (
          <div>
            <dt>{t('group.fact.languages')}</dt>
            <dd>{wording.languages(group.languages)}</dd>
          </div>
        )}
        {group.timeZone && (
          <div>
            <dt>{t('group.fact.timeZone')}</dt>
            <dd>{group.timeZone.replace(/_/g, ' ')}</dd>
          </div>
        )}
        {group.visibility && (
          <div>
            <dt>{t('group.fact.visibility')}</dt>
            <dd>{t(`enums.visibility.${group.visibility}`)}</dd>
          </div>
        )}
        {group.publishedAt && (
          <div>
            <dt>{t('group.fact.published')}</dt>
            <dd>
              <time dateTime={group.publishedAt}>{format.date(group.publishedAt)}</time>
            </dd>
          </div>
        )}
      </dl>
      {group.topics.length > 0 && (
        <>
          <h3 className="topics-title">{t('group.fact.topics')}</h3>
          <ul className="topics">
            {group.topics.map((topic) => (
              <li key={topic}>{topic}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
