import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { TextField } from '../../components/Field.tsx';
import { formErrors } from '../../components/form-errors.ts';
import { useFormatInstant } from '../../i18n/format.ts';
import { useCreateInvitation } from './membership-queries.ts';

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Leaders: a one-person invitation link to share, or sent by e-mail. */
export function InvitationCreator({ slug, viewerTimeZone }: { slug: string; viewerTimeZone: string }) {
  const { t } = useTranslation();
  const create = useCreateInvitation(slug);
  const format = useFormatInstant(viewerTimeZone);
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [copied, setCopied] = useState<boolean | null>(null);
  const errors = formErrors(create.error, { email: t('invite.email') });
  const invitation = create.data;

  function createLink() {
    setCopied(null);
    setSentTo(null);
    create.mutate({});
  }

  function send(event: FormEvent) {
    event.preventDefault();
    setCopied(null);
    const address = email.trim();
    create.mutate(
      { email: address },
      {
        onSuccess: () => {
          setSentTo(address);
          setEmail('');
        },
      },
    );
  }

  return (
    <section className="section panel" aria-labelledby="invite-title">
      <h2 id="invite-title">{t('invite.title')}</h2>
      <p>{t('invite.intro')}</p>
      <ErrorSummary errors={errors} />
      <div className="actions">
        <button type="button" className="button" disabled={create.isPending} onClick={createLink}>
          {t('invite.createLink')}
        </button>
      </div>
      <form onSubmit={send} noValidate className="form">
        <TextField
          id="field-email"
          label={t('invite.email')}
          hint={t('invite.emailHint')}
          error={errors.field('email')}
          type="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          autoComplete="off"
          spellCheck={false}
        />
        <div className="actions">
          <button type="submit" className="button button-secondary" disabled={create.isPending || !email.trim()}>
            {t('invite.send')}
          </button>
        </div>
      </form>
      {invitation && (
        <div className="invitation-result">
          {sentTo && <p className="notice">{t('invite.sentTo', { email: sentTo })}</p>}
          <p className="invitation-label" id="invitation-url-label">
            {t('invite.link')}
          </p>
          <output className="invitation-url" data-testid="invitation-url" aria-labelledby="invitation-url-label">
            {invitation.url}
          </output>
          <p className="muted">{t('invite.validUntil', { date: format.dateTime(invitation.expiresAt) })}</p>
          <div className="actions">
            <button type="button" className="button button-secondary" onClick={() => void copyText(invitation.url).then(setCopied)}>
              {t('invite.copy')}
            </button>
          </div>
          <p role="status">{copied === true ? t('invite.copied') : copied === false ? t('invite.copyFailed') : ''}</p>
        </div>
      )}
    </section>
  );
}
