import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { PageHeading } from '../../components/PageHeading.tsx';
import { browserTimeZone } from '../../i18n/time-zones.ts';
import { useMe } from '../accounts/session.ts';
import { DirectoryForm } from './DirectoryForm.tsx';
import { filtersFromSearch, searchFromFilters, type DirectoryFilters } from './directory-params.ts';
import { useDirectorySearch } from './directory-queries.ts';
import { DirectoryResults } from './DirectoryResults.tsx';
import { IMPORT_PATH } from './directory-paths.ts';
import './directory.css';

/**
 * `/groups`: finding a public group. The query string is the search (shareable, and the
 * back button walks back through searches); each search is a new history entry.
 */
export function DirectoryPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const search = params.toString();
  const filters = useMemo(() => filtersFromSearch(new URLSearchParams(search)), [search]);
  const zone = filters.tz ?? browserTimeZone();
  const results = useDirectorySearch(filters, zone);
  const me = useMe();
  const heading = useRef<HTMLHeadingElement>(null);
  // Set by a search, a new order or a new page: focus then moves to the results. The back
  // button and first arrival leave focus where the browser puts it.
  const focusResults = useRef(false);

  useEffect(() => {
    if (!focusResults.current) return;
    focusResults.current = false;
    heading.current?.focus();
    heading.current?.scrollIntoView({ block: 'start' });
  }, [search]);

  function searchFor(next: DirectoryFilters) {
    focusResults.current = true;
    const query = searchFromFilters(next).toString();
    if (query === search) {
      // The same search again: nothing to navigate to, but fresh results and the same focus.
      focusResults.current = false;
      heading.current?.focus();
      void results.refetch();
      return;
    }
    void navigate({ pathname: '/groups', search: query ? `?${query}` : '' });
  }

  return (
    <div className="page directory">
      <PageHeading title={t('directory.title')}>{t('directory.title')}</PageHeading>
      <p className="lead">{t('directory.intro')}</p>
      <div className="directory-layout">
        <DirectoryForm filters={filters} searchError={results.error} onSearch={searchFor} />
        <DirectoryResults filters={filters} zone={zone} results={results} headingRef={heading} onNavigate={() => (focusResults.current = true)} />
      </div>
      {me.data?.isAdmin && (
        <p className="directory-admin">
          <Link to={IMPORT_PATH}>{t('directory.import.link')}</Link>
        </p>
      )}
    </div>
  );
}
