import type { UseQueryResult } from '@tanstack/react-query';
import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SORTS, type Sort } from '../../../shared/directory.ts';
import { isApiError } from '../../api/client.ts';
import { LoadError, Loading } from '../../components/QueryStates.tsx';
import { localWallTime } from '../scheduling/scheduling-format.ts';
import { groupPath, useGroupWording } from '../groups/group-labels.ts';
import { formatDistance, placeLabel, useDirectoryTimes } from './directory-format.ts';
import { activeFilterCount, NO_FILTERS, pageCount, searchFromFilters, type DirectoryFilters } from './directory-params.ts';
import { DIRECTORY_PATH } from './directory-paths.ts';
import type { DirectoryGroup, SearchGroupsResponse as DirectoryResult } from '../../../shared/api/directory.schemas.ts';

function hrefFor(filters: DirectoryFilters): string {
  const search = searchFromFilters(filters).toString();
  return search ? `${DIRECTORY_PATH}?${search}` : DIRECTORY_PATH;
}

function DirectoryCard({ group, zone }: { group: DirectoryGroup; zone: string }) {
  const { t, i18n } = useTranslation();
  const wording = useGroupWording();
  const times = useDirectoryTimes(zone);
  const locale = i18n.language;

  return (
    <article className="group-card directory-card" data-testid="directory-card" aria-labelledby={`card-${group.slug}`}>
      <h3 id={`card-${group.slug}`} dir="auto">
        <Link to={groupPath(group.slug)}>{group.name}</Link>
      </h3>
      {group.purpose && (
        <p className="card-purpose" dir="auto">
          {group.purpose}
        </p>
      )}
      <dl className="directory-facts">
        {group.languages.length > 0 && (
          <div>
            <dt>{t('directory.card.languages')}</dt>
            <dd>{wording.languages(group.languages)}</dd>
          </div>
        )}
        {group.modes.length > 0 && (
          <div>
            <dt>{t('directory.card.modes')}</dt>
            <dd>{wording.modes(group.modes)}</dd>
          </div>
        )}
        {group.leadership && (
          <div>
            <dt>{t('directory.card.leadership')}</dt>
            <dd>{t(`enums.leadership.${group.leadership}`)}</dd>
          </div>
        )}
        {group.place && (
          <div>
            <dt>{t('directory.card.place')}</dt>
            <dd data-testid="card-place">
              {placeLabel(group.place, locale)}
              {group.distanceKm !== undefined && <> · {t('directory.card.distance', { distance: formatDistance(group.distanceKm, locale) })}</>}
            </dd>
          </div>
        )}
        <div>
          <dt>{t('directory.card.next')}</dt>
          <dd data-testid="card-next">{group.nextSessionAt ? times.next(group.nextSessionAt, group.timeZone) : t('directory.card.noSession')}</dd>
        </div>
        {group.matches && group.matches.length > 0 && (
          <div>
            <dt>{t('directory.card.matches')}</dt>
            <dd>{wording.list(group.matches.map((m) => localWallTime(m.localStart, locale)))}</dd>
          </div>
        )}
      </dl>
      <p className="card-facts">{t('group.memberCount', { count: group.memberCount })}</p>
      {group.topics.length > 0 && (
        <ul className="topics" aria-label={t('directory.card.topics')}>
          {group.topics.map((topic) => (
            <li key={topic} dir="auto">
              {topic}
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}

/** The orders that make sense for this search, the current one marked. */
function SortChoice({ filters, current, onNavigate }: { filters: DirectoryFilters; current: Sort; onNavigate: () => void }) {
  const { t } = useTranslation();
  const offered = SORTS.filter((s) => (s !== 'relevance' || filters.q.trim() !== '') && (s !== 'distance' || filters.near !== null));
  return (
    <div className="directory-sort">
      <span id="directory-sort-label">{t('directory.results.sortLabel')}</span>
      <ul aria-labelledby="directory-sort-label">
        {offered.map((sort) => (
          <li key={sort}>
            {sort === current ? (
              <span className="directory-sort-current" aria-current="true">
                {t(`directory.sort.${sort}`)}
              </span>
            ) : (
              <Link to={hrefFor({ ...filters, sort, page: 1 })} onClick={onNavigate}>
                {t(`directory.sort.${sort}`)}
              </Link>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

function Pagination({ filters, result, onNavigate }: { filters: DirectoryFilters; result: DirectoryResult; onNavigate: () => void }) {
  const { t } = useTranslation();
  const pages = pageCount(result.total, result.pageSize);
  if (pages <= 1) return null;
  const page = Math.min(result.page, pages);
  return (
    <nav className="pagination" aria-label={t('directory.pages.label')}>
      <ul>
        <li>
          {page > 1 && (
            <Link to={hrefFor({ ...filters, page: page - 1 })} rel="prev" onClick={onNavigate}>
              {t('directory.pages.previous')}
            </Link>
          )}
        </li>
        <li aria-current="page">{t('directory.pages.current', { page, pages })}</li>
        <li>
          {page < pages && (
            <Link to={hrefFor({ ...filters, page: page + 1 })} rel="next" onClick={onNavigate}>
              {t('directory.pages.next')}
            </Link>
          )}
        </li>
      </ul>
    </nav>
  );
}

function EmptyResults({ filters }: { filters: DirectoryFilters }) {
  const { t } = useTranslation();
  const filtered = activeFilterCount(filters) > 0;
  return (
    <div className="empty directory-empty" data-testid="directory-empty">
      <p>{filtered || filters.q.trim() ? t('directory.empty.title') : t('directory.empty.none')}</p>
      <ul>
        {filters.q.trim() && <li>{t('directory.empty.words')}</li>}
        {filters.near && <li>{t('directory.empty.radius')}</li>}
        {filtered && <li>{t('directory.empty.filters')}</li>}
        <li>{t('directory.empty.online')}</li>
      </ul>
      <div className="actions">
        {(filtered || filters.q.trim()) && (
          <Link className="button button-secondary" to={hrefFor(NO_FILTERS)}>
            {t('directory.form.clear')}
          </Link>
        )}
        <Link className="button" to="/groups/new">
          {t('nav.startGroup')}
        </Link>
      </div>
    </div>
  );
}

interface DirectoryResultsProps {
  filters: DirectoryFilters;
  zone: string;
  results: UseQueryResult<DirectoryResult>;
  headingRef: RefObject<HTMLHeadingElement | null>;
  /** Following a sort or page link: the page moves focus to the results once there. */
  onNavigate: () => void;
}

/** The results: a count read out when it changes, the order, the cards, pages. */
export function DirectoryResults({ filters, zone, results, headingRef, onNavigate }: DirectoryResultsProps) {
  const { t } = useTranslation();
  const data = results.data;
  const refused = isApiError(results.error, 400);
  const pages = data ? pageCount(data.total, data.pageSize) : 1;

  let count = '';
  if (results.isFetching && !data) count = t('directory.results.searching');
  else if (data && !results.isError) {
    count = t('directory.results.count', { count: data.total });
    if (pages > 1) count += ` ${t('directory.results.pageOf', { page: Math.min(data.page, pages), pages })}`;
  } else if (refused) count = t('directory.results.refused');

  return (
    <section className="directory-results" aria-labelledby="directory-results-title" aria-busy={results.isFetching}>
      <h2 id="directory-results-title" ref={headingRef} tabIndex={-1}>
        {t('directory.results.title')}
      </h2>
      <p className="directory-count" role="status" data-testid="result-count">
        {count}
      </p>
      {results.isPending ? (
        <Loading />
      ) : results.isError && !refused ? (
        <LoadError error={results.error} onRetry={() => void results.refetch()} />
      ) : !data || refused ? null : data.groups.length === 0 && data.total > 0 ? (
        <p className="empty">
          {t('directory.pages.pastEnd')}{' '}
          <Link to={hrefFor({ ...filters, page: 1 })} onClick={onNavigate}>
            {t('directory.pages.first')}
          </Link>
        </p>
      ) : data.groups.length === 0 ? (
        <EmptyResults filters={filters} />
      ) : (
        <>
          {data.total > 1 && <SortChoice filters={filters} current={data.sort} onNavigate={onNavigate} />}
          <ul className="card-list directory-list">
            {data.groups.map((group) => (
              <li key={group.slug}>
                <DirectoryCard group={group} zone={data.timeZone || zone} />
              </li>
            ))}
          </ul>
          <Pagination filters={filters} result={data} onNavigate={onNavigate} />
        </>
      )}
    </section>
  );
}
