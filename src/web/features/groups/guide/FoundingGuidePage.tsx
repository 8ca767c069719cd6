import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { ErrorSummary } from '../../../components/ErrorSummary.tsx';
import { formErrors } from '../../../components/form-errors.ts';
import { NotFoundPage } from '../../../components/NotFoundPage.tsx';
import { noticeState } from '../../../components/notice.ts';
import { PageHeading } from '../../../components/PageHeading.tsx';
import { LoadError, Loading } from '../../../components/QueryStates.tsx';
import { isApiError } from '../../../api/client.ts';
import { currentLocale } from '../../../i18n/i18n.ts';
import { browserTimeZone } from '../../../i18n/time-zones.ts';
import type { User } from '../../../../shared/api/accounts.schemas.ts';
import type { Group } from '../../../../shared/api/groups.schemas.ts';
import { RequireSignIn } from '../../accounts/RequireSignIn.tsx';
import { groupPath } from '../group-labels.ts';
import { useFoundGroup, useGroup, usePublishGroup, useUpdateGroup } from '../group-queries.ts';
import { DEFAULT_POINTS, starterCharter } from './charter-starters.ts';
import { draftFromGroup, inputForStep, withPendingEntries, type GuideDraft } from './guide-form.ts';
import { GuideStepList } from './GuideStepList.tsx';
import { useStepFieldLabels } from './field-labels.ts';
import { editStepPath, STEPS, stepsMissing } from './guide-steps.ts';
import { StepContact } from './StepContact.tsx';
import { StepLeaders } from './StepLeaders.tsx';
import { StepNeed } from './StepNeed.tsx';
import { StepReasons } from './StepReasons.tsx';
import { StepReview } from './StepReview.tsx';
import { StepSpirit } from './StepSpirit.tsx';
import { StepStructure } from './StepStructure.tsx';

function stepFromParam(value: string | null): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= STEPS.length ? n : 1;
}

