/**
 * The e-mail group: a group's discussions as a mailing list.
 *
 * Out: each new thread and comment is mailed to the members who follow the group post by
 * post ("email-each"), one recipient per message, from "Author via Entraide" <slug@MAIL_DOMAIN>,
 * with List-* headers, one-click unsubscribe (RFC 8058), threading headers and a personal
 * Reply-To (reply+<signed token>@MAIL_DOMAIN). Members on "email-digest" get one mail a day,
 * at 08:00 on their own clock, with what was said since the last one.
 *
 * In: a reply to a personal address posts a comment by that member (quotes and signature
 * stripped); a mail to the group's address from a member's account address starts a thread
 * (or comments, when it answers a known message). Machines (auto-replies, bounces, our own
 * mail coming back) and non-members post nothing. Everything goes through the discussions
 * service, so membership, bans, locks and validation are the web's.
 *
 * Fan-out runs as a job per post (enqueued when `discussion.posted` fires after the commit),
 * and each message is an outbox row keyed by (post, recipient), so retries, restarts and a
 * second worker never mail anyone twice; the mailer re-checks membership and the post's
 * visibility when it finally sends.
 */
import { POST_LIMITS } from '../../../shared/limits.ts';
import { isLocale, type Locale } from '../../../shared/locale.ts';
import { instantToLocal } from '../../../shared/zoned-time.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { enqueueJob, enqueueJobs } from '../../platform/jobs/job-queue.ts';
import { PermanentJobError, type JobHandler } from '../../platform/jobs/job-worker.ts';
import type { InboundMail, InboundMailHandler } from '../../platform/mail/inbound-server.ts';
import { mailingListHeaders } from '../../platform/mail/list-headers.ts';
import type { OutgoingMail } from '../../platform/mail/outbox-writer.ts';
import { renderMail } from '../../platform/mail/render.ts';
import { extractReply, isAutomatic } from '../../platform/mail/reply-text.ts';
import { signAddressToken, signToken, verifyAddressToken, verifyToken } from '../../platform/security/signed-tokens.ts';
import type { DiscussionsService } from '../discussions/discussions.service.ts';
import { translate } from '../../platform/i18n/messages.ts';
import { listPostsSince } from '../discussions/discussions.hooks.ts';
import { findActiveGroupBySlug, findGroupSummary } from '../groups/groups.hooks.ts';
import * as members from '../groups/memberships.hooks.ts';
import { bannedAmong } from '../moderation/moderation.hooks.ts';
import * as repo from './email-group.repository.ts';
import { renderDigestMail, renderPostMail, type DigestEntry } from './email-group.mail.ts';

const FAN_OUT = 'discussions.fanout';
const DIGEST = 'discussions.digest';
const FAN_OUT_SWEEP = 'discussions.fanout-sweep';
/** How far back the sweep looks for posts whose fan-out was never queued. */
const SWEEP_WINDOW_MS = 2 * 3_600_000;
const SWEEP_EVERY_MS = 5 * 60_000;
/** Digests leave at this hour on each member's own clock. */
const DIGEST_HOUR = 8;
const HOUR = 3_600_000;
const SEND_BATCH = 1000;
const REPLY_PREFIX = 'reply+';
// A list address is a group slug; private and missing groups answer the same at RCPT time.
const SLUG_LOCAL_PART = /^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$/;
// Unsubscribe links sign the reply token's id with a prefix of their own: a reply address
// is never an unsubscribe link, nor the reverse.
const UNSUBSCRIBE_PREFIX = 'u-';

export interface EmailGroupDeps extends ServiceDeps {
  discussions: DiscussionsService;
  /** MAIL_DOMAIN: list and reply addresses, List-Id. */
  mailDomain: string;
  log: { info(obj: object, msg: string): void; warn(obj: object, msg: string): void };
}

interface FanOutPayload {
  threadId: string;
  commentId: string | null;
}

function isFanOutPayload(p: unknown): p is FanOutPayload {
  if (typeof p !== 'object' || p === null) return false;
  const o = p as Record<string, unknown>;
  return typeof o.threadId === 'string' && (o.commentId === null || typeof o.commentId === 'string');
}

const localeOf = (l: string): Locale => (isLocale(l) ? l : 'en');

/** `YYYY-MM-DDTHH:MM` on a zone's clock (the shared, cached conversion); bad zones count as UTC. */
function localClock(instant: Date, timeZone: string): string {
  try {
    return instantToLocal(instant.getTime(), timeZone);
  } catch {
    return instant.toISOString().slice(0, 16);
  }
}

