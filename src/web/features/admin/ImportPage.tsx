import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { RadioGroup, SelectField, TextField } from '../../components/Field.tsx';
import { fieldId, formErrors, localErrors, type FormErrors } from '../../components/form-errors.ts';
import { NotFoundPage } from '../../components/NotFoundPage.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { TimeZoneSelect } from '../../components/TimeZoneSelect.tsx';
import { languageName } from '../../i18n/format.ts';
import { browserTimeZone } from '../../i18n/time-zones.ts';
import { RequireSignIn } from '../accounts/RequireSignIn.tsx';
import { DIRECTORY_PATH } from '../directory/directory-paths.ts';
import { useImportMeetingGuide } from '../directory/directory-queries.ts';
import type { ImportMeetingGuideRequest as ImportInput, ImportReport } from '../../../shared/api/meeting-guide.schemas.ts';
import { groupPath } from '../groups/group-labels.ts';
import '../directory/directory.css';

type Source = 'url' | 'file';
const LANGUAGES = ['en', 'fr', 'es', 'de', 'it', 'pt', 'nl', 'pl', 'ru', 'ar', 'zh'];
/** The server takes as much in a body as it would fetch from a URL (5 MB): say so before sending. */
const MAX_FILE_BYTES = 5 * 1024 * 1024;

function Report({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);

  // The report replaces the form's answer: take the reader there.
  useEffect(() => {
    heading.current?.focus();
  }, [report]);

  return (
    <section className="section import-report" aria-labelledby="import-report-title" data-testid="import-report">
      <h2 id="import-report-title" ref={heading} tabIndex={-1}>
        {t('directory.import.report.title')}
      </h2>
      <p className="muted">{t('directory.import.report.source', { source: report.source })}</p>
      <dl className="facts facts-grid import-counts">
        <dt>{t('directory.import.report.created')}</dt>
        <dd data-testid="import-created">{report.created}</dd>
        <dt>{t('directory.import.report.updated')}</dt>
        <dd data-testid="import-updated">{report.updated}</dd>
        <dt>{t('directory.import.report.unchanged')}</dt>
        <dd data-testid="import-unchanged">{report.unchanged}</dd>
        <dt>{t('directory.import.report.skipped')}</dt>
        <dd data-testid="import-skipped">{report.skipped.length}</dd>
      </dl>
      {report.skipped.length > 0 && (
        <>
          <h3>{t('directory.import.report.skippedTitle')}</h3>
          <p className="hint">{t('directory.import.report.skippedHint')}</p>
          <ol className="import-skipped" data-testid="import-skipped-list">
            {report.skipped.map((skip) => (
              <li key={skip.index} value={skip.index + 1}>
                <span className="import-entry" dir="auto">
                  {skip.name ?? t('directory.import.report.unnamed')}
                  {skip.slug && <span className="muted"> ({skip.slug})</span>}
                </span>
                {' — '}
                <span className="import-reason">{skip.reason}</span>
              </li>
            ))}
          </ol>
        </>
      )}
      {report.groups.length > 0 && (
        <details className="import-groups">
          <summary>{t('directory.import.report.groups', { count: report.groups.length })}</summary>
          <ul>
            {report.groups.map((g) => (
              <li key={`${g.index}-${g.slug}`}>
                <Link to={groupPath(g.groupSlug)}>{g.slug}</Link> — {t(`directory.import.outcome.${g.outcome}`)}
              </li>
            ))}
          </ul>
        </details>
      )}
      <p>
        <Link to={DIRECTORY_PATH}>{t('directory.import.report.directory')}</Link>
      </p>
    </section>
  );
}

