import { useRef, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { TextAreaField, TextField } from '../../components/Field.tsx';
import { fieldId, formErrors } from '../../components/form-errors.ts';
import { NotFoundPage } from '../../components/NotFoundPage.tsx';
import { noticeState } from '../../components/notice.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { LoadError, Loading } from '../../components/QueryStates.tsx';
import { RequireSignIn } from '../accounts/RequireSignIn.tsx';
import { groupPath } from '../groups/group-labels.ts';
import type { Group } from '../../../shared/api/groups.schemas.ts';
import type { Programme } from '../../../shared/api/sessions.schemas.ts';
import { GroupGate } from '../groups/GroupGate.tsx';
import { moveRow, templateRows, totalMinutes } from './agenda.ts';
import { AgendaEditor, agendaLabels } from './AgendaEditor.tsx';
import { copyAgenda, draftFromProgramme, inputFromProgrammeDraft, newPart, type PartDraft, type ProgrammeDraft } from './programme-form.ts';
import { programmePaths } from './session-paths.ts';
import { useCreateProgramme, useProgramme, useUpdateProgramme } from './session-queries.ts';
import './sessions.css';

const MAX_PARTS = 52;

function Editor({ group, programme }: { group: Group; programme: Programme | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateProgramme(group.slug);
  const update = useUpdateProgramme(programme?.id ?? '');
  const mutation = programme ? update : create;
  const [draft, setDraft] = useState<ProgrammeDraft>(() =>
    programme
      ? draftFromProgramme(programme)
      : {
          title: '',
          description: '',
          parts: [
            newPart(
              '',
              templateRows('supportCircle', (part) => t(`sessions.agenda.parts.${part}`)),
            ),
          ],
        },
  );
  const refocus = useRef<string | null>(null);
  useEffect(() => {
    if (!refocus.current) return;
    document.getElementById(refocus.current)?.focus();
    refocus.current = null;
  });

  const setParts = (parts: PartDraft[]) => setDraft((d) => ({ ...d, parts }));
  const changePart = (index: number, patch: Partial<PartDraft>) =>
    setDraft((d) => ({ ...d, parts: d.parts.map((p, i) => (i === index ? { ...p, ...patch } : p)) }));

  const labels: Record<string, string> = { title: t('programmes.form.title'), description: t('programmes.form.description') };
  draft.parts.forEach((_, i) => {
    labels[`parts.${i}.theme`] = t('programmes.form.themeN', { n: i + 1 });
    Object.assign(
      labels,
      agendaLabels(
        `parts.${i}.agenda`,
        draft.parts[i]?.agenda.length ?? 0,
        (n) => t('programmes.form.partAgendaItem', { session: i + 1, n }),
        t('programmes.form.agendaN', { n: i + 1 }),
      ),
    );
  });
  labels.parts = t('programmes.form.parts');
  const errors = formErrors(mutation.error, labels);

  function addPart() {
    const last = draft.parts[draft.parts.length - 1];
    setParts([...draft.parts, newPart('', last ? copyAgenda(last.agenda) : [])]);
    refocus.current = fieldId(`parts.${draft.parts.length}.theme`);
  }

  function movePart(index: number, delta: -1 | 1) {
    const part = draft.parts[index];
    if (!part) return;
    setParts(moveRow(draft.parts, index, delta));
    const target = index + delta;
    const edge = target === 0 || target === draft.parts.length - 1;
    refocus.current = `part-${part.key}-${edge ? (delta === -1 ? 'down' : 'up') : delta === -1 ? 'up' : 'down'}`;
  }

  function removePart(index: number) {
    setParts(draft.parts.filter((_, i) => i !== index));
    refocus.current = 'programme-add-part';
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    mutation.mutate(inputFromProgrammeDraft(draft), {
      onSuccess: () => navigate(programmePaths.list(group.slug), { state: noticeState('programmeSaved') }),
    });
  }

  const title = programme ? t('programmes.editTitle', { title: programme.title }) : t('programmes.newTitle');

  return (
    <div className="reading">
      <p className="eyebrow">
        <Link to={groupPath(group.slug)}>{group.name}</Link>
      </p>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="lead">{t('programmes.form.intro')}</p>
      <form onSubmit={submit} noValidate className="form" data-testid="programme-form">
        <ErrorSummary errors={errors} />
        <TextField
          id={fieldId('title')}
          label={t('programmes.form.title')}
          hint={t('programmes.form.titleHint')}
          error={errors.field('title')}
          value={draft.title}
          onChange={(e) => setDraft((d) => ({ ...d, title: e.target.value }))}
          maxLength={120}
          required
        />
        <TextAreaField
          id={fieldId('description')}
          label={t('programmes.form.description')}
          error={errors.field('description')}
          optional
          rows={4}
          value={draft.description}
          onChange={(e) => setDraft((d) => ({ ...d, description: e.target.value }))}
          maxLength={4000}
        />
        <section className="form-section" aria-labelledby="parts-title" id={fieldId('parts')} tabIndex={-1}>
          <h2 id="parts-title">{t('programmes.form.parts')}</h2>
          <p className="hint">{t('programmes.form.partsHint')}</p>
          {errors.field('parts') && <p className="field-error">{errors.field('parts')}</p>}
          {draft.parts.map((part, index) => {
            const n = index + 1;
            const name = part.theme.trim() || t('programmes.form.sessionN', { n });
            return (
              <section key={part.key} className="programme-part" aria-labelledby={`part-${part.key}-title`} data-testid="programme-part">
                <h3 id={`part-${part.key}-title`}>{t('programmes.form.sessionN', { n })}</h3>
                <TextField
                  id={fieldId(`parts.${index}.theme`)}
                  label={t('programmes.form.theme')}
                  hint={index === 0 ? t('programmes.form.themeHint') : undefined}
                  error={errors.field(`parts.${index}.theme`)}
                  value={part.theme}
                  onChange={(e) => changePart(index, { theme: e.target.value })}
                  maxLength={120}
                />
                <AgendaEditor
                  path={`parts.${index}.agenda`}
                  legend={t('programmes.form.agendaN', { n })}
                  rows={part.agenda}
                  onChange={(agenda) => changePart(index, { agenda })}
                  durationMinutes={null}
                  errors={errors}
                />
                <div className="actions">
                  <button
                    type="button"
                    id={`part-${part.key}-up`}
                    className="button button-secondary button-small"
                    disabled={index === 0}
                    onClick={() => movePart(index, -1)}
                  >
                    {t('programmes.form.moveUp')}
                    <span className="visually-hidden"> — {name}</span>
                  </button>
                  <button
                    type="button"
                    id={`part-${part.key}-down`}
                    className="button button-secondary button-small"
                    disabled={index === draft.parts.length - 1}
                    onClick={() => movePart(index, 1)}
                  >
                    {t('programmes.form.moveDown')}
                    <span className="visually-hidden"> — {name}</span>
                  </button>
                  <button
                    type="button"
                    className="button button-danger-quiet button-small"
                    disabled={draft.parts.length <= 1}
                    onClick={() => removePart(index)}
                  >
                    {t('programmes.form.removePart')}
                    <span className="visually-hidden"> — {name}</span>
                  </button>
                </div>
              </section>
            );
          })}
          <div className="actions">
            <button type="button" id="programme-add-part" className="button button-secondary" onClick={addPart} disabled={draft.parts.length >= MAX_PARTS}>
              {t('programmes.form.addPart')}
            </button>
          </div>
          <p className="muted">
            {t('programmes.form.summary', { count: draft.parts.length, minutes: Math.max(0, ...draft.parts.map((p) => totalMinutes(p.agenda))) })}
          </p>
        </section>
        <div className="actions guide-actions">
          <button type="submit" className="button" disabled={mutation.isPending}>
            {t('programmes.form.save')}
          </button>
          <Link className="button button-secondary" to={programmePaths.list(group.slug)}>
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </div>
  );
}

function EditExisting({ id }: { id: string }) {
  const { t } = useTranslation();
  const programme = useProgramme(id);
  if (programme.isPending) return <Loading />;
  if (programme.isError) {
    if (isApiError(programme.error, 404)) return <NotFoundPage title={t('programmes.notFoundTitle')} body={t('programmes.notFoundBody')} />;
    return <LoadError error={programme.error} onRetry={() => void programme.refetch()} />;
  }
  return (
    <GroupGate role="leader" slug={programme.data.groupSlug}>
      {(group) => <Editor key={programme.data.id} group={group} programme={programme.data} />}
    </GroupGate>
  );
}

/** `/groups/:slug/programmes/new` writes a programme; `/programmes/:id/edit` changes one. */
export function ProgrammeEditorPage() {
  const { slug, id } = useParams();
  return (
    <RequireSignIn>
      {() =>
        id ? (
          <EditExisting id={id} />
        ) : (
          <GroupGate role="leader" slug={slug ?? ''}>
            {(group) => <Editor group={group} programme={null} />}
          </GroupGate>
        )
      }
    </RequireSignIn>
  );
}
