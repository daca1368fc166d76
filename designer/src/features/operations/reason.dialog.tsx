import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The engine's rule (contracts/src/operations.dto.ts): 3 to 500 characters. */
export const REASON_MIN = 3;
export const REASON_MAX = 500;

interface ReasonDialogProps {
  title: string;
  /** What will happen, in words, with its count. */
  children: ReactNode;
  confirmLabel: string;
  /** Runs the act; a failure message (already in words) keeps the dialog open. */
  onConfirm: (reason: string) => Promise<string | null>;
  onClose: () => void;
  testId: string;
}

/**
 * Every destructive act goes through this modal <dialog>: it says what will happen, asks why
 * (the reason is audited), and only then lets the user confirm. The act runs while the dialog
 * stays open, so that a refusal shows where the user is looking.
 */
export function ReasonDialog({ title, children, confirmLabel, onConfirm, onClose, testId }: ReasonDialogProps) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const reasonId = useId();
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  const valid = reason.trim().length >= REASON_MIN;

  async function confirm() {
    setTouched(true);
    if (!valid || busy) return;
    setBusy(true);
    setFailure(null);
    const problem = await onConfirm(reason.trim());
    setBusy(false);
    if (problem) setFailure(problem);
    else dialog.current?.close();
  }

  return (
    <dialog ref={dialog} className="dialog operations-dialog" aria-labelledby={titleId} onClose={onClose} data-testid={testId}>
      <form
        method="dialog"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void confirm();
        }}
      >
        <h2 id={titleId}>{title}</h2>
        <div className="operations-dialog__summary">{children}</div>
        <div className={`field${touched && !valid ? ' field--invalid' : ''}`}>
          <label htmlFor={reasonId} className="field__label">
            {t('operations.reason.label')}
            <span className="field__required" aria-hidden="true">
              {' *'}
            </span>
          </label>
          <textarea
            id={reasonId}
            className="field__input"
            rows={3}
            maxLength={REASON_MAX}
            dir="auto"
            value={reason}
            data-testid="operations-reason"
            aria-invalid={touched && !valid ? true : undefined}
            aria-describedby={`${reasonId}-hint`}
            onChange={(event) => setReason(event.target.value)}
          />
          <p id={`${reasonId}-hint`} className={touched && !valid ? 'field__error' : 'field__hint'}>
            {t('operations.reason.hint', { min: REASON_MIN })}
          </p>
        </div>
        {failure && (
          <p className="alert alert--error" role="alert" data-testid="operations-dialog-error">
            {failure}
          </p>
        )}
        <div className="dialog__actions">
          <button type="button" className="button button--ghost" disabled={busy} onClick={() => dialog.current?.close()}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy} aria-busy={busy} data-testid="operations-confirm">
            {busy ? t('operations.working') : confirmLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
