/**
 * Answers to occurrences: going, not going, the wait-list, and telling those a freed place
 * went to. Internal to the sessions module; its functions are part of the sessions service.
 */
import { isLocale } from '../../../shared/locale.ts';
import { formatWhen } from '../../../shared/datetime-format.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { renderMail } from '../../platform/mail/render.ts';
import type { RsvpStatus, SessionContext, SessionsDeps } from './session-context.ts';
import { promoteWaitlist, type Promotion } from './sessions.hooks.ts';
import * as repo from './sessions.repository.ts';

export function createRsvpsService(deps: SessionsDeps, context: SessionContext) {
  const { db, groups } = deps;
  const { loadSessionAsMember, lockSession, requireOccurrence } = context;

  /**
   * Mails each person promoted from a wait-list, in their language and with the time in
   * their zone. Called once the promoting transaction has committed. Someone whose answer
   * is no longer "going" by then is not told; the dedupe key carries the promotion's time,
   * so telling twice about one promotion records one mail while a later promotion (after
   * giving the place up and queueing again) gets its own.
   */
  async function notifyPromoted(promotions: readonly Promotion[]): Promise<void> {
    for (const p of promotions) {
      if (p.userIds.length === 0) continue;
      const session = await repo.findSession(db, p.sessionId);
      if (!session) continue;
      const group = await groups.describeGroup(session.group_id);
      if (!group) continue;
      for (const userId of p.userIds) {
        const answer = await repo.findRsvpWithContact(db, session.id, p.occurrence, userId);
        if (!answer || answer.status !== 'going') continue;
        const locale = isLocale(answer.locale) ? answer.locale : 'en';
        const startsAt = Date.parse(answer.starts_at);
        const url = `${deps.appUrl}/sessions/${session.id}?occurrence=${encodeURIComponent(new Date(startsAt).toISOString())}`;
        const mail = renderMail(
          locale,
          { subject: 'mail.promoted.subject', body: 'mail.promoted.body', action: 'mail.promoted.action' },
          { name: answer.display_name, session: session.title, group: group.name, when: formatWhen(startsAt, locale, session.time_zone, answer.time_zone) },
          url,
        );
        await deps.mailer.send({
          ...mail,
          to: answer.email,
          kind: 'session-promoted',
          // Re-checked at send time: someone who left the group meanwhile is not mailed.
          recipientId: userId,
          groupId: session.group_id,
          dedupeKey: `promoted:${session.id}:${p.occurrence}:${userId}:${answer.updated_at}`,
        });
      }
    }
  }

  return {
    notifyPromoted,

    /**
     * Going or not going to one occurrence. When it is full, "going" joins the wait-list;
     * when someone going withdraws, the first on the wait-list gets the place (and a mail).
     */
    async rsvp(actor: Actor, id: string, instant: number, wanted: 'going' | 'not-going'): Promise<RsvpStatus> {
      const { session } = await loadSessionAsMember(actor, id);
      const occurrence = await requireOccurrence(session, instant);
      if (occurrence.status === 'cancelled') throw new AppError('OCCURRENCE_CANCELLED');
      if (occurrence.endsAt <= deps.clock.now().getTime()) throw new AppError('OCCURRENCE_PAST');
      const now = deps.clock.now().toISOString();
      const { status, promoted } = await db.transaction().execute(async (trx) => {
        await lockSession(trx, id);
        const current = await repo.findRsvp(trx, id, occurrence.occurrence, actor.id);
        const row = {
          session_id: id,
          occurrence: occurrence.occurrence,
          user_id: actor.id,
          starts_at: new Date(occurrence.startsAt).toISOString(),
          updated_at: now,
        };
        if (wanted === 'going') {
          if (current && current.status !== 'not-going') return { status: current.status as RsvpStatus, promoted: [] as string[] };
          const full = session.capacity != null && (await repo.countGoing(trx, id, occurrence.occurrence)) >= session.capacity;
          const status: RsvpStatus = full ? 'waitlisted' : 'going';
          await repo.upsertRsvp(trx, { ...row, status, queued_at: now });
          return { status, promoted: [] as string[] };
        }
        await repo.upsertRsvp(trx, { ...row, status: 'not-going', queued_at: current?.queued_at ?? now });
        const promoted = current?.status === 'going' ? await promoteWaitlist(trx, session, occurrence.occurrence, now) : [];
        return { status: 'not-going' as RsvpStatus, promoted };
      });
      await notifyPromoted([{ sessionId: id, occurrence: occurrence.occurrence, userIds: promoted }]);
      return status;
    },
  };
}
