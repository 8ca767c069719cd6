import { useTranslation } from 'react-i18next';
import type { Leader } from '../../../shared/api/groups.schemas.ts';

export function LeaderList({ leaders }: { leaders: Leader[] }) {
  const { t } = useTranslation();
  return (
    <ul className="people">
      {leaders.map((leader) => {
        const type = t(`enums.leaderType.${leader.leaderType}`);
        return (
          <li key={leader.userId}>
            <span className="person-name">{leader.displayName}</span>
            <span className="person-detail">{leader.profession ? t('group.leaderLineWithProfession', { type, profession: leader.profession }) : type}</span>
          </li>
        );
      })}
    </ul>
  );
}