function Importer() {
  const { t, i18n } = useTranslation();
  const importFeed = useImportMeetingGuide();
  const [source, setSource] = useState<Source>('url');
  const [url, setUrl] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [zone, setZone] = useState(browserTimeZone());
  const [language, setLanguage] = useState('');
  const [reading, setReading] = useState(false);
  const [local, setLocal] = useState<FormErrors | null>(null);
  const labels = {
    url: t('directory.import.url'),
    feed: t('directory.import.file'),
    source: t('directory.import.file'),
    defaultTimeZone: t('directory.import.timeZone'),
    defaultLanguage: t('directory.import.language'),
  };
  const errors = local ?? formErrors(importFeed.error, labels);

  function fail(path: 'url' | 'feed', message: string) {
    setLocal(localErrors([{ path, label: labels[path], message }]));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setLocal(null);
    importFeed.reset();
    const defaults = { defaultTimeZone: zone, ...(language ? { defaultLanguage: language } : {}) };
    let input: ImportInput;
    if (source === 'url') {
      if (!url.trim()) return fail('url', t('directory.import.urlMissing'));
      input = { url: url.trim(), ...defaults };
    } else {
      if (!file) return fail('feed', t('directory.import.fileMissing'));
      if (file.size > MAX_FILE_BYTES) return fail('feed', t('directory.import.fileTooBig'));
      let feed: unknown;
      setReading(true);
      try {
        // Read here, in the browser: the server gets the meetings, not a file upload.
        feed = JSON.parse(await file.text());
      } catch {
        return fail('feed', t('directory.import.fileNotJson'));
      } finally {
        setReading(false);
      }
      if (!Array.isArray(feed)) return fail('feed', t('directory.import.fileNotList'));
      // Re-importing the same file updates what it made: the file's name is its source.
      input = { feed, source: file.name.slice(0, 200) || 'upload', ...defaults };
    }
    importFeed.mutate(input);
  }

  const busy = reading || importFeed.isPending;

  return (
    <>
      <form className="form reading" noValidate onSubmit={(e) => void submit(e)} data-testid="import-form" aria-busy={busy}>
        <ErrorSummary errors={errors} />
        <RadioGroup
          id="field-import-source"
          name="import-source"
          legend={t('directory.import.source')}
          value={source}
          onChange={(next) => {
            setSource(next);
            setLocal(null);
          }}
          choices={[
            { value: 'url', label: t('directory.import.fromUrl'), help: t('directory.import.fromUrlHelp') },
            { value: 'file', label: t('directory.import.fromFile'), help: t('directory.import.fromFileHelp') },
          ]}
        />
        {source === 'url' ? (
          <TextField
            id={fieldId('url')}
            type="url"
            label={labels.url}
            hint={t('directory.import.urlHint')}
            error={errors.field('url')}
            value={url}
            inputMode="url"
            autoComplete="off"
            spellCheck={false}
            maxLength={2000}
            onChange={(e) => setUrl(e.target.value)}
          />
        ) : (
          <TextField
            id={fieldId('feed')}
            type="file"
            accept="application/json,.json"
            label={labels.feed}
            hint={t('directory.import.fileHint')}
            error={errors.field('feed') ?? errors.field('source')}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        )}
        <TimeZoneSelect
          id={fieldId('defaultTimeZone')}
          label={labels.defaultTimeZone}
          hint={t('directory.import.timeZoneHint')}
          error={errors.field('defaultTimeZone')}
          value={zone}
          onChange={setZone}
        />
        <SelectField
          id={fieldId('defaultLanguage')}
          label={labels.defaultLanguage}
          hint={t('directory.import.languageHint')}
          error={errors.field('defaultLanguage')}
          value={language}
          onChange={(e) => setLanguage(e.target.value)}
        >
          <option value="">{t('directory.import.languageMine')}</option>
          {LANGUAGES.map((code) => (
            <option key={code} value={code}>
              {languageName(code, i18n.language)}
            </option>
          ))}
        </SelectField>
        <div className="actions">
          <button type="submit" className="button" disabled={busy}>
            {busy ? t('directory.import.importing') : t('directory.import.submit')}
          </button>
        </div>
        <p className="visually-hidden" role="status">
          {busy ? t('directory.import.importing') : ''}
        </p>
      </form>
      {importFeed.data && <Report report={importFeed.data} />}
    </>
  );
}

/** `/admin/imports`: a platform admin brings a Meeting Guide feed's meetings into the directory. */
export function ImportPage() {
  const { t } = useTranslation();
  return (
    <RequireSignIn>
      {(user) =>
        user.isAdmin ? (
          <div className="page">
            <PageHeading title={t('directory.import.title')}>{t('directory.import.title')}</PageHeading>
            <p className="lead">{t('directory.import.intro')}</p>
            <Importer />
          </div>
        ) : (
          <NotFoundPage title={t('forbidden.title')} body={t('forbidden.body')} />
        )
      }
    </RequireSignIn>
  );
}
