import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../components/Field.tsx';
import { MultilineText } from '../../components/MultilineText.tsx';
import { LoadError, Loading } from '../../components/QueryStates.tsx';
import { usePostTime } from '../discussions/discussion-format.ts';
import { useMembers } from '../memberships/membership-queries.ts';
import { BanButton } from './BanButton.tsx';
import { useBans, useUnbanMember } from './moderation-queries.ts';

/** Ban someone who is a member now (they are picked by name, never by e-mail). */
function BanMemberForm({ slug, viewerId, onBanned }: { slug: string; viewerId: string; onBanned: (name: string) => void }) {
  const { t } = useTranslation();
  const members = useMembers(slug, true);
  const [userId, setUserId] = useState('');
  const candidates = (members.data ?? []).filter((m) => m.userId !== viewerId);
  const chosen = candidates.find((m) => m.userId === userId);

  if (members.isPending) return <Loading />;
  if (members.isError) return <LoadError error={members.error} onRetry={() => void members.refetch()} />;
  if (candidates.length === 0) return <p className="muted">{t('moderation.bans.noMembers')}</p>;
  return (
    <div className="ban-member">
      <SelectField id="ban-member" label={t('moderation.bans.member')} value={userId} onChange={(e) => setUserId(e.target.value)}>
        <option value="">{t('moderation.bans.choose')}</option>
        {candidates.map((m) => (
          <option key={m.userId} value={m.userId}>
            {m.displayName}
          </option>
        ))}
      </SelectField>
      {chosen && (
        <BanButton
          slug={slug}
          person={{ id: chosen.userId, displayName: chosen.displayName }}
          onBanned={() => {
            setUserId('');
            onBanned(chosen.displayName);
          }}
        />
      )}
    </div>
  );
}

/** Who is banned from the group, why and by whom; lifting a ban lets them join again. */
export function BansSection({ slug, viewerId, canListMembers }: { slug: string; viewerId: string; canListMembers: boolean }) {
  const { t } = useTranslation();
  const when = usePostTime();
  const bans = useBans(slug);
  const unban = useUnbanMember(slug);
  const [done, setDone] = useState<string | null>(null);
  const announcer = useRef<HTMLDivElement>(null);

  function announce(message: string) {
    setDone(message);
    // The button pressed is gone with its row (or its choice): keep the keyboard here.
    announcer.current?.focus();
  }

  return (
    <>
      <section className="section" aria-labelledby="bans-title">
        <h2 id="bans-title">{t('moderation.bans.title')}</h2>
        <div role="status" tabIndex={-1} ref={announcer}>
          {done && <p className="notice">{done}</p>}
        </div>
        {unban.error && (
          <p className="error-inline" role="alert">
            {unban.error.message}
          </p>
        )}
        {bans.isPending ? (
          <Loading />
        ) : bans.isError ? (
          <LoadError error={bans.error} onRetry={() => void bans.refetch()} />
        ) : bans.data.length === 0 ? (
          <p className="empty">{t('moderation.bans.empty')}</p>
        ) : (
          <ul className="people" data-testid="bans">
            {bans.data.map((ban) => (
              <li key={ban.user.id}>
                <div className="person">
                  <span className="person-name">
                    <bdi>{ban.user.displayName}</bdi>
                  </span>
                  <span className="person-detail">
                    {t('moderation.bans.since', { when: when(ban.createdAt) })}
                    {ban.bannedBy && ` · ${t('moderation.log.by', { name: ban.bannedBy.displayName })}`}
                  </span>
                  {ban.reason && <MultilineText text={ban.reason} className="person-detail" />}
                </div>
                <div className="person-actions">
                  <button
                    type="button"
                    className="button button-secondary button-small"
                    disabled={unban.isPending}
                    onClick={() => unban.mutate(ban.user.id, { onSuccess: () => announce(t('moderation.bans.lifted', { name: ban.user.displayName })) })}
                  >
                    {t('moderation.bans.unban', { name: ban.user.displayName })}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
      {/* A platform moderator who is not a member cannot list members: they ban from the queue. */}
      {canListMembers && (
        <section className="section" aria-labelledby="ban-someone-title">
          <h2 id="ban-someone-title">{t('moderation.bans.banSomeone')}</h2>
          <p className="muted">{t('moderation.bans.banSomeoneHint')}</p>
          <BanMemberForm slug={slug} viewerId={viewerId} onBanned={(name) => announce(t('moderation.ban.done', { name }))} />
        </section>
      )}
    </>
  );
}
