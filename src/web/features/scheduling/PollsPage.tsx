import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { SelectField, TextField } from '../../components/Field.tsx';
import { fieldId, formErrors, localErrors } from '../../components/form-errors.ts';
import { NotFoundPage } from '../../components/NotFoundPage.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { LoadError, Loading } from '../../components/QueryStates.tsx';
import { formatList } from '../../i18n/format.ts';
import { RequireSignIn } from '../accounts/RequireSignIn.tsx';
import { groupPath } from '../groups/group-labels.ts';
import { useGroup } from '../groups/group-queries.ts';
import type { Group } from '../../../shared/api/groups.schemas.ts';
import { VOTE_ANSWERS, type VoteAnswer } from '../../../shared/scheduling.ts';
import type { Poll, WeeklySlot } from '../../../shared/api/scheduling.schemas.ts';
import { isLeaderOf } from '../groups/GroupGate.tsx';
import '../sessions/sessions.css';
import { cityOf, dayName, localWallTime, WEEK_ORDER } from './scheduling-format.ts';
import { useClosePoll, useCreatePoll, useGroupPolls, useVote } from './scheduling-queries.ts';
import './scheduling.css';

const COUNT_OF: Record<VoteAnswer, 'yes' | 'ifNeedBe' | 'no'> = { yes: 'yes', 'if-need-be': 'ifNeedBe', no: 'no' };

function PollCard({ poll, slug }: { poll: Poll; slug: string }) {
  const { t, i18n } = useTranslation();
  const vote = useVote(slug);
  const close = useClosePoll(slug);
  const [answers, setAnswers] = useState<(VoteAnswer | null)[]>(() => poll.myAnswers ?? poll.slots.map(() => null));
  const [missing, setMissing] = useState<{ path: string; label: string; message: string }[]>([]);
  const open = poll.status === 'open';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const unanswered = answers.flatMap((a, i) => (a === null ? [i] : []));
    const labelOf = (i: number) => t('scheduling.polls.slotNumber', { number: i + 1 });
    setMissing(unanswered.map((i) => ({ path: `poll-${poll.id}-${i}`, label: labelOf(i), message: t('scheduling.polls.answerEach') })));
    if (unanswered.length > 0) return;
    vote.mutate({ id: poll.id, answers: answers.filter((a): a is VoteAnswer => a !== null) });
  };
  const sameZone = poll.viewerTimeZone === poll.timeZone;

  return (
    <li className="slot" data-testid="poll">
      <h2 className="slot-when">{poll.title}</h2>
      <p className="muted">
        {open ? t('scheduling.polls.open') : t('scheduling.polls.closed')} · {t('scheduling.polls.voters', { count: poll.voterCount })} ·{' '}
        {t('sessions.minutes', { count: poll.durationMinutes })}
      </p>
      <form noValidate onSubmit={submit}>
        {missing.length > 0 ? <ErrorSummary errors={localErrors(missing)} /> : vote.error ? <ErrorSummary errors={formErrors(vote.error, {})} /> : null}
        <ol className="poll-slots">
          {poll.slots.map((slot, i) => {
            const mine = `${localWallTime(slot.yourLocalStart, i18n.language)} (${cityOf(poll.viewerTimeZone)})`;
            const group = `${dayName(slot.day, i18n.language)} ${slot.start} (${cityOf(poll.timeZone)})`;
            return (
              <li key={slot.index} className="poll-slot" data-testid="poll-slot">
                <fieldset id={fieldId(`poll-${poll.id}-${i}`)} className="choices poll-choices">
                  <legend>{sameZone ? group : t('scheduling.polls.slotBoth', { mine, group })}</legend>
                  {open &&
                    VOTE_ANSWERS.map((answer) => (
                      <div key={answer} className="choice">
                        <input
                          type="radio"
                          id={`poll-${poll.id}-${i}-${answer}`}
                          name={`poll-${poll.id}-${i}`}
                          checked={answers[i] === answer}
                          onChange={() => setAnswers(answers.map((a, j) => (j === i ? answer : a)))}
                        />
                        <label htmlFor={`poll-${poll.id}-${i}-${answer}`}>{t(`scheduling.polls.answers.${COUNT_OF[answer]}`)}</label>
                      </div>
                    ))}
                  <p className="poll-counts" data-testid="poll-counts">
                    {VOTE_ANSWERS.map((answer) => `${t(`scheduling.polls.answers.${COUNT_OF[answer]}`)} ${slot.counts[COUNT_OF[answer]]}`).join(' · ')}
                  </p>
                  {slot.voters && (
                    <ul className="poll-voters">
                      {VOTE_ANSWERS.filter((answer) => slot.voters![COUNT_OF[answer]].length > 0).map((answer) => (
                        <li key={answer}>
                          {t(`scheduling.polls.answers.${COUNT_OF[answer]}`)}:{' '}
                          {formatList(
                            slot.voters![COUNT_OF[answer]].map((p) => p.displayName),
                            i18n.language,
                          )}
                        </li>
                      ))}
                    </ul>
                  )}
                </fieldset>
              </li>
            );
          })}
        </ol>
        {open && (
          <div className="actions">
            <button type="submit" className="button" disabled={vote.isPending}>
              {poll.myAnswers ? t('scheduling.polls.changeVote') : t('scheduling.polls.vote')}
            </button>
            {poll.canManage && (
              <button type="button" className="button button-secondary" disabled={close.isPending} onClick={() => close.mutate(poll.id)}>
                {t('scheduling.polls.close')}
              </button>
            )}
          </div>
        )}
        {poll.myAnswers && open && (
          <p className="muted" role="status">
            {t('scheduling.polls.voted')}
          </p>
        )}
      </form>
    </li>
  );
}

