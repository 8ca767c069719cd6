import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ReportStatus } from '../../../shared/moderation.ts';
import { MultilineText } from '../../components/MultilineText.tsx';
import { LoadError, Loading } from '../../components/QueryStates.tsx';
import { usePostTime } from '../discussions/discussion-format.ts';
import { discussionPaths } from '../discussions/discussion-paths.ts';
import { BanButton } from './BanButton.tsx';
import { moderationPaths } from './moderation-paths.ts';
import { useDecideReport, useReports } from './moderation-queries.ts';
import type { Report } from '../../../shared/api/moderation.schemas.ts';
import { ModerationTools } from './ModerationTools.tsx';

interface ReportCardProps {
  report: Report;
  viewerId: string;
  showGroup: boolean;
  /** Says what was done: a closed report leaves the open queue, and its card with it. */
  onDone: (message: string) => void;
}

function ReportCard({ report, viewerId, showGroup, onDone }: ReportCardProps) {
  const { t } = useTranslation();
  const when = usePostTime();
  const decide = useDecideReport();
  const { target } = report;
  const isThread = target.kind === 'thread';
  const author = target.author?.displayName ?? t('discussions.someone');
  const threadTitle = (isThread ? target.title : target.threadTitle) ?? '';
  const link = isThread ? discussionPaths.thread(target.threadId) : discussionPaths.comment(target.threadId, target.id);
  const open = report.status === 'open';

  function decideReport(decision: 'resolve' | 'dismiss') {
    decide.mutate({ id: report.id, decision }, { onSuccess: () => onDone(t(`moderation.done.${decision}`)) });
  }

  return (
    <li className="report-card" data-testid="report" data-status={report.status}>
      <h3 className="report-reason">{t(`moderation.reasons.${report.reason}`)}</h3>
      <p className="report-meta">
        {showGroup && (
          <span>
            <Link to={moderationPaths.group(report.group.slug)}>{report.group.name}</Link>
          </span>
        )}
        <span>{t('moderation.queue.reportedBy', { name: report.reporter?.displayName ?? t('discussions.someone') })}</span>
        <time dateTime={report.createdAt}>{when(report.createdAt)}</time>
        {!open && <span className="badge">{t(`moderation.status.${report.status}`)}</span>}
      </p>
      {report.note && (
        <div className="report-note">
          <p className="report-label">{t('moderation.queue.note')}</p>
          <MultilineText text={report.note} />
        </div>
      )}
      <div className="report-target">
        <p className="report-label">
          {isThread ? t('moderation.queue.threadBy', { name: author }) : t('moderation.queue.commentBy', { name: author })}{' '}
          <Link to={link} dir="auto">
            {threadTitle ? t('moderation.quoted', { title: threadTitle }) : t('moderation.queue.open')}
          </Link>
        </p>
        <MultilineText text={target.excerpt} className="report-excerpt" />
        {(target.hidden || target.threadHidden || target.locked || target.deleted) && (
          <p className="badges">
            {target.hidden && <span className="badge badge-hidden">{t('discussions.badges.hidden')}</span>}
            {!isThread && target.threadHidden && <span className="badge badge-hidden">{t('moderation.queue.threadHidden')}</span>}
            {target.locked && <span className="badge badge-locked">{t('discussions.badges.locked')}</span>}
            {target.deleted && <span className="badge badge-hidden">{t('discussions.badges.deleted')}</span>}
          </p>
        )}
      </div>
      <div
        className="post-actions"
        role="group"
        aria-label={t('moderation.queue.actionsFor', { reason: t(`moderation.reasons.${report.reason}`), name: author })}
      >
        {!target.deleted && (
          <ModerationTools
            target={
              isThread
                ? { kind: 'thread', id: target.id, hidden: target.hidden, locked: target.locked }
                : { kind: 'comment', id: target.id, hidden: target.hidden }
            }
            onDone={onDone}
          />
        )}
        {/* A comment of a hidden thread stays out of view until the thread itself is shown again. */}
        {!target.deleted && !isThread && target.threadHidden && (
          <ModerationTools target={{ kind: 'thread', id: target.threadId, hidden: true, locked: target.locked }} only={['unhide']} onDone={onDone} />
        )}
        {open && (
          <>
            <button type="button" className="button button-small" disabled={decide.isPending} onClick={() => decideReport('resolve')}>
              {t('moderation.queue.resolve')}
            </button>
            <button type="button" className="button button-secondary button-small" disabled={decide.isPending} onClick={() => decideReport('dismiss')}>
              {t('moderation.queue.dismiss')}
            </button>
          </>
        )}
        {target.author && target.author.id !== viewerId && (
          <BanButton
            slug={report.group.slug}
            person={target.author}
            onBanned={() => onDone(t('moderation.ban.done', { name: target.author?.displayName ?? '' }))}
          />
        )}
      </div>
      {decide.error && (
        <p className="error-inline" role="alert">
          {decide.error.message}
        </p>
      )}
    </li>
  );
}

/** Reports of one status, newest first, a page at a time. */
export function ReportQueue({ slug, status, viewerId }: { slug: string | null; status: ReportStatus; viewerId: string }) {
  const { t } = useTranslation();
  const reports = useReports(slug, status);
  const items = reports.data?.pages.flatMap((page) => page.reports) ?? [];
  const [done, setDone] = useState<string | null>(null);
  const announcer = useRef<HTMLDivElement>(null);

  function announce(message: string) {
    setDone(message);
    // The button pressed may have gone with its card: keep the keyboard in the queue.
    announcer.current?.focus();
  }

  let list: ReactNode;
  if (reports.isPending) list = <Loading />;
  else if (reports.isError) list = <LoadError error={reports.error} onRetry={() => void reports.refetch()} />;
  else if (items.length === 0) list = <p className="empty">{t(`moderation.queue.empty.${status}`)}</p>;
  else
    list = (
      <>
        <ul className="report-list" data-testid="reports" aria-busy={reports.isFetching}>
          {items.map((report) => (
            <ReportCard key={report.id} report={report} viewerId={viewerId} showGroup={slug === null} onDone={announce} />
          ))}
        </ul>
        {reports.hasNextPage && (
          <p>
            <button type="button" className="button button-secondary" disabled={reports.isFetchingNextPage} onClick={() => void reports.fetchNextPage()}>
              {t('moderation.showMore')}
            </button>
          </p>
        )}
      </>
    );
  return (
    <>
      <div role="status" tabIndex={-1} ref={announcer} data-testid="queue-status">
        {done && <p className="notice">{done}</p>}
      </div>
      {list}
    </>
  );
}
