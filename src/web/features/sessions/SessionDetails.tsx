import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { MultilineText } from '../../components/MultilineText.tsx';
import { hasLink } from '../../../shared/sessions.ts';
import type { FacilitatorOut as Facilitator, SessionOut as Session } from '../../../shared/api/sessions.schemas.ts';

function facilitatorName(f: Facilitator, t: TFunction): string {
  return f.guestName ? t('sessions.guestName', { name: f.guestName }) : (f.displayName ?? '');
}

/**
 * How a session is held: length, mode, place and access, the way in (members only),
 * facilitators and places; then what it is about and its agenda.
 */
export function SessionDetails({ session, isMember }: { session: Session; isMember: boolean }) {
  const { t } = useTranslation();
  const total = session.agenda.reduce((sum, item) => sum + item.minutes, 0);
  const names = session.facilitators.map((f) => facilitatorName(f, t)).filter(Boolean);

  return (
    <>
      <section className="facts-card" aria-labelledby="details-title">
        <h2 id="details-title">{t('sessions.details.title')}</h2>
        <dl className="facts facts-grid">
          <div>
            <dt>{t('sessions.details.duration')}</dt>
            <dd>{t('sessions.minutes', { count: session.durationMinutes })}</dd>
          </div>
          <div>
            <dt>{t('sessions.form.mode')}</dt>
            <dd>{t(`sessions.modes.${session.mode}`)}</dd>
          </div>
          {session.location && (
            <div>
              <dt>{t('sessions.form.location')}</dt>
              <dd>{session.location}</dd>
            </div>
          )}
          {session.address && (
            <div>
              <dt>{t('sessions.form.address')}</dt>
              <dd>
                <MultilineText text={session.address} />
              </dd>
            </div>
          )}
          {session.accessibility && (
            <div>
              <dt>{t('sessions.form.accessibility')}</dt>
              <dd>
                <MultilineText text={session.accessibility} />
              </dd>
            </div>
          )}
          {hasLink(session.mode) && (
            <div>
              <dt>{t('sessions.details.online')}</dt>
              <dd data-testid="online-access">
                {!isMember ? (
                  <span className="muted">{t('sessions.details.membersOnly')}</span>
                ) : session.onlineUrl ? (
                  <a className="online-link" href={session.onlineUrl} rel="noopener noreferrer">
                    {session.onlineUrl}
                  </a>
                ) : (
                  <span className="muted">{t('sessions.details.noLink')}</span>
                )}
              </dd>
            </div>
          )}
          {isMember && session.dialIn && (
            <div>
              <dt>{t('sessions.form.dialIn')}</dt>
              <dd>{session.dialIn}</dd>
            </div>
          )}
          {names.length > 0 && (
            <div>
              <dt>{t('sessions.form.facilitators')}</dt>
              <dd>{names.join(', ')}</dd>
            </div>
          )}
          <div>
            <dt>{t('sessions.form.capacity')}</dt>
            <dd>{session.capacity != null ? t('sessions.details.capacityValue', { count: session.capacity }) : t('sessions.details.noLimit')}</dd>
          </div>
        </dl>
      </section>

      {session.description && (
        <section className="section" aria-labelledby="about-title">
          <h2 id="about-title">{t('sessions.details.about')}</h2>
          <MultilineText text={session.description} className="prose" />
        </section>
      )}

      {session.agenda.length > 0 && (
        <section className="section" aria-labelledby="agenda-title">
          <h2 id="agenda-title">{t('sessions.agenda.title')}</h2>
          <ol className="agenda" data-testid="agenda">
            {session.agenda.map((item, i) => (
              <li key={i}>
                {item.title} <span className="agenda-minutes">· {t('sessions.minutes', { count: item.minutes })}</span>
              </li>
            ))}
          </ol>
          <p className="muted">{t('sessions.details.agendaTotal', { total, duration: session.durationMinutes })}</p>
        </section>
      )}
    </>
  );
}
