import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { LoadError, Loading } from '../../components/QueryStates.tsx';
import { useFormatInstant } from '../../i18n/format.ts';
import type { User } from '../../../shared/api/accounts.schemas.ts';
import type { Group } from '../../../shared/api/groups.schemas.ts';
import type { Member } from '../../../shared/api/memberships.schemas.ts';
import { useMemberAction, useMembers, usePromoteMember, useRemoveMember } from './membership-queries.ts';
import { PromoteButton } from './PromoteButton.tsx';

function describe(member: Member, t: TFunction): string {
  if (member.role !== 'leader') return t('enums.role.member');
  const type = member.leaderType ? t(`enums.leaderType.${member.leaderType}`) : null;
  const detail = [type, member.profession].filter(Boolean).join(', ');
  return detail ? `${t('enums.role.leader')} — ${detail}` : t('enums.role.leader');
}

/** Fellow members by display name and role (never e-mails); leaders also manage them here. */
export function MemberList({ group, user }: { group: Group; user: User }) {
  const { t } = useTranslation();
  const members = useMembers(group.slug, true);
  const format = useFormatInstant(user.timeZone);
  const isLeader = group.viewer.membership?.role === 'leader' && group.viewer.membership.status === 'active';
  const promote = usePromoteMember(group.slug);
  const demote = useMemberAction(group.slug, 'demote');
  const remove = useRemoveMember(group.slug);
  const busy = promote.isPending || demote.isPending || remove.isPending;
  const failure = promote.error ?? demote.error ?? remove.error;

  return (
    <section className="section" aria-labelledby="members-title" aria-busy={members.isFetching}>
      <h2 id="members-title">{t('members.title')}</h2>
      {failure && (
        <p className="error-inline" role="alert">
          {failure.message}
        </p>
      )}
      {members.isPending ? (
        <Loading />
      ) : members.isError ? (
        <LoadError error={members.error} onRetry={() => void members.refetch()} />
      ) : members.data.length === 0 ? (
        <p>{t('members.empty')}</p>
      ) : (
        <ul className="people member-list" data-testid="member-list">
          {members.data.map((member) => {
            const isSelf = member.userId === user.id;
            return (
              <li key={member.userId}>
                <div className="person">
                  <span className="person-name">
                    {member.displayName}
                    {isSelf && <span className="muted"> {t('common.you')}</span>}
                  </span>
                  <span className="person-detail">{describe(member, t)}</span>
                  {member.joinedAt && <span className="person-detail muted">{t('members.joinedOn', { date: format.date(member.joinedAt) })}</span>}
                </div>
                {isLeader && !isSelf && (
                  <div className="person-actions">
                    {member.role === 'member' ? (
                      <PromoteButton
                        member={member}
                        disabled={busy}
                        onPromote={(leaderType, profession) => promote.mutate({ userId: member.userId, leaderType, ...(profession ? { profession } : {}) })}
                      />
                    ) : (
                      <button type="button" className="button button-secondary button-small" disabled={busy} onClick={() => demote.mutate(member.userId)}>
                        {t('members.demote')}
                      </button>
                    )}
                    <ConfirmButton
                      label={t('members.remove')}
                      title={t('members.removeTitle', { name: member.displayName })}
                      body={t('members.removeBody')}
                      confirmLabel={t('members.confirmRemove')}
                      onConfirm={() => remove.mutate(member.userId)}
                      disabled={busy}
                      danger
                      className="button button-danger-quiet button-small"
                    />
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
