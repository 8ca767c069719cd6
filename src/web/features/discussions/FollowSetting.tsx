import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DELIVERIES, type Delivery } from '../../../shared/limits.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { RadioGroup } from '../../components/Field.tsx';
import { fieldId, formErrors } from '../../components/form-errors.ts';
import type { Group, ViewerMembership as MembershipWithDelivery } from '../../../shared/api/groups.schemas.ts';
import { useSetDelivery } from './discussion-queries.ts';

/** The viewer's current choice, as the group page reports it (`web` until they choose). */
function currentDelivery(group: Group): Delivery {
  const membership: MembershipWithDelivery | null = group.viewer.membership;
  return membership?.delivery ?? 'web';
}

/**
 * How the viewer follows the group: on the web, each post by e-mail, a daily digest, or by
 * post (recorded now; postal mailings come in a later version). Saved with a button rather
 * than on each arrow key, so moving through the radios never sends anything.
 */
export function FollowSetting({ group }: { group: Group }) {
  const { t } = useTranslation();
  const save = useSetDelivery(group.slug);
  const [choice, setChoice] = useState<Delivery>(() => currentDelivery(group));
  const [saved, setSaved] = useState<Delivery | null>(null);
  const labels = { delivery: t('discussions.follow.legend') };
  const errors = formErrors(save.error, labels);

  function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    save.mutate(choice, { onSuccess: () => setSaved(choice) });
  }

  return (
    <section className="section panel follow-setting" aria-labelledby="follow-title" data-testid="follow-setting">
      <h2 id="follow-title">{t('discussions.follow.title')}</h2>
      <form noValidate onSubmit={submit}>
        <ErrorSummary errors={errors} />
        <RadioGroup
          id={fieldId('delivery')}
          name="delivery"
          legend={labels.delivery}
          error={errors.field('delivery')}
          value={choice}
          onChange={(value) => {
            setSaved(null);
            setChoice(value);
          }}
          choices={DELIVERIES.map((value) => ({ value, label: t(`discussions.follow.choices.${value}`), help: t(`discussions.follow.help.${value}`) }))}
        />
        <div className="actions">
          <button type="submit" className="button button-secondary" disabled={save.isPending}>
            {t('discussions.follow.save')}
          </button>
        </div>
        <div role="status">{saved && <p className="notice">{t('discussions.follow.saved', { choice: t(`discussions.follow.choices.${saved}`) })}</p>}</div>
      </form>
    </section>
  );
}
