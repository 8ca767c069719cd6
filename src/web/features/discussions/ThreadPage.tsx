import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { NotFoundPage } from '../../components/NotFoundPage.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { LoadError, Loading } from '../../components/QueryStates.tsx';
import type { User } from '../../../shared/api/accounts.schemas.ts';
import type { Group } from '../../../shared/api/groups.schemas.ts';
import type { ThreadDetailResponse as ThreadDetail } from '../../../shared/api/discussions.schemas.ts';
import { RequireSignIn } from '../accounts/RequireSignIn.tsx';
import { useGroup } from '../groups/group-queries.ts';
import { canModerateGroup } from '../moderation/moderation-access.ts';
import { ModerationTools } from '../moderation/ModerationTools.tsx';
import { occurrencePath } from '../sessions/session-paths.ts';
import { useThreadTitle } from './discussion-format.ts';
import { discussionPaths } from './discussion-paths.ts';
import { usePostComment, useThread } from './discussion-queries.ts';
import { useArrivedPosted } from './posted-notice.ts';
import { PostView, type PostPermissions } from './PostView.tsx';
import { ReplyForm } from './ReplyForm.tsx';
import { ThreadBadges } from './ThreadBadges.tsx';
import './discussions.css';

/** A link to `#comment-…` (from a notification) lands on that reply, not at the top. */
function useScrollToComment() {
  const { hash } = useLocation();
  useEffect(() => {
    if (!hash.startsWith('#comment-')) return;
    // After this render's other effects (the layout scrolls a new page to the top).
    const frame = requestAnimationFrame(() => {
      const target = document.getElementById(decodeURIComponent(hash.slice(1)));
      target?.focus();
      target?.scrollIntoView({ block: 'start' });
    });
    return () => cancelAnimationFrame(frame);
  }, [hash]);
}

function ThreadView({ detail, group, user }: { detail: ThreadDetail; group: Group; user: User }) {
  const { t } = useTranslation();
  const { thread, comments } = detail;
  const postComment = usePostComment(thread.id);
  const posted = useArrivedPosted();
  const permissions: PostPermissions = { viewerId: user.id, canModerate: canModerateGroup(group, user) };
  const canReply = !thread.locked && !thread.hidden && !thread.deleted;
  const title = useThreadTitle()(thread);
  useScrollToComment();

  return (
    <article className="reading discussions thread-page" data-testid="thread-page">
      <p className="eyebrow">
        <Link to={discussionPaths.list(group.slug)}>
          {group.name} — {t('discussions.title')}
        </Link>
      </p>
      <PageHeading title={`${title} — ${group.name}`}>
        <span dir="auto">{title}</span>
      </PageHeading>
      <ThreadBadges thread={thread} />
      <div role="status">{posted && <p className="notice">{t('discussions.post.threadPosted')}</p>}</div>
      {thread.session ? (
        // A recap's comments have no opening post of their own: the recap is on the session's page.
        <div className="post recap-thread">
          <p>{t('discussions.recap.threadIntro')}</p>
          <div className="post-actions">
            <Link className="button button-secondary button-small" to={occurrencePath(thread.session.id, thread.session.startsAt)}>
              {t('discussions.recap.openSession')}
            </Link>
            {permissions.canModerate && <ModerationTools target={{ kind: 'thread', id: thread.id, hidden: thread.hidden, locked: thread.locked }} />}
          </div>
        </div>
      ) : (
        <PostView target={{ kind: 'thread', post: thread }} permissions={permissions} />
      )}

      {thread.locked && (
        <p className="callout callout-warning" data-testid="locked-notice">
          {t('discussions.thread.lockedNotice')}
        </p>
      )}
      {thread.hidden && !thread.locked && <p className="callout callout-warning">{t('discussions.thread.hiddenNotice')}</p>}

      <section className="section" aria-labelledby="replies-title">
        <h2 id="replies-title">
          {t('discussions.thread.repliesTitle')} <span className="muted">({comments.length})</span>
        </h2>
        {comments.length === 0 ? (
          <p className="muted">{t('discussions.thread.noReplies')}</p>
        ) : (
          <ol className="comment-list" data-testid="comments">
            {comments.map((comment) => (
              <li key={comment.id}>
                <PostView target={{ kind: 'comment', post: comment }} permissions={permissions} />
              </li>
            ))}
          </ol>
        )}
      </section>

      {canReply && (
        <section className="section" aria-labelledby="reply-title">
          <h2 id="reply-title">{t('discussions.thread.replyTitle')}</h2>
          <ReplyForm
            post={postComment}
            label={t('discussions.thread.replyLabel')}
            submitLabel={t('discussions.thread.replySubmit')}
            postedMessage={t('discussions.thread.replyPosted')}
            testId="reply-form"
          />
        </section>
      )}

      <p className="section">
        <Link to={discussionPaths.list(group.slug)}>{t('discussions.thread.backToList')}</Link>
      </p>
    </article>
  );
}

function WithGroup({ detail, user, notFound }: { detail: ThreadDetail; user: User; notFound: ReactNode }) {
  const group = useGroup(detail.thread.groupSlug);
  if (group.isPending) return <Loading />;
  if (group.isError) {
    if (isApiError(group.error, 404)) return <>{notFound}</>;
    return <LoadError error={group.error} onRetry={() => void group.refetch()} />;
  }
  return <ThreadView detail={detail} group={group.data} user={user} />;
}

function ThreadLoader({ id, user }: { id: string; user: User }) {
  const { t } = useTranslation();
  const detail = useThread(id);
  const notFound = <NotFoundPage title={t('discussions.notFoundTitle')} body={t('discussions.notFoundBody')} />;
  if (detail.isPending) return <Loading />;
  if (detail.isError) {
    if (isApiError(detail.error, 404)) return notFound;
    return <LoadError error={detail.error} onRetry={() => void detail.refetch()} />;
  }
  return <WithGroup detail={detail.data} user={user} notFound={notFound} />;
}

/** `/threads/:id`: a thread, its replies, and a reply box for members. */
export function ThreadPage() {
  const { id = '' } = useParams();
  return <RequireSignIn>{(user) => <ThreadLoader key={id} id={id} user={user} />}</RequireSignIn>;
}
