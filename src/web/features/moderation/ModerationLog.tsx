import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MultilineText } from '../../components/MultilineText.tsx';
import { LoadError, Loading } from '../../components/QueryStates.tsx';
import { usePostTime } from '../discussions/discussion-format.ts';
import { discussionPaths } from '../discussions/discussion-paths.ts';
import { useModerationLog } from './moderation-queries.ts';
import type { LogEntry } from '../../../shared/api/moderation.schemas.ts';

function LogItem({ entry, showGroup }: { entry: LogEntry; showGroup: boolean }) {
  const { t } = useTranslation();
  const when = usePostTime();
  const someone = t('discussions.someone');
  const threadLink = entry.comment
    ? discussionPaths.comment(entry.comment.threadId, entry.comment.id)
    : entry.thread
      ? discussionPaths.thread(entry.thread.id)
      : null;

  return (
    <li className="log-entry" data-testid="log-entry" data-action={entry.action}>
      <p className="log-head">
        <strong>{t(`moderation.log.actions.${entry.action}`)}</strong>
        <time dateTime={entry.createdAt}>{when(entry.createdAt)}</time>
      </p>
      <p className="log-details">
        {showGroup && entry.group && <span>{entry.group.name}</span>}
        <span>{t('moderation.log.by', { name: entry.actor?.displayName ?? someone })}</span>
        {entry.targetUser && <span>{t('moderation.log.member', { name: entry.targetUser.displayName })}</span>}
        {threadLink && (
          <span>
            <Link to={threadLink} dir="auto">
              {entry.thread ? t('moderation.quoted', { title: entry.thread.title }) : t('moderation.log.openPost')}
            </Link>
          </span>
        )}
        {entry.report && <span>{t('moderation.log.report', { reason: t(`moderation.reasons.${entry.report.reason}`) })}</span>}
      </p>
      {entry.note && <MultilineText text={entry.note} className="log-note" />}
    </li>
  );
}

/** Every moderation step, newest first: who did what, to which post or member, and when. */
export function ModerationLog({ slug }: { slug: string | null }) {
  const { t } = useTranslation();
  const log = useModerationLog(slug);
  const entries = log.data?.pages.flatMap((page) => page.entries) ?? [];

  if (log.isPending) return <Loading />;
  if (log.isError) return <LoadError error={log.error} onRetry={() => void log.refetch()} />;
  if (entries.length === 0) return <p className="empty">{t('moderation.log.empty')}</p>;
  return (
    <>
      <ol className="log-list" data-testid="moderation-log" aria-busy={log.isFetching}>
        {entries.map((entry) => (
          <LogItem key={entry.id} entry={entry} showGroup={slug === null} />
        ))}
      </ol>
      {log.hasNextPage && (
        <p>
          <button type="button" className="button button-secondary" disabled={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>
            {t('moderation.showMore')}
          </button>
        </p>
      )}
    </>
  );
}
