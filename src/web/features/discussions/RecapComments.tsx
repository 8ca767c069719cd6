import { useTranslation } from 'react-i18next';
import { LoadError, Loading } from '../../components/QueryStates.tsx';
import type { User } from '../../../shared/api/accounts.schemas.ts';
import type { Group } from '../../../shared/api/groups.schemas.ts';
import { canModerateGroup } from '../moderation/moderation-access.ts';
import { usePostRecapComment, useRecapComments } from './discussion-queries.ts';
import { PostView, type PostPermissions } from './PostView.tsx';
import { ReplyForm } from './ReplyForm.tsx';
import './discussions.css';

/**
 * Members' comments under one session date's recap: the conversation goes on after the
 * meeting. They live in a thread of their own, created with the first comment.
 */
export function RecapComments({ sessionId, startsAt, group, user }: { sessionId: string; startsAt: string; group: Group; user: User }) {
  const { t } = useTranslation();
  const recap = useRecapComments(sessionId, startsAt);
  const post = usePostRecapComment(sessionId, startsAt);
  const permissions: PostPermissions = { viewerId: user.id, canModerate: canModerateGroup(group, user) };
  const thread = recap.data?.thread ?? null;
  const canComment = !thread || (!thread.locked && !thread.hidden && !thread.deleted);

  return (
    <section className="section" aria-labelledby="recap-comments-title" data-testid="recap-comments" aria-busy={recap.isFetching}>
      <h2 id="recap-comments-title">{t('discussions.recap.title')}</h2>
      {recap.isPending ? (
        <Loading />
      ) : recap.isError ? (
        <LoadError error={recap.error} onRetry={() => void recap.refetch()} />
      ) : (
        <>
          {recap.data.comments.length === 0 ? (
            <p className="muted">{t('discussions.recap.empty')}</p>
          ) : (
            <ol className="comment-list">
              {recap.data.comments.map((comment) => (
                <li key={comment.id}>
                  <PostView target={{ kind: 'comment', post: comment }} permissions={permissions} />
                </li>
              ))}
            </ol>
          )}
          {thread?.locked && <p className="callout callout-warning">{t('discussions.thread.lockedNotice')}</p>}
          {canComment && (
            <ReplyForm
              post={post}
              label={t('discussions.recap.label')}
              submitLabel={t('discussions.recap.submit')}
              postedMessage={t('discussions.recap.posted')}
              testId="recap-comment-form"
            />
          )}
        </>
      )}
    </section>
  );
}
