import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { MultilineText } from '../../components/MultilineText.tsx';
import { NotFoundPage } from '../../components/NotFoundPage.tsx';
import { noticeState } from '../../components/notice.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { LoadError, Loading } from '../../components/QueryStates.tsx';
import { useFormatInstant } from '../../i18n/format.ts';
import { withNext } from '../accounts/safe-next.ts';
import { useMe } from '../accounts/session.ts';
import { groupPath, useGroupWording } from '../groups/group-labels.ts';
import { LeaderList } from '../groups/LeaderList.tsx';
import { useCharterConsent } from './charter-consent.ts';
import { CharterConsentField } from './CharterConsentField.tsx';
import { useAcceptInvitation, useInvitation } from './membership-queries.ts';

/** An invitation link: read the group and its charter (signed out too), then join. */
export function InvitationPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const me = useMe();
  const invitation = useInvitation(token);
  const accept = useAcceptInvitation(token);
  const format = useFormatInstant(me.data?.timeZone);
  const wording = useGroupWording();
  const consent = useCharterConsent(accept.error);

  if (invitation.isPending || me.isPending) return <Loading />;
  if (invitation.isError) {
    if (isApiError(invitation.error, 404)) return <NotFoundPage title={t('invitation.invalidTitle')} body={t('invitation.invalidBody')} />;
    return <LoadError error={invitation.error} onRetry={() => void invitation.refetch()} />;
  }

  const { group, expiresAt } = invitation.data;
  const here = `/invitations/${encodeURIComponent(token)}`;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!consent.confirm()) return;
    accept.mutate(group.slug, {
      onSuccess: (membership) => navigate(groupPath(group.slug), { state: noticeState(membership.status === 'pending' ? 'requested' : 'joined') }),
    });
  }

  const title = t('invitation.title', { name: group.name });
  return (
    <div className="reading">
      <PageHeading title={title}>{title}</PageHeading>
      <p className="lead">{t('invitation.intro')}</p>
      <p className="muted">{t('invitation.validUntil', { date: format.dateTime(expiresAt) })}</p>

      {group.purpose && (
        <section className="section" aria-labelledby="invitation-purpose">
          <h2 id="invitation-purpose">{t('group.purpose')}</h2>
          <MultilineText text={group.purpose} />
          <p className="card-facts">
            {[
              group.leadership ? t(`enums.leadership.${group.leadership}`) : null,
              group.modes.length > 0 ? wording.modes(group.modes) : null,
              group.languages.length > 0 ? wording.languages(group.languages) : null,
              t('group.memberCount', { count: group.memberCount }),
            ]
              .filter(Boolean)
              .join(' · ')}
          </p>
        </section>
      )}

      {group.leaders.length > 0 && (
        <section className="section" aria-labelledby="invitation-leaders">
          <h2 id="invitation-leaders">{t('group.leaders')}</h2>
          <LeaderList leaders={group.leaders} />
        </section>
      )}

      <section className="section join-section" aria-labelledby="invitation-charter" data-testid="join-section">
        <h2 id="invitation-charter">{t('group.charter')}</h2>
        {group.charter && <MultilineText text={group.charter} className="charter" />}
        {me.data ? (
          <form onSubmit={submit} noValidate className="form">
            <ErrorSummary errors={consent.errors} />
            <CharterConsentField consent={consent} />
            <div className="actions">
              <button type="submit" className="button" disabled={accept.isPending}>
                {t('invitation.accept')}
              </button>
            </div>
          </form>
        ) : (
          <>
            <p>{t('invitation.signedOut')}</p>
            <div className="actions">
              <Link className="button" to={withNext('/signup', here)}>
                {t('signin.createAccount')}
              </Link>
              <Link className="button button-secondary" to={withNext('/signin', here)}>
                {t('nav.signIn')}
              </Link>
            </div>
          </>
        )}
      </section>
    </div>
  );
}