function Guide({ group, user }: { group: Group | null; user: User }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  // Until the first save there is no group to attach later steps to.
  const stepNumber = group ? stepFromParam(params.get('step')) : 1;
  const step = STEPS[stepNumber - 1] ?? 'need';

  const [draft, setDraft] = useState<GuideDraft>(() =>
    draftFromGroup(group, {
      userId: user.id,
      timeZone: browserTimeZone(),
      uiLocale: currentLocale(),
      charter: starterCharter(DEFAULT_POINTS.map((p) => t(`guide.spirit.points.${p}`))),
    }),
  );
  const change = (patch: Partial<GuideDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const found = useFoundGroup();
  const update = useUpdateGroup(group?.slug ?? '');
  const publish = usePublishGroup(group?.slug ?? '');
  const saving = found.isPending || update.isPending;
  const labels = useStepFieldLabels(step);
  const errors = formErrors(found.error ?? update.error ?? publish.error, labels);

  // A new step starts clean: last step's errors belong to last step. Its heading takes
  // focus so keyboard and screen-reader users start reading the new step from the top.
  const stepHeading = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);
  const { reset: resetFound } = found;
  const { reset: resetUpdate } = update;
  const { reset: resetPublish } = publish;
  useEffect(() => {
    resetFound();
    resetUpdate();
    resetPublish();
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    stepHeading.current?.focus();
    window.scrollTo(0, 0);
  }, [stepNumber, resetFound, resetUpdate, resetPublish]);

  function goToStep(number: number, slug: string) {
    if (group && slug === group.slug) setParams({ step: String(number) });
    else navigate(editStepPath(slug, number), { replace: !group });
  }

  function leave(saved: Group) {
    navigate(groupPath(saved.slug), { state: noticeState(saved.status === 'draft' ? 'draftSaved' : 'groupSaved') });
  }

  function save(then: 'next' | 'leave') {
    const ready = withPendingEntries(draft);
    setDraft(ready);
    const input = inputForStep(step, ready);
    const onSuccess = (saved: Group) => (then === 'next' ? goToStep(stepNumber + 1, saved.slug) : leave(saved));
    if (!group) {
      found.mutate({ ...input, name: ready.name }, { onSuccess });
    } else {
      update.mutate(input, { onSuccess });
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    save('next');
  }

  const isReview = step === 'review';
  const title = group
    ? group.status === 'active'
      ? t('guide.editTitle', { name: group.name })
      : t('guide.foundTitle', { name: group.name })
    : t('guide.newTitle');

  return (
    <div className="guide">
      <PageHeading title={title}>{title}</PageHeading>
      {!group && <p className="lead">{t('guide.intro')}</p>}
      <div className="guide-layout">
        <GuideStepList slug={group?.slug ?? null} current={stepNumber} incomplete={group ? stepsMissing(group.missing) : new Set()} />
        <section className="guide-step" data-testid={`guide-step-${stepNumber}`} aria-labelledby="guide-step-title">
          <p className="step-progress">{t('guide.progress', { current: stepNumber, total: STEPS.length })}</p>
          <h2 id="guide-step-title" ref={stepHeading} tabIndex={-1}>
            {t(`guide.steps.${step}.title`)}
          </h2>
          <p className="step-intro">{t(`guide.steps.${step}.intro`)}</p>
          <form onSubmit={submit} noValidate className="form" aria-labelledby="guide-step-title">
            <ErrorSummary errors={errors} />
            {step === 'need' && <StepNeed draft={draft} change={change} errors={errors} />}
            {step === 'reasons' && <StepReasons draft={draft} change={change} errors={errors} />}
            {step === 'structure' && <StepStructure draft={draft} change={change} errors={errors} />}
            {step === 'spirit' && <StepSpirit draft={draft} change={change} errors={errors} />}
            {step === 'leaders' && <StepLeaders draft={draft} change={change} errors={errors} />}
            {step === 'contact' && <StepContact draft={draft} change={change} errors={errors} />}
            {isReview && group && <StepReview group={group} />}

            <div className="actions guide-actions">
              {stepNumber > 1 && group && (
                <button type="button" className="button button-secondary" onClick={() => goToStep(stepNumber - 1, group.slug)}>
                  {t('guide.back')}
                </button>
              )}
              {isReview && group ? (
                group.status === 'draft' ? (
                  <button
                    type="button"
                    className="button"
                    disabled={group.missing.length > 0 || publish.isPending}
                    onClick={() => publish.mutate(undefined, { onSuccess: (g) => navigate(groupPath(g.slug), { state: noticeState('groupPublished') }) })}
                  >
                    {t('guide.review.publish')}
                  </button>
                ) : (
                  <button type="button" className="button" onClick={() => navigate(groupPath(group.slug))}>
                    {t('guide.review.viewGroup')}
                  </button>
                )
              ) : (
                <>
                  <button type="submit" className="button" disabled={saving}>
                    {t('guide.saveContinue')}
                  </button>
                  <button type="button" className="button button-secondary" disabled={saving} onClick={() => save('leave')}>
                    {t('guide.saveLeave')}
                  </button>
                </>
              )}
            </div>
          </form>
        </section>
      </div>
    </div>
  );
}

function EditGuide({ slug, user }: { slug: string; user: User }) {
  const { t } = useTranslation();
  const group = useGroup(slug);
  if (group.isPending) return <Loading />;
  if (group.isError) {
    if (isApiError(group.error, 404)) return <NotFoundPage title={t('group.notFoundTitle')} body={t('group.notFoundBody')} />;
    return <LoadError error={group.error} onRetry={() => void group.refetch()} />;
  }
  if (!group.data.viewer.canEdit) return <NotFoundPage title={t('forbidden.title')} body={t('guide.notLeader')} />;
  return <Guide key={group.data.id} group={group.data} user={user} />;
}

/** The founding guide: `/groups/new` founds a group, `/groups/:slug/edit?step=N` continues it. */
export function FoundingGuidePage() {
  const { slug } = useParams();
  return <RequireSignIn>{(user) => (slug ? <EditGuide slug={slug} user={user} /> : <Guide group={null} user={user} />)}</RequireSignIn>;
}
