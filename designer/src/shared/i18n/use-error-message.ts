import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError, retryAfterSeconds } from '../api/api.error';
import { useFormatWait } from './format-duration';

const KNOWN_CODES = [
  'bad_input',
  'unauthorized',
  'not_allowed',
  'not_found',
  'conflict',
  'in_progress',
  'unavailable',
  'too_many_requests',
  'network',
  'unknown',
] as const;

/**
 * Turns any error into a sentence in the current language, by its ApiError code. The engine's
 * own `message` is English and for logs; users read the translation (with the wait it asks for,
 * on a 429).
 */
export function useErrorMessage(): (error: unknown) => string {
  const { t } = useTranslation();
  const formatWait = useFormatWait();
  // the same function until the language changes: effects may list it among their dependencies
  return useCallback(
    (error: unknown) => {
      const code = isApiError(error) ? error.code : 'unknown';
      // the engine names a refusal `forbidden` (NotAllowedError)
      const known = code === 'forbidden' ? 'not_allowed' : (KNOWN_CODES.find((candidate) => candidate === code) ?? 'unknown');
      const wait = retryAfterSeconds(error);
      if (known === 'too_many_requests' && wait !== null) return t('errors.too_many_requests_wait', { wait: formatWait(wait) });
      return t(`errors.${known}`);
    },
    [t, formatWait],
  );
}
