import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useModeratePost, type PostAction } from './moderation-queries.ts';

/** A post a moderator acts on (from a thread, a comment or a report); `locked` only for threads. */
export type ModerationTarget = { kind: 'thread'; id: string; hidden: boolean; locked: boolean } | { kind: 'comment'; id: string; hidden: boolean };

/**
 * Hide or show a post again, lock or unlock a thread: for the group's leaders and platform
 * moderators, on the post itself and in the queue. Every step goes to the audit log. Without
 * `onDone`, the outcome is announced beside the buttons. `only` keeps some of the buttons
 * (the queue offers a comment's hidden thread just "show again").
 */
export function ModerationTools({ target, onDone, only }: { target: ModerationTarget; onDone?: (message: string) => void; only?: readonly PostAction[] }) {
  const { t } = useTranslation();
  const moderate = useModeratePost();
  const [done, setDone] = useState<PostAction | null>(null);
  const labels: Record<PostAction, string> = {
    hide: target.kind === 'thread' ? t('moderation.actions.hideThread') : t('moderation.actions.hideComment'),
    unhide: target.kind === 'thread' ? t('moderation.actions.unhideThread') : t('moderation.actions.unhideComment'),
    lock: t('moderation.actions.lock'),
    unlock: t('moderation.actions.unlock'),
  };
  let actions: PostAction[] = [target.hidden ? 'unhide' : 'hide'];
  if (target.kind === 'thread') actions.push(target.locked ? 'unlock' : 'lock');
  if (only) actions = actions.filter((action) => only.includes(action));

  function act(action: PostAction) {
    setDone(null);
    moderate.mutate(
      { kind: target.kind, id: target.id, action },
      // In the queue the card may leave the list: the queue then says what happened.
      { onSuccess: () => (onDone ? onDone(t(`moderation.done.${action}`)) : setDone(action)) },
    );
  }

  return (
    <>
      {actions.map((action) => (
        <button key={action} type="button" className="button button-secondary button-small" disabled={moderate.isPending} onClick={() => act(action)}>
          {labels[action]}
        </button>
      ))}
      <span role="status" className="moderation-status">
        {done ? t(`moderation.done.${done}`) : ''}
      </span>
      {moderate.error && (
        <span className="error-inline" role="alert">
          {moderate.error.message}
        </span>
      )}
    </>
  );
}
