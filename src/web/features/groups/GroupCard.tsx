import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { groupPath, useGroupWording } from './group-labels.ts';
import type { GroupSummary } from '../../../shared/api/groups.schemas.ts';

/** A group in a list: enough to tell whether it fits, one link to read more. */
export function GroupCard({ group, badges }: { group: GroupSummary; badges?: ReactNode }) {
  const { t } = useTranslation();
  const wording = useGroupWording();
  const facts = [
    group.leadership ? t(`enums.leadership.${group.leadership}`) : null,
    group.modes.length > 0 ? wording.modes(group.modes) : null,
    group.languages.length > 0 ? wording.languages(group.languages) : null,
    t('group.memberCount', { count: group.memberCount }),
  ].filter((fact): fact is string => fact !== null);

  return (
    <article className="group-card">
      <h3>
        <Link to={groupPath(group.slug)}>{group.name}</Link>
      </h3>
      {badges && <div className="badges">{badges}</div>}
      {group.purpose && <p className="card-purpose">{group.purpose}</p>}
      <p className="card-facts">{facts.join(' · ')}</p>
      {group.topics.length > 0 && (
        <ul className="topics">
          {group.topics.map((topic) => (
            <li key={topic}>{topic}</li>
          ))}
        </ul>
      )}
    </article>
  );
}
