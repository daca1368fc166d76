import { useTranslation } from 'react-i18next';
import { isApiError } from '../../shared/api/api.error';
import { useErrorMessage } from '../../shared/i18n/use-error-message';

/** Refusals the engine words for people, in the page's language. */
const WORDED = new Set([400, 403, 404, 409]);

/** An absence's refusal as the engine words it ("… belongs to none of the departments of …"), else the generic sentence. */
export function useAbsenceError(): (error: unknown) => string {
  const { t } = useTranslation();
  const generic = useErrorMessage();
  return (error) => {
    if (isApiError(error) && WORDED.has(error.status) && error.message && !/^HTTP \d+$/.test(error.message)) {
      return t('absences.refused', { reason: error.message });
    }
    return generic(error);
  };
}