interface SlotRow extends WeeklySlot {
  key: number;
}
let nextKey = 1;

function NewPollForm({ group }: { group: Group }) {
  const { t, i18n } = useTranslation();
  const create = useCreatePoll(group.slug);
  const [title, setTitle] = useState('');
  const [duration, setDuration] = useState(90);
  const [slots, setSlots] = useState<SlotRow[]>(() => [{ key: nextKey++, day: 2, start: '19:00' }]);
  const labels = { title: t('scheduling.polls.titleField'), durationMinutes: t('scheduling.finder.duration'), slots: t('scheduling.polls.slots') };
  const errors = formErrors(create.error, labels);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { title, durationMinutes: duration, slots: slots.map(({ day, start }) => ({ day, start })) },
      {
        onSuccess: () => {
          setTitle('');
          setSlots([{ key: nextKey++, day: 2, start: '19:00' }]);
        },
      },
    );
  };
  const zone = cityOf(group.timeZone ?? 'UTC');
  return (
    <section className="section" aria-labelledby="new-poll-title">
      <h2 id="new-poll-title">{t('scheduling.polls.newTitle')}</h2>
      <form className="form" noValidate onSubmit={submit}>
        <ErrorSummary errors={errors} />
        <TextField
          id={fieldId('title')}
          label={labels.title}
          error={errors.field('title')}
          value={title}
          maxLength={120}
          onChange={(e) => setTitle(e.target.value)}
        />
        <SelectField id={fieldId('durationMinutes')} label={labels.durationMinutes} value={duration} onChange={(e) => setDuration(Number(e.target.value))}>
          {[30, 45, 60, 75, 90, 120, 150].map((d) => (
            <option key={d} value={d}>
              {t('sessions.minutes', { count: d })}
            </option>
          ))}
        </SelectField>
        <fieldset id={fieldId('slots')} className={errors.field('slots') ? 'choices field-invalid' : 'choices'}>
          <legend>{t('scheduling.polls.slotsIn', { zone })}</legend>
          {errors.field('slots') && <p className="field-error">{errors.field('slots')}</p>}
          <ol className="window-list">
            {slots.map((s, i) => (
              <li key={s.key}>
                <fieldset className="window-fields">
                  <legend className="window-legend">{t('scheduling.polls.slotNumber', { number: i + 1 })}</legend>
                  <div className="field">
                    <label htmlFor={`poll-slot-${s.key}-day`}>{t('scheduling.availability.day')}</label>
                    <select
                      id={`poll-slot-${s.key}-day`}
                      value={s.day}
                      onChange={(e) => setSlots(slots.map((r) => (r.key === s.key ? { ...r, day: Number(e.target.value) } : r)))}
                    >
                      {WEEK_ORDER.map((day) => (
                        <option key={day} value={day}>
                          {dayName(day, i18n.language)}
                        </option>
                      ))}
                    </select>
                  </div>
                  <div className="field">
                    <label htmlFor={`poll-slot-${s.key}-start`}>{t('scheduling.polls.at')}</label>
                    <input
                      id={`poll-slot-${s.key}-start`}
                      type="time"
                      step={900}
                      value={s.start}
                      onChange={(e) => setSlots(slots.map((r) => (r.key === s.key ? { ...r, start: e.target.value } : r)))}
                    />
                  </div>
                  <button type="button" className="button button-quiet window-remove" onClick={() => setSlots(slots.filter((r) => r.key !== s.key))}>
                    {t('scheduling.polls.removeSlot', { number: i + 1 })}
                  </button>
                </fieldset>
              </li>
            ))}
          </ol>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => setSlots([...slots, { key: nextKey++, day: ((slots.at(-1)?.day ?? 1) + 1) % 7, start: slots.at(-1)?.start ?? '19:00' }])}
          >
            {t('scheduling.polls.addSlot')}
          </button>
        </fieldset>
        <div className="actions">
          <button type="submit" className="button" disabled={create.isPending}>
            {t('scheduling.polls.create')}
          </button>
        </div>
      </form>
    </section>
  );
}