/** `Re: [Group] Title` → `Title`, for threads started by mail. */
export function titleFromSubject(subject: string): string {
  let title = subject.replace(/[\r\n\t]+/g, ' ').trim();
  for (;;) {
    const next = title.replace(/^(?:(?:re|fw|fwd|tr|réf|ref|aw|sv|antw)\s*(?:\[\d+\])?\s*:|\[[^\]]{0,100}\])\s*/iu, '');
    if (next === title) break;
    title = next;
  }
  return [...title].slice(0, POST_LIMITS.title).join('').trim();
}

export function createEmailGroup(deps: EmailGroupDeps) {
  const { db, mailer, discussions, mailDomain, appUrl } = deps;

  // Banned people have no membership, so these filters are belt and braces: a ban and a
  // membership that somehow coexist still get no mail and post nothing.
  async function withoutBanned<M extends { user_id: string }>(groupId: string, list: M[]): Promise<M[]> {
    const banned = await bannedAmong(
      db,
      groupId,
      list.map((m) => m.user_id),
    );
    return banned.size === 0 ? list : list.filter((m) => !banned.has(m.user_id));
  }
  const unlessBanned = async (member: members.MailMember | undefined, groupId: string) =>
    member && (await withoutBanned(groupId, [member])).length > 0 ? member : undefined;
  const groupAddress = (slug: string) => `${slug}@${mailDomain}`;
  const replyAddress = (tokenId: string) => `${REPLY_PREFIX}${signAddressToken(tokenId)}@${mailDomain}`;
  const unsubscribeUrl = (tokenId: string) => `${appUrl}/unsubscribe/${signToken(UNSUBSCRIBE_PREFIX + tokenId)}`;
  const threadUrl = (threadId: string) => `${appUrl}/threads/${threadId}`;
  const listHeaders = (group: { slug: string; name: string }, tokenId: string) =>
    mailingListHeaders({
      id: `${group.slug}.${mailDomain}`,
      name: group.name,
      unsubscribeUrl: unsubscribeUrl(tokenId),
      postAddress: groupAddress(group.slug),
      archiveUrl: `${appUrl}/groups/${group.slug}/discussions`,
    });

  /** Mails one post to every "email-each" member but its author. */
  const fanOut: JobHandler = async (payload, { now }) => {
    if (!isFanOutPayload(payload)) throw new PermanentJobError('malformed fan-out payload');
    const post = await discussions.describePost(payload);
    if (!post || post.withdrawn) return;
    const kind = post.comment ? 'comment' : 'thread';
    const recipients = await withoutBanned(post.group.id, await members.listEachPostRecipients(db, post.group.id, post.author?.id ?? null));
    if (recipients.length === 0) return;
    const tokens = await repo.replyTokensFor(
      db,
      post.group.id,
      recipients.map((r) => r.user_id),
      now.toISOString(),
    );
    const postId = post.comment?.id ?? post.thread.id;
    const messageId = post.comment?.messageId ?? post.thread.messageId;
    const authorName = post.author?.displayName ?? '';
    for (let i = 0; i < recipients.length; i += SEND_BATCH) {
      const mails: OutgoingMail[] = recipients.slice(i, i + SEND_BATCH).map((r) => {
        const tokenId = tokens.get(r.user_id)!;
        const rendered = renderPostMail({
          locale: localeOf(r.locale),
          timeZone: r.time_zone,
          group: post.group,
          thread: post.thread,
          kind,
          authorName,
          body: post.body,
          html: post.html,
          createdAt: post.createdAt,
          threadUrl: threadUrl(post.thread.id),
          unsubscribeUrl: unsubscribeUrl(tokenId),
        });
        return {
          ...rendered,
          to: r.email,
          kind: 'discussion.post',
          dedupeKey: `post:${postId}:${r.user_id}`,
          fromName: authorName,
          fromAddress: groupAddress(post.group.slug),
          replyTo: replyAddress(tokenId),
          // Every copy of a post is the same message: one Message-ID, as mailing lists do.
          messageId,
          ...(kind === 'comment' ? { inReplyTo: post.thread.messageId, references: [post.thread.messageId] } : {}),
          headers: listHeaders(post.group, tokenId),
          recipientId: r.user_id,
          groupId: post.group.id,
          subjectId: postId,
        };
      });
      await mailer.sendMany(mails);
    }
  };

  /** Hourly: members whose clock reads 08:xx get what was said since their last digest. */
  const digest: JobHandler = async (_payload, { now }) => {
    const until = now.toISOString();
    // Many members follow the same group: read each group once per run, not once per member.
    const groups = new Map<string, Awaited<ReturnType<typeof findGroupSummary>>>();
    for (const m of await members.listDigestMembers(db)) {
      const since = m.digested_until ?? m.joined_at ?? until;
      // Due at 08:00 local, or whenever a digest is overdue (the worker was down at 08:00).
      const overdue = now.getTime() - Date.parse(since) > 26 * HOUR;
      const clock = localClock(now, m.time_zone);
      if (Number(clock.slice(11, 13)) !== DIGEST_HOUR && !overdue) continue;
      if (now.getTime() - Date.parse(since) < 12 * HOUR && !overdue) continue;
      if (!groups.has(m.group_id)) groups.set(m.group_id, await findGroupSummary(db, m.group_id));
      const group = groups.get(m.group_id);
      if (!group) continue;
      const posts = await discussions.listPostsBetween(m.group_id, since, until);
      const entries: DigestEntry[] = [
        ...posts.threads
          .filter((t) => t.author?.id !== m.user_id)
          .map((t) => ({
            kind: 'thread' as const,
            title: t.title,
            authorName: t.author?.displayName ?? '',
            createdAt: t.createdAt,
            body: t.body,
            url: threadUrl(t.id),
          })),
        ...posts.comments
          .filter((c) => c.author?.id !== m.user_id)
          .map((c) => ({
            kind: 'comment' as const,
            title: c.threadTitle,
            authorName: c.author?.displayName ?? '',
            createdAt: c.createdAt,
            body: c.body,
            url: `${threadUrl(c.threadId)}#comment-${c.id}`,
          })),
      ].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
      if (entries.length > 0) {
        const [tokenId] = [...(await repo.replyTokensFor(db, m.group_id, [m.user_id], until)).values()];
        const rendered = renderDigestMail({
          locale: localeOf(m.locale),
          timeZone: m.time_zone,
          name: m.display_name,
          group,
          entries,
          discussionsUrl: `${appUrl}/groups/${group.slug}/discussions`,
          unsubscribeUrl: unsubscribeUrl(tokenId!),
        });
        await mailer.send({
          ...rendered,
          to: m.email,
          kind: 'discussion.digest',
          dedupeKey: `digest:${m.group_id}:${m.user_id}:${clock.slice(0, 10)}`,
          fromAddress: groupAddress(group.slug),
          fromName: group.name,
          replyTo: replyAddress(tokenId!),
          headers: listHeaders(group, tokenId!),
          recipientId: m.user_id,
          groupId: m.group_id,
        });
      }
      await members.setDigestedUntil(db, m.group_id, m.user_id, until);
    }
  };

  const fanOutJob = (post: FanOutPayload) => ({ kind: FAN_OUT, payload: post, dedupeKey: `fanout:${post.commentId ?? post.threadId}` });

  /**
   * The event that queues a fan-out lives in memory: a crash between a post's commit and its
   * listener would lose that post's mail. Every few minutes, recent posts are queued again;
   * the dedupe key makes that a no-op for every post whose fan-out already exists.
   */
  const sweep: JobHandler = async (_payload, { now }) => {
    const posts = await listPostsSince(db, new Date(now.getTime() - SWEEP_WINDOW_MS).toISOString());
    if (posts.length > 0) await enqueueJobs(db, posts.map(fanOutJob), now);
  };

  /** Tells a member, in their language, why their mail was not posted (members only: no backscatter). */
  async function refuse(
    member: members.MailMember,
    group: { slug: string; name: string },
    mail: InboundMail,
    reason: 'locked' | 'empty' | 'invalid' | 'other',
  ) {
    const locale = localeOf(member.locale);
    const rendered = renderMail(
      locale,
      { subject: 'mail.refused.subject', body: 'mail.refused.body', action: 'mail.refused.action' },
      { name: member.display_name, group: group.name, subject: mail.subject.slice(0, 200), reason: translate(locale, `mail.refused.${reason}`) },
      `${appUrl}/groups/${group.slug}`,
    );
    await mailer.send({
      ...rendered,
      to: member.email,
      kind: 'discussion.refused',
      // Once per inbound message, however often the sender's server retries it.
      ...(mail.messageId ? { dedupeKey: `refused:${mail.messageId.slice(0, 300)}:${member.user_id}` } : {}),
      headers: { 'Auto-Submitted': 'auto-replied' },
      recipientId: member.user_id,
    });
  }

  /** Posts one inbound mail as `member` in `group`: a comment when it answers a known message, else a thread. */
  async function post(member: members.MailMember, group: { id: string; slug: string; name: string }, mail: InboundMail): Promise<void> {
    const body = extractReply(mail.text);
    if (body.trim() === '') return refuse(member, group, mail, 'empty');
    const options = { source: 'email' as const, ...(mail.messageId ? { messageId: mail.messageId } : {}) };
    const poster = { id: member.user_id, isPlatformModerator: member.is_admin === 1 || member.is_moderator === 1 };
    const threadId = await discussions.findThreadForReply(group.id, [...(mail.inReplyTo ? [mail.inReplyTo] : []), ...mail.references]);
    try {
      if (threadId) {
        await discussions.postComment(poster, threadId, { body: [...body].slice(0, POST_LIMITS.body).join('') }, options);
      } else {
        const title = titleFromSubject(mail.subject) || translate(localeOf(member.locale), 'mail.post.noSubject');
        await discussions.postThread(poster, { id: group.id }, { title, body: [...body].slice(0, POST_LIMITS.body).join('') }, options);
      }
    } catch (err) {
      if (!(err instanceof AppError)) throw err; // temporary trouble: the SMTP answer is 451, the sender retries
      deps.log.info({ code: err.code, groupId: group.id }, 'inbound mail not posted');
      if (err.code === 'THREAD_LOCKED') return refuse(member, group, mail, 'locked');
      if (err.code === 'VALIDATION') return refuse(member, group, mail, 'invalid');
      if (err.code === 'NOT_FOUND' || err.code === 'FORBIDDEN' || err.code === 'BANNED') return; // no longer a member
      return refuse(member, group, mail, 'other');
    }
  }

  /** The member and group a personal reply address stands for, if still valid. */
  async function replyTarget(localPart: string) {
    const tokenId = verifyAddressToken(localPart.slice(REPLY_PREFIX.length));
    if (!tokenId) return null;
    const token = await repo.findReplyToken(db, tokenId);
    if (!token || token.revoked_at) return null;
    const group = await findGroupSummary(db, token.group_id);
    if (!group || group.status !== 'active') return null;
    const member = await unlessBanned(await members.findMailMember(db, token.group_id, token.user_id), token.group_id);
    return member ? { member, group } : null;
  }

  const inbound: InboundMailHandler = {
    async acceptsRecipient(address) {
      const local = address.slice(0, address.lastIndexOf('@'));
      if (local.toLowerCase().startsWith(REPLY_PREFIX)) return (await replyTarget(local)) !== null;
      return SLUG_LOCAL_PART.test(local.toLowerCase());
    },
    async onMail(mail) {
      if (isAutomatic(mail)) {
        deps.log.info({ messageId: mail.messageId ? 'present' : 'absent' }, 'automatic inbound mail ignored');
        return;
      }
      for (const address of new Set(mail.to)) {
        const local = address.slice(0, address.lastIndexOf('@'));
        if (local.toLowerCase().startsWith(REPLY_PREFIX)) {
          const target = await replyTarget(local);
          if (target) await post(target.member, target.group, mail);
          continue;
        }
        const group = await findActiveGroupBySlug(db, local.toLowerCase());
        // The sender is known by the From address of their account; anyone else posts nothing.
        const member = group && mail.from ? await unlessBanned(await members.findMailMemberByEmail(db, group.id, mail.from.address), group.id) : undefined;
        if (group && member) await post(member, group, mail);
      }
    },
  };

  /** The group and the member an unsubscribe link stands for (null when not ours or gone). */
  async function unsubscribeTarget(token: string) {
    const signed = verifyToken(token);
    if (!signed || !signed.startsWith(UNSUBSCRIBE_PREFIX)) return null;
    const row = await repo.findReplyToken(db, signed.slice(UNSUBSCRIBE_PREFIX.length));
    if (!row) return null;
    const group = await findGroupSummary(db, row.group_id);
    return group ? { row, group } : null;
  }

  return {
    handlers: { [FAN_OUT]: fanOut, [DIGEST]: digest, [FAN_OUT_SWEEP]: sweep } as Record<string, JobHandler>,
    every: [
      { kind: DIGEST, everyMs: HOUR },
      { kind: FAN_OUT_SWEEP, everyMs: SWEEP_EVERY_MS },
    ],
    inbound,

    /** Subscribes the fan-out to new posts: one durable job per post, enqueued after its commit. */
    listen(): void {
      deps.events.on('discussion.posted', async (e) => {
        await enqueueJob(db, fanOutJob({ threadId: e.threadId, commentId: e.commentId }), deps.clock.now());
      });
    },

    /** What an unsubscribe link is about, for the confirmation page (no account needed). */
    async describeUnsubscribe(token: string): Promise<{ group: { name: string } }> {
      const target = await unsubscribeTarget(token);
      if (!target) throw new AppError('NOT_FOUND');
      return { group: { name: target.group.name } };
    },

    /**
     * One-click unsubscribe (RFC 8058): the member follows the group on the web from now on.
     * Idempotent; works without signing in, since the link itself is the proof.
     */
    async unsubscribe(token: string, locale: Locale): Promise<{ delivery: 'web'; message: string }> {
      const target = await unsubscribeTarget(token);
      if (!target) throw new AppError('NOT_FOUND');
      await members.setDelivery(db, target.row.group_id, target.row.user_id, 'web');
      return { delivery: 'web', message: translate(locale, 'unsubscribe.done', { group: target.group.name }) };
    },
  };
}

export type EmailGroup = ReturnType<typeof createEmailGroup>;
