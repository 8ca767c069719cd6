import { useTranslation } from 'react-i18next';
import { formatCalendarDate } from '../../../shared/datetime-format.ts';
import { formatList } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/i18n.ts';
import { sortDays, type RepeatDraft } from './repeat-rule.ts';
import { weekdayName } from './session-format.ts';

/**
 * The repeat rule in plain words, in the interface language: "Every 2 weeks on Tuesday and
 * Thursday, 8 times", « Toutes les 2 semaines, le mardi et le jeudi, 8 fois ».
 */
export function useRepeatSummary(): (draft: RepeatDraft) => string {
  const { t } = useTranslation();
  return (draft) => {
    const locale = currentLocale();
    const days = formatList(
      sortDays(draft.days).map((d) => t('sessions.repeat.dayInList', { day: weekdayName(d, locale) })),
      locale,
    );
    let base: string;
    switch (draft.kind) {
      case 'none':
        return t('sessions.repeat.summaryNone');
      case 'custom':
        return t('sessions.repeat.summaryCustom', { rule: draft.custom });
      case 'weekly':
        base = t('sessions.repeat.summaryWeekly', { days });
        break;
      case 'weeks':
        base = t('sessions.repeat.summaryWeeks', { count: Number(draft.interval) || 2, days });
        break;
      case 'monthly':
        base = t('sessions.repeat.summaryMonthly', { nth: t(`sessions.repeat.ordinal.${draft.monthWeek}`), day: weekdayName(draft.monthDay, locale) });
        break;
    }
    if (draft.end === 'count') return base + t('sessions.repeat.summaryCount', { count: Number(draft.count) || 0 });
    if (draft.end === 'until' && draft.until) return base + t('sessions.repeat.summaryUntil', { date: formatCalendarDate(draft.until, locale) });
    return base;
  };
}
