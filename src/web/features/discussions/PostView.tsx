import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { POST_LIMITS } from '../../../shared/limits.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { TextAreaField, TextField } from '../../components/Field.tsx';
import { formErrors } from '../../components/form-errors.ts';
import { ModerationTools } from '../moderation/ModerationTools.tsx';
import { ReportButton } from '../moderation/ReportButton.tsx';
import { useAuthorName, usePostTime } from './discussion-format.ts';
import { useDeleteComment, useDeleteThread, useEditComment, useEditThread } from './discussion-queries.ts';
import type { CommentView as Comment, ThreadView as Thread } from '../../../shared/api/discussions.schemas.ts';
import { PostBody } from './PostBody.tsx';
import { plainId, scopedErrors } from './scoped-errors.ts';

/** What the viewer may do with a post, worked out once by the page. */
export interface PostPermissions {
  viewerId: string;
  /** Leaders of the group and platform moderators. */
  canModerate: boolean;
}

type PostTarget = { kind: 'thread'; post: Thread } | { kind: 'comment'; post: Comment };

function EditForm({ target, onDone }: { target: PostTarget; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const scope = plainId(useId());
  const editThread = useEditThread(target.post.id);
  const editComment = useEditComment();
  const edit = target.kind === 'thread' ? editThread : editComment;
  const [title, setTitle] = useState(target.kind === 'thread' ? target.post.title : '');
  const [body, setBody] = useState(target.post.body);
  const labels: Record<string, string> =
    target.kind === 'thread'
      ? { title: t('discussions.newThread.titleField'), body: t('discussions.newThread.body') }
      : { body: t('discussions.thread.replyLabel') };
  const errors = scopedErrors(formErrors(edit.error, labels), scope);
  const firstField = `${scope}-field-${target.kind === 'thread' ? 'title' : 'body'}`;

  // The Edit button that opened the form is gone: the keyboard continues in the form.
  useEffect(() => {
    document.getElementById(firstField)?.focus();
  }, [firstField]);

  function submit(event: FormEvent) {
    event.preventDefault();
    const done = { onSuccess: () => onDone(true) };
    if (target.kind === 'thread') editThread.mutate({ title, body }, done);
    else editComment.mutate({ id: target.post.id, body }, done);
  }

  return (
    <form className="form post-edit" noValidate onSubmit={submit}>
      <ErrorSummary errors={errors} />
      {target.kind === 'thread' && (
        <TextField
          id={`${scope}-field-title`}
          label={labels.title}
          error={errors.field('title')}
          value={title}
          maxLength={POST_LIMITS.title}
          dir="auto"
          onChange={(e) => setTitle(e.target.value)}
        />
      )}
      <TextAreaField
        id={`${scope}-field-body`}
        label={labels.body}
        hint={t('discussions.markdownHint')}
        error={errors.field('body')}
        value={body}
        rows={8}
        maxLength={POST_LIMITS.body}
        dir="auto"
        onChange={(e) => setBody(e.target.value)}
      />
      <div className="actions">
        <button type="submit" className="button" disabled={edit.isPending}>
          {t('discussions.post.save')}
        </button>
        <button type="button" className="button button-secondary" onClick={() => onDone(false)}>
          {t('discussions.post.cancel')}
        </button>
      </div>
    </form>
  );
}

/**
 * The opening post of a thread or one reply: who wrote it and when, the text (or why it
 * is not shown), and what the viewer can do: edit or delete their own, report someone
 * else's, and for moderators hide it (and lock the thread).
 */
export function PostView({ target, permissions }: { target: PostTarget; permissions: PostPermissions }) {
  const { t } = useTranslation();
  const when = usePostTime();
  const authorName = useAuthorName();
  const ref = useRef<HTMLElement>(null);
  const metaId = useId();
  const [editing, setEditing] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const deleteThread = useDeleteThread(target.post.id);
  const deleteComment = useDeleteComment();
  const remove = target.kind === 'thread' ? deleteThread : deleteComment;
  const { post } = target;
  const isComment = target.kind === 'comment';
  const name = authorName(post.author);
  const isMine = post.author !== null && post.author.id === permissions.viewerId;
  const canChange = isMine && !post.deleted && !post.hidden;
  // Moderators act on a post themselves rather than report it to themselves.
  const canReport = !isMine && !post.deleted && !post.hidden && !permissions.canModerate;

  function finishEditing(saved: boolean) {
    setEditing(false);
    setStatus(saved ? t('discussions.post.saved') : null);
    ref.current?.focus();
  }

  function doDelete() {
    setStatus(null);
    const done = {
      onSuccess: () => {
        setStatus(t('discussions.post.deleted'));
        ref.current?.focus();
      },
    };
    if (target.kind === 'thread') deleteThread.mutate(undefined, done);
    else deleteComment.mutate(post.id, done);
  }

  let content: ReactNode;
  if (post.deleted) {
    content = <p className="post-placeholder">{isComment ? t('discussions.post.deletedCommentPlaceholder') : t('discussions.post.deletedPlaceholder')}</p>;
  } else if (post.hidden) {
    content = (
      <>
        <p className="post-placeholder" data-testid="hidden-placeholder">
          {isComment ? t('discussions.post.hiddenCommentPlaceholder') : t('discussions.post.hiddenPlaceholder')}
        </p>
        {permissions.canModerate && post.html && (
          <details className="post-hidden-text">
            <summary>{t('discussions.post.showHidden')}</summary>
            <p className="muted">{t('discussions.post.hiddenForModerators')}</p>
            <PostBody html={post.html} />
          </details>
        )}
      </>
    );
  } else if (editing) {
    content = <EditForm target={target} onDone={finishEditing} />;
  } else {
    content = <PostBody html={post.html} />;
  }

  return (
    <article
      ref={ref}
      tabIndex={-1}
      id={isComment ? `comment-${post.id}` : undefined}
      className={post.hidden || post.deleted ? 'post post-muted' : 'post'}
      data-testid={isComment ? 'comment' : 'thread-post'}
      aria-labelledby={metaId}
    >
      <p className="post-meta" id={metaId}>
        {/* A deleted post keeps no author: its words and its name are gone. */}
        {!post.deleted && (
          <span className="post-author">
            <bdi>{name}</bdi>
          </span>
        )}
        <time dateTime={post.createdAt}>{t('discussions.post.posted', { when: when(post.createdAt) })}</time>
        {post.source === 'email' && !post.deleted && <span>{t('discussions.viaEmail')}</span>}
        {post.editedAt && !post.deleted && <span>({t('discussions.post.edited', { when: when(post.editedAt) })})</span>}
      </p>
      {content}
      {!editing && (
        <div className="post-actions" role="group" aria-label={t('discussions.post.actionsFor', { name })}>
          {canChange && (
            <>
              <button type="button" className="button button-secondary button-small" onClick={() => setEditing(true)}>
                {t('discussions.post.edit')}
              </button>
              <ConfirmButton
                label={t('discussions.post.delete')}
                title={isComment ? t('discussions.post.deleteCommentTitle') : t('discussions.post.deleteThreadTitle')}
                body={isComment ? t('discussions.post.deleteCommentBody') : t('discussions.post.deleteThreadBody')}
                confirmLabel={t('discussions.post.confirmDelete')}
                onConfirm={doDelete}
                disabled={remove.isPending}
                danger
                className="button button-danger-quiet button-small"
              />
            </>
          )}
          {canReport && <ReportButton target={{ kind: target.kind, id: post.id }} authorName={name} />}
          {permissions.canModerate && !post.deleted && (
            <ModerationTools
              target={
                target.kind === 'thread'
                  ? { kind: 'thread', id: post.id, hidden: post.hidden, locked: target.post.locked }
                  : { kind: 'comment', id: post.id, hidden: post.hidden }
              }
            />
          )}
        </div>
      )}
      {remove.error && (
        <p className="error-inline" role="alert">
          {remove.error.message}
        </p>
      )}
      <div role="status">{status && <p className="notice post-status">{status}</p>}</div>
    </article>
  );
}