function Polls({ group }: { group: Group }) {
  const { t } = useTranslation();
  const polls = useGroupPolls(group.slug);
  const title = t('scheduling.polls.title');
  return (
    <div className="reading">
      <p className="eyebrow">
        <Link to={groupPath(group.slug)}>{group.name}</Link>
      </p>
      <PageHeading title={`${title} — ${group.name}`}>{title}</PageHeading>
      <p className="lead">{t('scheduling.polls.intro')}</p>
      <div aria-busy={polls.isFetching} data-testid="polls">
        {polls.isPending ? (
          <Loading />
        ) : polls.isError ? (
          <LoadError error={polls.error} onRetry={() => void polls.refetch()} />
        ) : polls.data.length === 0 ? (
          <p className="empty">{t('scheduling.polls.empty')}</p>
        ) : (
          <ul className="slot-list">
            {polls.data.map((poll) => (
              <PollCard key={poll.id} poll={poll} slug={group.slug} />
            ))}
          </ul>
        )}
      </div>
      {isLeaderOf(group) && <NewPollForm group={group} />}
    </div>
  );
}

function PollsGate({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const group = useGroup(slug);
  if (group.isPending) return <Loading />;
  if (group.isError) {
    if (isApiError(group.error, 404)) return <NotFoundPage title={t('group.notFoundTitle')} body={t('group.notFoundBody')} />;
    return <LoadError error={group.error} onRetry={() => void group.refetch()} />;
  }
  if (group.data.viewer.membership?.status !== 'active') return <NotFoundPage title={t('forbidden.title')} body={t('scheduling.polls.membersOnly')} />;
  return <Polls group={group.data} />;
}

/** `/groups/:slug/polls`: leaders propose weekly times; members vote, each on their own clock. */
export function PollsPage() {
  const { slug = '' } = useParams();
  return <RequireSignIn>{() => <PollsGate slug={slug} />}</RequireSignIn>;
}
