import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../../components/PageHeading.tsx';
import { LoadError, Loading } from '../../components/QueryStates.tsx';
import { useMe } from '../accounts/session.ts';
import { HomeSearch } from '../directory/HomeSearch.tsx';
import { MyGroups } from './MyGroups.tsx';
import { PublicGroups } from './PublicGroups.tsx';

function Welcome() {
  const { t } = useTranslation();
  return (
    <section className="hero">
      <PageHeading title={t('app.tagline')}>{t('home.titleSignedOut')}</PageHeading>
      <p className="lead">{t('home.lead')}</p>
      <ul className="hero-points">
        <li>{t('home.points.start')}</li>
        <li>{t('home.points.join')}</li>
        <li>{t('home.points.reach')}</li>
      </ul>
      <div className="actions">
        <Link to="/groups/new" className="button">
          {t('nav.startGroup')}
        </Link>
        <Link to="/signup" className="button button-secondary">
          {t('nav.signUp')}
        </Link>
        <Link to="/signin" className="button button-secondary">
          {t('nav.signIn')}
        </Link>
      </div>
    </section>
  );
}

export function HomePage() {
  const { t } = useTranslation();
  const me = useMe();

  if (me.isPending) return <Loading />;
  if (me.isError) return <LoadError error={me.error} onRetry={() => void me.refetch()} />;
  const user = me.data;

  return (
    <div className="page">
      {user ? (
        <>
          <PageHeading title={t('nav.myGroups')}>{t('home.titleSignedIn', { name: user.displayName })}</PageHeading>
          <MyGroups />
        </>
      ) : (
        <Welcome />
      )}
      <HomeSearch />
      <PublicGroups />
    </div>
  );
}
