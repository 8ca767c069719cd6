import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useModal } from './use-modal.ts';

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
  const modal = useModal();
  const id = useId();

  return (
    <>
      <button
        type="button"
        className={className ?? (danger ? 'button button-danger-quiet' : 'button button-secondary')}
        disabled={disabled}
        onClick={modal.show}
      >
        {label}
      </button>
      <dialog
        {...modal.dialogProps}
        className="dialog"
        aria-labelledby={modal.open ? `${id}-title` : undefined}
        aria-describedby={modal.open ? `${id}-body` : undefined}
      >
        {modal.open && (
          <>
            <h2 id={`${id}-title`}>{title}</h2>
            <p id={`${id}-body`}>{body}</p>
            <div className="actions">
              <button
                type="button"
                className={danger ? 'button button-danger' : 'button'}
                onClick={() => {
                  modal.close();
                  onConfirm();
                }}
              >
                {confirmLabel}
              </button>
              <button type="button" className="button button-secondary" onClick={modal.close}>
                {t('common.cancel')}
              </button>
            </div>
          </>
        )}
      </dialog>
    </>
  );
}
