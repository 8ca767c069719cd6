import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { instantToLocal } from '../../../shared/zoned-time.ts';
import { noticeState } from '../../components/notice.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { browserTimeZone } from '../../i18n/time-zones.ts';
import { RequireSignIn } from '../accounts/RequireSignIn.tsx';
import { groupPath } from '../groups/group-labels.ts';
import type { Group } from '../../../shared/api/groups.schemas.ts';
import { GroupGate } from '../groups/GroupGate.tsx';
import { templateRows } from './agenda.ts';
import { sessionPath } from './session-paths.ts';
import { newSessionDraft } from './session-form.ts';
import { useScheduleSession } from './session-queries.ts';
import { SessionForm } from './SessionForm.tsx';

const WEEK = 7 * 86_400_000;

function Schedule({ group }: { group: Group }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const schedule = useScheduleSession(group.slug);
  // A week from today on the group's clock, at 19:00, with the usual support-circle agenda.
  const [initial] = useState(() => {
    const zone = group.timeZone ?? browserTimeZone();
    return newSessionDraft({
      timeZone: zone,
      date: instantToLocal(Date.now() + WEEK, zone).slice(0, 10),
      agenda: templateRows('supportCircle', (part) => t(`sessions.agenda.parts.${part}`)),
    });
  });
  const title = t('sessions.schedule.title');

  return (
    <div className="reading">
      <p className="eyebrow">
        <Link to={groupPath(group.slug)}>{group.name}</Link>
      </p>
      <PageHeading title={`${title} — ${group.name}`}>{title}</PageHeading>
      {group.status !== 'active' ? (
        <p className="callout callout-warning">{t('sessions.schedule.notPublished')}</p>
      ) : (
        <>
          <p className="lead">{t('sessions.schedule.intro')}</p>
          <SessionForm
            group={group}
            initial={initial}
            submitLabel={t('sessions.schedule.submit')}
            cancelTo={groupPath(group.slug)}
            pending={schedule.isPending}
            error={schedule.error}
            onSubmit={(input) =>
              schedule.mutate(input, { onSuccess: (session) => navigate(sessionPath(session.id), { state: noticeState('sessionScheduled') }) })
            }
          />
        </>
      )}
    </div>
  );
}

/** `/groups/:slug/sessions/new`: leaders schedule a one-off or recurring session. */
export function ScheduleSessionPage() {
  const { slug = '' } = useParams();
  return (
    <RequireSignIn>
      {() => (
        <GroupGate role="leader" slug={slug}>
          {(group) => <Schedule group={group} />}
        </GroupGate>
      )}
    </RequireSignIn>
  );
}
