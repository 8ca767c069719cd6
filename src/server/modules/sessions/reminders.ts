/**
 * Reminders: an e-mail 24 hours before each occurrence a member said they would attend, in
 * their language, with times in their zone and the occurrence as an .ics attachment.
 *
 * Two durable jobs. A sweep (every 5 minutes) enqueues one reminder job per "going" answer
 * whose occurrence starts within the next day, due 24 hours before it; the job's dedupe key
 * makes that enqueueing happen once. The reminder job re-checks everything when it runs
 * (still a member, still going, occurrence still on and not moved away) and records the mail
 * in the outbox under a dedupe key per member and occurrence: sent exactly once, even if the
 * job runs twice after a crash.
 */
import { z } from 'zod';
import { isLocale, type Locale } from '../../../shared/locale.ts';
import { formatWhen } from '../../../shared/datetime-format.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import { enqueueJob } from '../../platform/jobs/job-queue.ts';
import { PermanentJobError, type JobHandler } from '../../platform/jobs/job-worker.ts';
import type { MailAttachment } from '../../platform/mail/outbox-writer.ts';
import { renderMail } from '../../platform/mail/render.ts';
import * as groupPolicy from '../groups/groups.policy.ts';
import type { GroupsService } from '../groups/groups.service.ts';
import { occurrenceAt, scheduleOf, type OccurrenceView } from './occurrences.ts';
import * as repo from './sessions.repository.ts';
import type { SessionsService } from './sessions.service.ts';

const REMINDER_SWEEP = 'sessions.reminders.sweep';
const REMINDER = 'sessions.reminder';
const LEAD_MS = 24 * 3_600_000;
const SWEEP_EVERY_MS = 5 * 60_000;
/** A job that finds its occurrence moved further away than this leaves it to a later sweep. */
const SLACK_MS = 2 * SWEEP_EVERY_MS;

const ReminderPayload = z.object({ sessionId: z.string(), occurrence: z.string(), userId: z.string() });

export type OccurrenceAttachment = (session: repo.SessionRow, occurrence: OccurrenceView, groupName: string, locale: Locale) => MailAttachment;

export function createReminders(deps: ServiceDeps & { groups: GroupsService; sessions: SessionsService; attachment: OccurrenceAttachment }) {
  const { db } = deps;

  const sweep: JobHandler = async (_payload, { now }) => {
    const until = new Date(now.getTime() + LEAD_MS + SWEEP_EVERY_MS);
    for (const r of await repo.listGoingStartingBetween(db, now.toISOString(), until.toISOString())) {
      const startsAt = Date.parse(r.starts_at);
      await enqueueJob(
        db,
        {
          kind: REMINDER,
          payload: { sessionId: r.session_id, occurrence: r.occurrence, userId: r.user_id },
          runAt: new Date(Math.max(now.getTime(), startsAt - LEAD_MS)),
          // The start is part of the key: an occurrence moved later is swept again for its new time.
          dedupeKey: `reminder:${r.session_id}:${r.occurrence}:${r.user_id}:${r.starts_at}`,
        },
        now,
      );
    }
  };

  const remind: JobHandler = async (payload, { now }) => {
    const parsed = ReminderPayload.safeParse(payload);
    if (!parsed.success) throw new PermanentJobError('malformed reminder payload');
    const { sessionId, occurrence, userId } = parsed.data;
    const session = await repo.findSession(db, sessionId);
    if (!session) return;
    if (!groupPolicy.isActiveMember(await deps.groups.membershipOf(session.group_id, userId))) return;
    const answer = await repo.findRsvpWithContact(db, sessionId, occurrence, userId);
    if (!answer || answer.status !== 'going') return;
    const current = occurrenceAt(scheduleOf(session), await repo.listExceptions(db, [sessionId]), Date.parse(answer.starts_at));
    if (!current || current.occurrence !== occurrence || current.status === 'cancelled') return;
    if (current.startsAt <= now.getTime() || current.startsAt - now.getTime() > LEAD_MS + SLACK_MS) return;

    const group = await deps.groups.describeGroup(session.group_id);
    if (!group) return;
    const locale = isLocale(answer.locale) ? answer.locale : 'en';
    const mail = renderMail(
      locale,
      { subject: 'mail.reminder.subject', body: 'mail.reminder.body', action: 'mail.reminder.action' },
      {
        name: answer.display_name,
        session: session.title,
        group: group.name,
        when: formatWhen(current.startsAt, locale, session.time_zone, answer.time_zone),
        where: deps.sessions.translateWhere(locale, session),
      },
      `${deps.appUrl}/sessions/${sessionId}?occurrence=${encodeURIComponent(new Date(current.startsAt).toISOString())}`,
    );
    await deps.mailer.send({
      ...mail,
      to: answer.email,
      kind: 'session-reminder',
      attachments: [deps.attachment(session, current, group.name, locale)],
      dedupeKey: `reminder:${sessionId}:${occurrence}:${userId}`,
    });
  };

  return {
    handlers: { [REMINDER_SWEEP]: sweep, [REMINDER]: remind },
    every: [{ kind: REMINDER_SWEEP, everyMs: SWEEP_EVERY_MS }],
  };
}
