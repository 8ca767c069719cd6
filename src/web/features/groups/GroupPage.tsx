import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { MultilineText } from '../../components/MultilineText.tsx';
import { NotFoundPage } from '../../components/NotFoundPage.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { LoadError, Loading } from '../../components/QueryStates.tsx';
import { useMe } from '../accounts/session.ts';
import { DiscussionsSection } from '../discussions/DiscussionsSection.tsx';
import { FollowSetting } from '../discussions/FollowSetting.tsx';
import { CharterAcceptance } from '../memberships/CharterAcceptance.tsx';
import { InvitationCreator } from '../memberships/InvitationCreator.tsx';
import { canJoinHere, JoinSection } from '../memberships/JoinSection.tsx';
import { JoinRequests } from '../memberships/JoinRequests.tsx';
import { MemberList } from '../memberships/MemberList.tsx';
import { pollsPath, timeFinderPath } from '../scheduling/scheduling-paths.ts';
import { UpcomingSessions } from '../sessions/UpcomingSessions.tsx';
import { DraftBanner } from './DraftBanner.tsx';
import { GroupFacts } from './GroupFacts.tsx';
import { useGroup } from './group-queries.ts';
import { editStepPath } from './guide/guide-steps.ts';
import { LeaderList } from './LeaderList.tsx';

export function GroupPage() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const me = useMe();
  const query = useGroup(slug);

  if (query.isPending || me.isPending) return <Loading />;
  if (query.isError) {
    // Missing and private look the same, on purpose: a page must not reveal a private group.
    if (isApiError(query.error, 404)) return <NotFoundPage title={t('group.notFoundTitle')} body={t('group.notFoundBody')} />;
    return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  }

  const group = query.data;
  const user = me.data ?? null;
  const membership = group.viewer.membership;
  const isMember = membership?.status === 'active';
  const isLeader = isMember && membership.role === 'leader';
  const joinShowsCharter = canJoinHere(group, user);

  return (
    <article className="group-page">
      {group.status === 'draft' && group.viewer.canEdit && <DraftBanner group={group} />}
      {isMember && membership.needsCharterAcceptance && <CharterAcceptance group={group} />}

      <header className="group-header">
        {group.leadership && <p className="eyebrow">{t(`enums.leadership.${group.leadership}`)}</p>}
        <PageHeading title={group.name}>{group.name}</PageHeading>
        <p className="group-meta">
          <span data-testid="member-count">{t('group.memberCount', { count: group.memberCount })}</span>
          {group.status === 'draft' && <span className="badge badge-draft">{t('enums.status.draft')}</span>}
        </p>
        {group.viewer.canEdit && (
          <p>
            <Link className="button button-secondary" to={editStepPath(group.slug, 1)}>
              {t('group.edit')}
            </Link>
          </p>
        )}
      </header>

      {group.purpose && (
        <section className="section" aria-labelledby="purpose-title">
          <h2 id="purpose-title">{t('group.purpose')}</h2>
          <MultilineText text={group.purpose} className="prose" />
        </section>
      )}

      <GroupFacts group={group} viewerTimeZone={user?.timeZone ?? null} />

      {group.status === 'active' && <UpcomingSessions group={group} user={user} />}
      {isMember && group.status === 'active' && (
        <p className="section-actions">
          {isLeader && (
            <Link className="button button-secondary" to={timeFinderPath(group.slug)}>
              {t('scheduling.finder.title')}
            </Link>
          )}
          <Link className="button button-secondary" to={pollsPath(group.slug)}>
            {t('scheduling.polls.title')}
          </Link>
        </p>
      )}
      {isMember && user && group.status === 'active' && <DiscussionsSection group={group} user={user} />}

      {group.reasons && (
        <section className="section" aria-labelledby="reasons-title">
          <h2 id="reasons-title">{t('group.reasons')}</h2>
          <MultilineText text={group.reasons} className="prose" />
        </section>
      )}

      {group.leaders.length > 0 && (
        <section className="section" aria-labelledby="leaders-title">
          <h2 id="leaders-title">{t('group.leaders')}</h2>
          <LeaderList leaders={group.leaders} />
        </section>
      )}

      {/* Someone about to join reads the charter inside the join form, not twice. */}
      {group.charter && !joinShowsCharter && (
        <section className="section" aria-labelledby="charter-title">
          <h2 id="charter-title">{t('group.charter')}</h2>
          <MultilineText text={group.charter} className="charter" />
          {group.charterVersion > 1 && <p className="muted">{t('group.charterVersion', { version: group.charterVersion })}</p>}
        </section>
      )}

      <JoinSection group={group} user={user} />
      {isMember && group.status === 'active' && <FollowSetting key={group.slug} group={group} />}

      {isMember && user && <MemberList group={group} user={user} />}
      {isLeader && user && <JoinRequests slug={group.slug} viewerTimeZone={user.timeZone} />}
      {isLeader && user && group.status === 'active' && <InvitationCreator slug={group.slug} viewerTimeZone={user.timeZone} />}
    </article>
  );
}
