import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { POST_LIMITS } from '../../../shared/limits.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { TextAreaField, TextField } from '../../components/Field.tsx';
import { fieldId, formErrors } from '../../components/form-errors.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { RequireSignIn } from '../accounts/RequireSignIn.tsx';
import type { Group } from '../../../shared/api/groups.schemas.ts';
import { GroupGate } from '../groups/GroupGate.tsx';
import { discussionPaths } from './discussion-paths.ts';
import { useStartThread } from './discussion-queries.ts';
import { POSTED_STATE } from './posted-notice.ts';
import './discussions.css';

function NewThreadForm({ group }: { group: Group }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const start = useStartThread(group.slug);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const labels = { title: t('discussions.newThread.titleField'), body: t('discussions.newThread.body') };
  const errors = formErrors(start.error, labels);
  const heading = t('discussions.newThread.title');

  function submit(event: FormEvent) {
    event.preventDefault();
    start.mutate({ title, body }, { onSuccess: (thread) => void navigate(discussionPaths.thread(thread.id), { state: POSTED_STATE }) });
  }

  return (
    <div className="reading discussions">
      <p className="eyebrow">
        <Link to={discussionPaths.list(group.slug)}>
          {group.name} — {t('discussions.title')}
        </Link>
      </p>
      <PageHeading title={`${heading} — ${group.name}`}>{heading}</PageHeading>
      <p className="lead">{t('discussions.newThread.intro')}</p>
      <form className="form" noValidate onSubmit={submit} data-testid="new-thread-form">
        <ErrorSummary errors={errors} />
        <TextField
          id={fieldId('title')}
          label={labels.title}
          hint={t('discussions.newThread.titleHint')}
          error={errors.field('title')}
          value={title}
          maxLength={POST_LIMITS.title}
          dir="auto"
          onChange={(e) => setTitle(e.target.value)}
        />
        <TextAreaField
          id={fieldId('body')}
          label={labels.body}
          hint={t('discussions.markdownHint')}
          error={errors.field('body')}
          value={body}
          rows={10}
          maxLength={POST_LIMITS.body}
          dir="auto"
          onChange={(e) => setBody(e.target.value)}
        />
        <div className="actions">
          <button type="submit" className="button" disabled={start.isPending}>
            {t('discussions.newThread.submit')}
          </button>
          <Link className="button button-secondary" to={discussionPaths.list(group.slug)}>
            {t('discussions.post.cancel')}
          </Link>
        </div>
      </form>
    </div>
  );
}

/** `/groups/:slug/discussions/new`: a member starts a thread. */
export function NewThreadPage() {
  const { slug = '' } = useParams();
  return (
    <RequireSignIn>
      {() => (
        <GroupGate role="member" slug={slug}>
          {(group) => <NewThreadForm group={group} />}
        </GroupGate>
      )}
    </RequireSignIn>
  );
}
