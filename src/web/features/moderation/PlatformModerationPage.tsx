import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { REPORT_STATUSES } from '../../../shared/moderation.ts';
import { NotFoundPage } from '../../components/NotFoundPage.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import type { User } from '../../../shared/api/accounts.schemas.ts';
import { RequireSignIn } from '../accounts/RequireSignIn.tsx';
import { reportStatusFrom } from './GroupModerationPage.tsx';
import { isPlatformModerator } from './moderation-access.ts';
import { moderationPaths } from './moderation-paths.ts';
import { ModerationLog } from './ModerationLog.tsx';
import { ModerationNav } from './ModerationNav.tsx';
import { ReportQueue } from './ReportQueue.tsx';
import './moderation.css';

function PlatformModeration({ user, view }: { user: User; view: 'reports' | 'log' }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const status = reportStatusFrom(params.get('status'));
  const title = t('moderation.platformTitle');
  const viewTitle = view === 'reports' ? t(`moderation.queue.titles.${status}`) : t('moderation.log.title');

  return (
    <div className="page moderation" data-testid="platform-moderation">
      <PageHeading title={`${viewTitle} — ${title}`}>{title}</PageHeading>
      <p className="lead">{t('moderation.platformIntro')}</p>
      <ModerationNav
        label={t('moderation.sections')}
        current={view}
        items={[
          { key: 'reports', to: moderationPaths.platform(), label: t('moderation.queue.title') },
          { key: 'log', to: moderationPaths.platformLog, label: t('moderation.log.title') },
        ]}
      />
      <section className="section reading" aria-labelledby="queue-title">
        <h2 id="queue-title">{viewTitle}</h2>
        {view === 'reports' ? (
          <>
            <ModerationNav
              label={t('moderation.queue.statusNav')}
              current={status}
              items={REPORT_STATUSES.map((s) => ({ key: s, to: moderationPaths.platform(s), label: t(`moderation.status.${s}`) }))}
            />
            <ReportQueue slug={null} status={status} viewerId={user.id} />
          </>
        ) : (
          <ModerationLog slug={null} />
        )}
      </section>
    </div>
  );
}

/** `/moderation[/log]`: platform moderators (admins included) see every group's reports. */
export function PlatformModerationPage({ view }: { view: 'reports' | 'log' }) {
  const { t } = useTranslation();
  return (
    <RequireSignIn>
      {(user) =>
        isPlatformModerator(user) ? (
          <PlatformModeration user={user} view={view} />
        ) : (
          <NotFoundPage title={t('forbidden.title')} body={t('moderation.moderatorsOnly')} />
        )
      }
    </RequireSignIn>
  );
}
