/**
 * Comments on a session's recap: one thread per occurrence, made by the first comment.
 * Internal to discussions; part of the discussions service.
 */
import { randomUUID } from 'node:crypto';
import { formatInstant } from '../../../shared/datetime-format.ts';
import { isLocale, type Locale } from '../../../shared/locale.ts';
import type { CommentView, ThreadView } from '../../../shared/api/discussions.schemas.ts';
import type { Db } from '../../platform/db/database.ts';
import { parseStringList } from '../../platform/db/json-list.ts';
import type { Actor } from '../../platform/http/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError, notFound } from '../../platform/http/app-error.ts';
import { translate } from '../../platform/i18n/messages.ts';
import { occurrenceAt, scheduleOf } from '../sessions/occurrences.ts';
import type { SessionsService } from '../sessions/sessions.service.ts';
import type { PostedEvent } from './discussions.events.ts';
import { isClosed, presentComment, type Access, type PostSource } from './discussion-views.ts';
import * as repo from './discussions.repository.ts';

/** What the recaps take from the discussions service. */
export interface RecapContext {
  sessions: SessionsService;
  db: Db;
  newMessageId: (kind: 'thread' | 'comment', id: string) => string;
  clock: Clock;
  presentOne: (row: repo.WithAuthor<repo.ThreadRow>, access: Access) => Promise<ThreadView>;
  commentsOf: (threadId: string, canSeeHidden: boolean) => Promise<CommentView[]>;
  insertCommentTx: (
    trx: Db,
    thread: repo.ThreadRow,
    userId: string,
    body: string,
    source: PostSource,
    messageId: string | null,
  ) => Promise<repo.CommentRow | null>;
  announce: (event: PostedEvent) => Promise<void>;
}

export function createRecapsService(context: RecapContext) {
  const { db, sessions, clock, newMessageId, presentOne, commentsOf, insertCommentTx, announce } = context;

  /** The session, the group and the occurrence behind a recap, for an active member. */
  async function loadRecap(actor: Actor, sessionId: string, instant: number) {
    const { session, group, can } = await sessions.loadVisibleSession(actor, sessionId, 'member');
    const { exceptions } = await sessions.sessionsWithExceptions([group.id]);
    const occurrence = occurrenceAt(
      scheduleOf(session),
      exceptions.filter((e) => e.session_id === session.id),
      instant,
    );
    if (!occurrence) throw notFound();
    const access: Access = { group, canSeeHidden: can.canSeeHidden };
    return { session, group, occurrence, access };
  }

  return {
    /**
     * The comments on one occurrence's recap (active members; the occurrence must exist):
     * `thread` is null until someone comments.
     */
    async viewRecapComments(actor: Actor, sessionId: string, instant: number): Promise<{ thread: ThreadView | null; comments: CommentView[] }> {
      const { session, occurrence, access } = await loadRecap(actor, sessionId, instant);
      const thread = await repo.findRecapThread(db, session.id, occurrence.occurrence);
      if (!thread) return { thread: null, comments: [] };
      const [view, comments] = await Promise.all([presentOne(thread, access), commentsOf(thread.id, access.canSeeHidden)]);
      return { thread: view, comments };
    },

    /**
     * Comments on one occurrence's recap. The first comment creates the occurrence's thread,
     * titled with the session's title and date on the group's clock (in the group's language
     * when it is one of ours); two first comments at once share one thread.
     */
    async commentOnRecap(actor: Actor, sessionId: string, instant: number, input: { body: string }): Promise<{ comment: CommentView; threadId: string }> {
      const { session, group, occurrence, access } = await loadRecap(actor, sessionId, instant);
      const language = parseStringList(group.languages).find((l) => isLocale(l));
      const locale: Locale = language && isLocale(language) ? language : actor.locale;
      const date = formatInstant(occurrence.startsAt, locale, group.time_zone ?? session.time_zone, 'longDate');
      const { thread, row } = await db.transaction().execute(async (trx) => {
        const now = clock.now().toISOString();
        const id = randomUUID();
        await repo.insertRecapThread(trx, {
          id,
          group_id: group.id,
          author_id: null,
          title: translate(locale, 'discussions.recapTitle', { session: session.title, date }),
          body: '',
          session_id: session.id,
          occurrence: occurrence.occurrence,
          locked_at: null,
          locked_by: null,
          hidden_at: null,
          hidden_by: null,
          deleted_at: null,
          source: 'web',
          message_id: newMessageId('thread', id),
          comment_count: 0,
          last_activity_at: now,
          created_at: now,
          updated_at: now,
          edited_at: null,
        });
        const recap = await repo.findRecapThread(trx, session.id, occurrence.occurrence);
        if (!recap) throw notFound();
        if (isClosed(recap)) throw new AppError('THREAD_LOCKED');
        return { thread: recap, row: await insertCommentTx(trx, recap, actor.id, input.body, 'web', null) };
      });
      if (!row) throw new AppError('CONFLICT');
      await announce({
        kind: 'comment',
        groupId: group.id,
        threadId: thread.id,
        commentId: row.id,
        authorId: actor.id,
        source: 'web',
        messageId: row.message_id,
        threadMessageId: thread.message_id,
        createdAt: row.created_at,
      });
      const saved = await repo.findComment(db, row.id);
      if (!saved) throw notFound();
      return { comment: presentComment(saved, access.canSeeHidden), threadId: thread.id };
    },
  };
}
