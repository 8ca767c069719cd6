import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { instantToLocal } from '../../../shared/zoned-time.ts';
import { isApiError } from '../../api/client.ts';
import { NotFoundPage } from '../../components/NotFoundPage.tsx';
import { noticeState } from '../../components/notice.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { LoadError, Loading } from '../../components/QueryStates.tsx';
import { RequireSignIn } from '../accounts/RequireSignIn.tsx';
import { groupPath } from '../groups/group-labels.ts';
import type { Group } from '../../../shared/api/groups.schemas.ts';
import type { SessionOut as Session } from '../../../shared/api/sessions.schemas.ts';
import { GroupGate } from '../groups/GroupGate.tsx';
import { useWhen } from './session-format.ts';
import { editSessionPath, occurrencePath, sessionPath } from './session-paths.ts';
import { changedFields, draftFromSession, inputFromDraft } from './session-form.ts';
import { useSession, useUpdateSession } from './session-queries.ts';
import { SessionForm } from './SessionForm.tsx';

/** The occurrence to split the series at, when it is a real instant of a recurring session. */
function splitPoint(session: Session, from: string | null): string | null {
  if (!from || !session.recurrence) return null;
  const ms = Date.parse(from);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

function Edit({ group, session, from }: { group: Group; session: Session; from: string | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const format = useWhen();
  const update = useUpdateSession(session.id);
  const fromLocal = from ? instantToLocal(Date.parse(from), session.timeZone) : undefined;
  const [initial] = useState(() => draftFromSession(session, fromLocal));
  const title = t('sessions.edit.title', { title: session.title });
  const back = from ? occurrencePath(session.id, from) : sessionPath(session.id);

  const intro = from ? (
    <div className="callout callout-warning" data-testid="edit-scope">
      <p>{t('sessions.edit.fromHere', { when: format.when(from, session.timeZone) })}</p>
      <p>
        <Link to={editSessionPath(session.id)}>{t('sessions.edit.wholeInstead')}</Link>
      </p>
    </div>
  ) : session.recurrence ? (
    <p className="callout" data-testid="edit-scope">
      {t('sessions.edit.whole')}
    </p>
  ) : null;

  return (
    <div className="reading">
      <p className="eyebrow">
        <Link to={groupPath(group.slug)}>{group.name}</Link>
      </p>
      <PageHeading title={title}>{title}</PageHeading>
      <SessionForm
        group={group}
        initial={initial}
        intro={intro}
        startLegend={from ? t('sessions.edit.fromStart') : undefined}
        submitLabel={t('sessions.edit.submit')}
        cancelTo={back}
        pending={update.isPending}
        error={update.error}
        onSubmit={(input) => {
          const changes = changedFields(input, inputFromDraft(initial));
          if (Object.keys(changes).length === 0) {
            navigate(back);
            return;
          }
          update.mutate(from ? { ...changes, fromOccurrence: from } : changes, {
            onSuccess: (saved) => navigate(sessionPath(saved.id), { state: noticeState('sessionSaved') }),
          });
        }}
      />
    </div>
  );
}

function LoadSession({ id, from }: { id: string; from: string | null }) {
  const { t } = useTranslation();
  const session = useSession(id);
  if (session.isPending) return <Loading />;
  if (session.isError) {
    if (isApiError(session.error, 404)) return <NotFoundPage title={t('sessions.notFoundTitle')} body={t('sessions.notFoundBody')} />;
    return <LoadError error={session.error} onRetry={() => void session.refetch()} />;
  }
  const split = splitPoint(session.data, from);
  return (
    <GroupGate role="leader" slug={session.data.groupSlug}>
      {(group) => <Edit key={`${session.data.id}|${split ?? ''}`} group={group} session={session.data} from={split} />}
    </GroupGate>
  );
}

/** `/sessions/:id/edit`: the whole session; `?from=<startsAt>`: that occurrence and the following ones. */
export function EditSessionPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  return <RequireSignIn>{() => <LoadSession id={id} from={params.get('from')} />}</RequireSignIn>;
}
