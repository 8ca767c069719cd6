import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { SEARCH_LIMITS } from '../../../shared/directory.ts';
import { DIRECTORY_PATH, directorySearchPath } from './directory-paths.ts';
import './home-search.css';

/** The home page's way into the directory: a few words, or every group with its filters. */
export function HomeSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [q, setQ] = useState('');

  function submit(event: FormEvent) {
    event.preventDefault();
    void navigate(directorySearchPath(q));
  }

  return (
    <section className="section home-search" aria-labelledby="home-search-title">
      <h2 id="home-search-title">{t('directory.home.title')}</h2>
      <form role="search" aria-labelledby="home-search-title" onSubmit={submit} noValidate>
        <label htmlFor="home-search-q">{t('directory.home.label')}</label>
        <p id="home-search-hint" className="hint">
          {t('directory.home.hint')}
        </p>
        <div className="home-search-row">
          <input
            id="home-search-q"
            type="search"
            value={q}
            maxLength={SEARCH_LIMITS.query}
            enterKeyHint="search"
            aria-describedby="home-search-hint"
            onChange={(e) => setQ(e.target.value)}
          />
          <button type="submit" className="button">
            {t('directory.form.search')}
          </button>
        </div>
      </form>
      <p>
        <Link to={DIRECTORY_PATH}>{t('directory.home.browse')}</Link>
      </p>
    </section>
  );
}
