import { useEffect, useRef, useState } from 'react';

/**
 * A native modal <dialog> whose content exists only while it is open, so that closed
 * dialogs add nothing to the page's text (a member's name in every row's hidden dialog
 * would otherwise appear several times). Escape and `close()` both end up in `onClose`.
 */
export function useModal() {
  const ref = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    const dialog = ref.current;
    if (open && dialog && !dialog.open) dialog.showModal();
  }, [open]);

  return {
    ref,
    open,
    show: () => setOpen(true),
    close: () => ref.current?.close(),
    dialogProps: { ref, onClose: () => setOpen(false) },
  };
}
