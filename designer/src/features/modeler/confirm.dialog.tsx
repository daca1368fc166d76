import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

interface ConfirmDialogProps {
  title: string;
  body: string;
  confirmLabel: string;
  busy?: boolean;
  onConfirm: () => void;
  onClose: () => void;
  testId: string;
}

/** A modal <dialog> asking to confirm a destructive act; Escape or "Cancel" close it. */
export function ConfirmDialog({ title, body, confirmLabel, busy = false, onConfirm, onClose, testId }: ConfirmDialogProps) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  return (
    <dialog ref={dialog} className="confirm-dialog" aria-labelledby={`${testId}-title`} aria-describedby={`${testId}-body`} onClose={onClose} data-testid={testId}>
      <h2 id={`${testId}-title`} className="confirm-dialog__title">
        {title}
      </h2>
      <p id={`${testId}-body`} className="confirm-dialog__body">
        {body}
      </p>
      <div className="confirm-dialog__actions">
        <button type="button" className="button button--ghost" data-testid={`${testId}-cancel`} onClick={() => dialog.current?.close()}>
          {t('common.cancel')}
        </button>
        <button type="button" className="button button--danger" data-testid={`${testId}-confirm`} disabled={busy} onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
