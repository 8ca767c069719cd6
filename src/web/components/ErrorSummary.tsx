import { useEffect, useRef, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormErrors } from './form-errors.ts';

/** Focus the field itself, or the first control inside a fieldset. */
function focusTarget(event: MouseEvent<HTMLAnchorElement>, id: string): void {
  const target = document.getElementById(id);
  if (!target) return;
  event.preventDefault();
  const control = target.matches('input, select, textarea, button') ? target : target.querySelector<HTMLElement>('input, select, textarea, button');
  (control ?? target).focus();
  (control ?? target).scrollIntoView({ block: 'center' });
}

/**
 * The list of what went wrong, at the top of a form. It takes focus when it appears so
 * keyboard and screen-reader users land on it, and each item jumps to its field. It has
 * no accessible name of its own: its title ("…password do not match…") would otherwise
 * pass for the label of a field.
 */
export function ErrorSummary({ errors }: { errors: FormErrors }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const visible = errors.title !== null || errors.items.length > 0;

  useEffect(() => {
    if (visible) ref.current?.focus();
  }, [errors.source, visible]);

  if (!visible) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref}>
      <h2 className="error-summary-title">{errors.title ?? t('errors.summaryTitle')}</h2>
      {errors.items.length > 0 && (
        <ul>
          {errors.items.map((item, i) => (
            <li key={i}>
              {item.targetId ? (
                <a href={`#${item.targetId}`} onClick={(e) => focusTarget(e, item.targetId ?? '')}>
                  {item.message}
                </a>
              ) : (
                item.message
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
