import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { LoadError, Loading } from '../../components/QueryStates.tsx';
import { RequireSignIn } from '../accounts/RequireSignIn.tsx';
import { groupPath } from '../groups/group-labels.ts';
import type { Group } from '../../../shared/api/groups.schemas.ts';
import type { Programme } from '../../../shared/api/sessions.schemas.ts';
import { GroupGate } from '../groups/GroupGate.tsx';
import { programmePaths } from './session-paths.ts';
import { useDeleteProgramme, useProgrammes } from './session-queries.ts';
import './sessions.css';

function ProgrammeCard({ programme, onDelete, busy }: { programme: Programme; onDelete: () => void; busy: boolean }) {
  const { t } = useTranslation();
  const headingId = `programme-${programme.id}`;
  return (
    <li>
      <article className="group-card" aria-labelledby={headingId} data-testid="programme-card">
        <h3 id={headingId}>{programme.title}</h3>
        <p className="card-facts">{t('programmes.partCount', { count: programme.parts.length })}</p>
        {programme.description && <p className="card-purpose">{programme.description}</p>}
        <ol className="programme-parts-summary">
          {programme.parts.map((part, i) => (
            <li key={i}>{part.theme}</li>
          ))}
        </ol>
        <div className="actions">
          <Link className="button button-small" to={programmePaths.schedule(programme.id)}>
            {t('programmes.schedule')}
            <span className="visually-hidden"> — {programme.title}</span>
          </Link>
          <Link className="button button-secondary button-small" to={programmePaths.edit(programme.id)}>
            {t('programmes.edit')}
            <span className="visually-hidden"> — {programme.title}</span>
          </Link>
          <ConfirmButton
            label={
              <>
                {t('programmes.delete')}
                <span className="visually-hidden"> — {programme.title}</span>
              </>
            }
            title={t('programmes.deleteTitle', { title: programme.title })}
            body={t('programmes.deleteBody')}
            confirmLabel={t('programmes.deleteConfirm')}
            onConfirm={onDelete}
            disabled={busy}
            danger
            className="button button-danger-quiet button-small"
          />
        </div>
      </article>
    </li>
  );
}

function Programmes({ group }: { group: Group }) {
  const { t } = useTranslation();
  const programmes = useProgrammes(group.slug);
  const remove = useDeleteProgramme(group.slug);
  const [deleted, setDeleted] = useState<string | null>(null);
  const title = t('programmes.title');

  return (
    <div className="page">
      <p className="eyebrow">
        <Link to={groupPath(group.slug)}>{group.name}</Link>
      </p>
      <PageHeading title={`${title} — ${group.name}`}>{title}</PageHeading>
      <p className="lead">{t('programmes.intro')}</p>
      <div className="section-actions">
        <Link className="button" to={programmePaths.create(group.slug)}>
          {t('programmes.create')}
        </Link>
      </div>
      <p role="status">{deleted ? t('programmes.deleted', { title: deleted }) : ''}</p>
      {remove.isError && (
        <p className="error-inline" role="alert">
          {remove.error.message}
        </p>
      )}
      <section className="section" aria-labelledby="programmes-list-title" aria-busy={programmes.isFetching}>
        <h2 id="programmes-list-title">{t('programmes.listTitle')}</h2>
        {programmes.isPending ? (
          <Loading />
        ) : programmes.isError ? (
          <LoadError error={programmes.error} onRetry={() => void programmes.refetch()} />
        ) : programmes.data.length === 0 ? (
          <p className="empty">{t('programmes.empty')}</p>
        ) : (
          <ul className="card-list" data-testid="programme-list">
            {programmes.data.map((p) => (
              <ProgrammeCard key={p.id} programme={p} busy={remove.isPending} onDelete={() => remove.mutate(p.id, { onSuccess: () => setDeleted(p.title) })} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

/** `/groups/:slug/programmes`: a group's reusable series of themed sessions (leaders). */
export function ProgrammesPage() {
  const { slug = '' } = useParams();
  return (
    <RequireSignIn>
      {() => (
        <GroupGate role="leader" slug={slug}>
          {(group) => <Programmes group={group} />}
        </GroupGate>
      )}
    </RequireSignIn>
  );
}
