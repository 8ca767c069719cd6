import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { formErrors } from '../../components/form-errors.ts';
import { MultilineText } from '../../components/MultilineText.tsx';
import type { User } from '../../../shared/api/accounts.schemas.ts';
import type { Group } from '../../../shared/api/groups.schemas.ts';
import { withNext } from '../accounts/safe-next.ts';
import { groupPath } from '../groups/group-labels.ts';
import { useCharterConsent } from './charter-consent.ts';
import { CharterConsentField } from './CharterConsentField.tsx';
import { useJoinGroup, useLeaveGroup } from './membership-queries.ts';

/** True when this visitor can ask to join from the page itself (the charter form shows). */
export function canJoinHere(group: Group, user: User | null): boolean {
  return Boolean(user) && !group.viewer.membership && group.status === 'active' && group.structure.membership !== 'invite';
}

/**
 * Everything about the viewer's own place in the group: join (after reading and accepting
 * the charter), a pending request, membership and leaving.
 */
export function JoinSection({ group, user }: { group: Group; user: User | null }) {
  const { t } = useTranslation();
  const join = useJoinGroup(group.slug);
  const leave = useLeaveGroup(group.slug);
  const heading = useRef<HTMLHeadingElement>(null);
  const consent = useCharterConsent(join.error);
  const [done, setDone] = useState<'joined' | 'requested' | 'left' | null>(null);
  const membership = group.viewer.membership;
  const here = groupPath(group.slug);

  const errors = leave.error ? formErrors(leave.error, {}) : consent.errors;

  function submitJoin(event: FormEvent) {
    event.preventDefault();
    if (!consent.confirm()) return;
    join.mutate(undefined, {
      onSuccess: (result) => {
        setDone(result.status === 'pending' ? 'requested' : 'joined');
        heading.current?.focus();
      },
    });
  }

  function doLeave() {
    leave.mutate(undefined, {
      onSuccess: () => {
        setDone('left');
        consent.setAccepted(false);
        heading.current?.focus();
      },
    });
  }

  const title = membership ? t('join.membershipTitle') : t('join.title');
  const leaveButton = (
    <ConfirmButton
      label={t('join.leave')}
      title={t('join.leaveTitle')}
      body={t('join.leaveBody')}
      confirmLabel={t('join.confirmLeave')}
      onConfirm={doLeave}
      disabled={leave.isPending}
      danger
    />
  );

  let body: ReactNode;
  if (group.status === 'draft') {
    body = <p>{t('join.draft')}</p>;
  } else if (!user) {
    body = (
      <>
        <p>{t('join.signedOut')}</p>
        <div className="actions">
          <Link className="button" to={withNext('/signin', here)}>
            {t('nav.signIn')}
          </Link>
          <Link className="button button-secondary" to={withNext('/signup', here)}>
            {t('signin.createAccount')}
          </Link>
        </div>
      </>
    );
  } else if (membership?.status === 'pending') {
    body = (
      <>
        <p className="status-line">{t('join.pending')}</p>
        <div className="actions">
          <button type="button" className="button button-secondary" disabled={leave.isPending} onClick={doLeave}>
            {t('join.cancelRequest')}
          </button>
        </div>
      </>
    );
  } else if (membership) {
    body = (
      <>
        <p className="status-line">{membership.role === 'leader' ? t('join.leader') : t('join.member')}</p>
        <div className="actions">{leaveButton}</div>
      </>
    );
  } else if (group.structure.membership === 'invite') {
    body = <p>{t('join.inviteOnly')}</p>;
  } else {
    const approval = group.structure.membership === 'approval';
    body = (
      <>
        <p>{t('join.intro')}</p>
        <h3>{t('group.charter')}</h3>
        {group.charter && <MultilineText text={group.charter} className="charter" />}
        <form onSubmit={submitJoin} noValidate className="form">
          <CharterConsentField consent={consent} />
          {approval && <p className="hint">{t('join.askHint')}</p>}
          <div className="actions">
            <button type="submit" className="button" disabled={join.isPending}>
              {approval ? t('join.ask') : t('join.join')}
            </button>
          </div>
        </form>
      </>
    );
  }

  return (
    <section className="join-section" data-testid="join-section" aria-labelledby="join-title">
      <h2 id="join-title" ref={heading} tabIndex={-1}>
        {title}
      </h2>
      <div role="status">{done && <p className="notice">{t(`notices.${done}`)}</p>}</div>
      <ErrorSummary errors={errors} />
      {body}
    </section>
  );
}
