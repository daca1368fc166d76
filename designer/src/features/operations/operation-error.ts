import { useTranslation } from 'react-i18next';
import { isApiError } from '../../shared/api/api.error';
import { useErrorMessage } from '../../shared/i18n/use-error-message';

/** Refusals whose message the engine words for people, in the page's language (Accept-Language). */
const WORDED = new Set([400, 404, 409, 422]);

/**
 * An operation's failure in the user's language: the engine's own sentence for a refusal (it
 * answers in the language the page asked for: "this instance has ended", "no such step"), the
 * generic sentence of its kind for the rest (network, rights, server away).
 */
export function useOperationError(): (error: unknown) => string {
  const { t } = useTranslation();
  const generic = useErrorMessage();
  return (error) => {
    if (isApiError(error) && WORDED.has(error.status) && error.message && !/^HTTP \d+$/.test(error.message)) {
      return t('operations.refused', { reason: error.message });
    }
    return generic(error);
  };
}
