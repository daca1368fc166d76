import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../i18n/use-error-message';

interface ErrorMessageProps {
  title?: string;
  error: unknown;
  onRetry?: () => void;
  testId?: string;
}

/** An error box: a title, the translated reason, and a retry button when there is one. */
export function ErrorMessage({ title, error, onRetry, testId }: ErrorMessageProps) {
  const { t } = useTranslation();
  const reason = useErrorMessage();
  return (
    <div className="alert alert--error" role="alert" data-testid={testId}>
      {title && <p className="alert__title">{title}</p>}
      <p>{reason(error)}</p>
      {onRetry && (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}
