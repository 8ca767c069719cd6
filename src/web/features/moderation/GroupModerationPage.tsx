import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { REPORT_STATUSES, type ReportStatus } from '../../../shared/moderation.ts';
import { isApiError } from '../../api/client.ts';
import { NotFoundPage } from '../../components/NotFoundPage.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { LoadError, Loading } from '../../components/QueryStates.tsx';
import type { User } from '../../../shared/api/accounts.schemas.ts';
import { RequireSignIn } from '../accounts/RequireSignIn.tsx';
import { groupPath } from '../groups/group-labels.ts';
import { useGroup } from '../groups/group-queries.ts';
import { isActiveMember } from '../groups/GroupGate.tsx';
import { BansSection } from './BansSection.tsx';
import { canModerateGroup, isPlatformModerator } from './moderation-access.ts';
import { moderationPaths } from './moderation-paths.ts';
import { ModerationLog } from './ModerationLog.tsx';
import { ModerationNav } from './ModerationNav.tsx';
import { ReportQueue } from './ReportQueue.tsx';
import './moderation.css';

export type GroupModerationView = 'reports' | 'bans' | 'log';

export function reportStatusFrom(value: string | null): ReportStatus {
  return REPORT_STATUSES.find((s) => s === value) ?? 'open';
}

/** What the page needs of the group: a platform moderator may not be able to read the group itself. */
interface ModeratedGroup {
  slug: string;
  name: string;
  isMember: boolean;
}

function GroupModeration({ group, user, view }: { group: ModeratedGroup; user: User; view: GroupModerationView }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const status = reportStatusFrom(params.get('status'));
  const title = t('moderation.title');
  const viewTitle = view === 'reports' ? t(`moderation.queue.titles.${status}`) : view === 'bans' ? t('moderation.bans.title') : t('moderation.log.title');

  return (
    <div className="reading moderation" data-testid="group-moderation">
      <p className="eyebrow">
        <Link to={groupPath(group.slug)}>{group.name}</Link>
      </p>
      <PageHeading title={`${viewTitle} — ${title} — ${group.name}`}>{title}</PageHeading>
      <p className="lead">{t('moderation.groupIntro')}</p>
      <ModerationNav
        label={t('moderation.sections')}
        current={view}
        items={[
          { key: 'reports', to: moderationPaths.group(group.slug), label: t('moderation.queue.title') },
          { key: 'bans', to: moderationPaths.groupBans(group.slug), label: t('moderation.bans.title') },
          { key: 'log', to: moderationPaths.groupLog(group.slug), label: t('moderation.log.title') },
        ]}
      />
      {view === 'reports' && (
        <section className="section" aria-labelledby="queue-title">
          <h2 id="queue-title">{viewTitle}</h2>
          <ModerationNav
            label={t('moderation.queue.statusNav')}
            current={status}
            items={REPORT_STATUSES.map((s) => ({ key: s, to: moderationPaths.group(group.slug, s), label: t(`moderation.status.${s}`) }))}
          />
          <ReportQueue slug={group.slug} status={status} viewerId={user.id} />
        </section>
      )}
      {view === 'bans' && <BansSection slug={group.slug} viewerId={user.id} canListMembers={group.isMember} />}
      {view === 'log' && (
        <section className="section" aria-labelledby="log-title">
          <h2 id="log-title">{viewTitle}</h2>
          <ModerationLog slug={group.slug} />
        </section>
      )}
    </div>
  );
}

function Gate({ slug, user, view }: { slug: string; user: User; view: GroupModerationView }) {
  const { t } = useTranslation();
  const group = useGroup(slug);
  if (group.isPending) return <Loading />;
  if (group.isError) {
    // A private group is hidden even from platform moderators who are not in it; its
    // moderation is not: they work from the slug (the queue's links bring them here).
    if (isApiError(group.error, 404) && isPlatformModerator(user))
      return <GroupModeration group={{ slug, name: slug, isMember: false }} user={user} view={view} />;
    if (isApiError(group.error, 404)) return <NotFoundPage title={t('group.notFoundTitle')} body={t('group.notFoundBody')} />;
    return <LoadError error={group.error} onRetry={() => void group.refetch()} />;
  }
  if (!canModerateGroup(group.data, user)) return <NotFoundPage title={t('forbidden.title')} body={t('moderation.leadersOnly')} />;
  const moderated = { slug: group.data.slug, name: group.data.name, isMember: isActiveMember(group.data) };
  return <GroupModeration group={moderated} user={user} view={view} />;
}

/** `/groups/:slug/moderation[/bans|/log]`: the group's leaders (and platform moderators) keep it safe. */
export function GroupModerationPage({ view }: { view: GroupModerationView }) {
  const { slug = '' } = useParams();
  return <RequireSignIn>{(user) => <Gate slug={slug} user={user} view={view} />}</RequireSignIn>;
}
