import { useEffect, type MouseEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useLocation, useNavigate } from 'react-router';
import { Notice } from '../components/Notice.tsx';
import { noticeState } from '../components/notice.ts';
import { LanguageSwitcher } from '../features/accounts/LanguageSwitcher.tsx';
import { useAccountLanguage, useRefetchOnLanguageChange } from '../features/accounts/language-sync.ts';
import { useMe, useSignOut } from '../features/accounts/session.ts';
import { isPlatformModerator } from '../features/moderation/moderation-access.ts';
import { NotificationsLink } from '../features/notifications/NotificationsLink.tsx';

function skipToMain(event: MouseEvent<HTMLAnchorElement>): void {
  const main = document.getElementById('main');
  if (!main) return;
  // Handled here: a plain #main jump would also become a router navigation.
  event.preventDefault();
  main.focus();
  main.scrollIntoView();
}

function Header() {
  const { t } = useTranslation();
  const me = useMe();
  const user = me.data ?? null;
  const navigate = useNavigate();
  const signOut = useSignOut(() => navigate('/', { state: noticeState('signedOut') }));

  return (
    <header className="site-header">
      <div className="header-inner">
        <Link to="/" className="brand">
          {t('app.name')}
        </Link>
        <nav aria-label={t('nav.label')} className="site-nav">
          <ul>
            <li>
              <NavLink to="/" end>
                {user ? t('nav.myGroups') : t('nav.home')}
              </NavLink>
            </li>
            <li>
              <NavLink to="/groups" end>
                {t('directory.nav')}
              </NavLink>
            </li>
            {user && (
              <li>
                <NavLink to="/me/sessions">{t('sessions.mine.title')}</NavLink>
              </li>
            )}
            {user && (
              <li>
                <NavLink to="/me/availability">{t('scheduling.availability.title')}</NavLink>
              </li>
            )}
            <li>
              <NavLink to="/groups/new">{t('nav.startGroup')}</NavLink>
            </li>
            {user && (
              <li>
                <NotificationsLink />
              </li>
            )}
            {user && (
              <li>
                <NavLink to="/settings">{t('nav.settings')}</NavLink>
              </li>
            )}
            {user?.isAdmin && (
              <li>
                <NavLink to="/admin/outbox">{t('nav.outbox')}</NavLink>
              </li>
            )}
            {isPlatformModerator(user) && (
              <li>
                <NavLink to="/moderation">{t('moderation.title')}</NavLink>
              </li>
            )}
          </ul>
        </nav>
        <div className="header-language">
          <LanguageSwitcher />
        </div>
        <div className="header-tools">
          {user ? (
            <button type="button" className="button button-quiet" disabled={signOut.isPending} onClick={() => signOut.mutate()}>
              {t('nav.signOut')}
            </button>
          ) : (
            !me.isPending && (
              <>
                <Link to="/signin" className="button button-quiet">
                  {t('nav.signIn')}
                </Link>
                <Link to="/signup" className="button button-quiet header-signup">
                  {t('nav.signUp')}
                </Link>
              </>
            )
          )}
        </div>
      </div>
      {signOut.isError && (
        <p className="header-error" role="alert">
          {signOut.error.message}
        </p>
      )}
    </header>
  );
}

/** Page frame: skip link, header with navigation, main landmark, footer. */
export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  useAccountLanguage();
  useRefetchOnLanguageChange();

  // The router keeps the scroll position between pages; a new page starts at the top.
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [pathname]);

  return (
    <>
      <a href="#main" className="skip-link" onClick={skipToMain}>
        {t('nav.skip')}
      </a>
      <Header />
      <main id="main" tabIndex={-1}>
        <Notice />
        {children}
      </main>
      <footer className="site-footer">
        <div className="footer-inner">
          <p>{t('footer.crisis')}</p>
          <p>{t('footer.about')}</p>
        </div>
      </footer>
    </>
  );
}
