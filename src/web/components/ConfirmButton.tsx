import { useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface ConfirmButtonProps {
  /** The button that opens the question. */
  label: ReactNode;
  title: ReactNode;
  body: ReactNode;
  /** The confirming button: worded differently from `label` so both are distinct. */
  confirmLabel: ReactNode;
  onConfirm: () => void;
  disabled?: boolean;
  danger?: boolean;
  className?: string;
}

/**
 * Asks before an action that cannot be taken back. The native modal <dialog> traps focus,
 * closes on Escape and returns focus to the opening button.
 */
export function ConfirmButton({ label, title, body, confirmLabel, onConfirm, disabled, danger, className }: ConfirmButtonProps) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();

  return (
    <>
      <button
        type="button"
        className={className ?? (danger ? 'button button-danger-quiet' : 'button button-secondary')}
        disabled={disabled}
        onClick={() => dialog.current?.showModal()}
      >
        {label}
      </button>
      <dialog ref={dialog} className="dialog" aria-labelledby={`${id}-title`} aria-describedby={`${id}-body`}>
        <h2 id={`${id}-title`}>{title}</h2>
        <p id={`${id}-body`}>{body}</p>
        <div className="actions">
          <button
            type="button"
            className={danger ? 'button button-danger' : 'button'}
            onClick={() => {
              dialog.current?.close();
              onConfirm();
            }}
          >
            {confirmLabel}
          </button>
          <button type="button" className="button button-secondary" onClick={() => dialog.current?.close()}>
            {t('common.cancel')}
          </button>
        </div>
      </dialog>
    </>
  );
}
