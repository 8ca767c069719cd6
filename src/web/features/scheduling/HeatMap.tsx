import { useTranslation } from 'react-i18next';
import type { TimeFinderResult } from '../../../shared/api/scheduling.schemas.ts';
import { dayName, hourLabel, WEEK_ORDER } from './scheduling-format.ts';

/** The three score arrays, on the group's week grid or re-indexed on the viewer's. */
export type HeatArrays = Pick<TimeFinderResult['heatmap'], 'available' | 'partial' | 'mustHaveMissing'>;

const LEVELS = 5;

/** 0 (nobody) … 5 (everyone), or 'blocked' when a must-have person cannot come. */
function level(available: number, total: number, blocked: boolean): string {
  if (blocked) return 'heat-blocked';
  if (total === 0 || available === 0) return 'heat-0';
  return `heat-${Math.max(1, Math.round((available / total) * LEVELS))}`;
}

/**
 * The week at 15-minute steps: one row per hour, one column per day, each cell split into
 * its four quarter hours. A real table, so each cell is read with its day and hour, and
 * each cell says in words the best count of its hour.
 */
export function HeatMap({ heat, total, zone }: { heat: HeatArrays; total: number; zone: string }) {
  const { t, i18n } = useTranslation();
  const city = zone.replace(/_/g, ' ');
  return (
    <section className="section" aria-labelledby="heat-title" data-testid="heat-map">
      <h2 id="heat-title">{t('scheduling.finder.heatTitle')}</h2>
      <p className="hint">{t('scheduling.finder.heatHint', { zone: city })}</p>
      <HeatLegend />
      <div className="heat-scroll">
        <table className="heat-table">
          <caption className="visually-hidden">{t('scheduling.finder.heatCaption', { zone: city })}</caption>
          <thead>
            <tr>
              <td className="heat-corner" />
              {WEEK_ORDER.map((day) => (
                <th key={day} scope="col" abbr={dayName(day, i18n.language)}>
                  {dayName(day, i18n.language, 'short')}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: 24 }, (_, hour) => (
              <tr key={hour}>
                <th scope="row" className="heat-hour">
                  {hourLabel(hour)}
                </th>
                {WEEK_ORDER.map((day) => {
                  const base = day * 96 + hour * 4;
                  const quarters = [0, 1, 2, 3].map((q) => ({
                    available: heat.available[base + q] ?? 0,
                    blocked: (heat.mustHaveMissing[base + q] ?? 0) > 0,
                  }));
                  const open = quarters.filter((q) => !q.blocked);
                  const best = Math.max(0, ...open.map((q) => q.available));
                  const label =
                    open.length === 0
                      ? t('scheduling.finder.heatCellBlocked', { day: dayName(day, i18n.language), hour: hourLabel(hour) })
                      : t('scheduling.finder.heatCell', { day: dayName(day, i18n.language), hour: hourLabel(hour), count: best, total });
                  return (
                    <td key={day} className="heat-cell">
                      <span className="visually-hidden">{label}</span>
                      <span className="heat-quarters" aria-hidden="true">
                        {quarters.map((q, i) => (
                          <span key={i} className={`heat-quarter ${level(q.available, total, q.blocked)}`} />
                        ))}
                      </span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function HeatLegend() {
  const { t } = useTranslation();
  const items = [
    ['heat-0', t('scheduling.finder.legendNone')],
    ['heat-1', ''],
    ['heat-2', ''],
    ['heat-3', ''],
    ['heat-4', ''],
    ['heat-5', t('scheduling.finder.legendAll')],
    ['heat-blocked', t('scheduling.finder.legendBlocked')],
  ] as const;
  return (
    <div className="heat-legend">
      <ul>
        {items.map(([cls, label]) => (
          <li key={cls}>
            <span className={`heat-swatch ${cls}`} aria-hidden="true" />
            {label}
          </li>
        ))}
      </ul>
    </div>
  );
}
