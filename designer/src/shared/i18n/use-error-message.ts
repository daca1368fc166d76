import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/api.error';

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
 * own `message` is English and for logs; users read the translation.
 */
export function useErrorMessage(): (error: unknown) => string {
  const { t } = useTranslation();
  // the same function until the language changes: effects may list it among their dependencies
  return useCallback(
    (error: unknown) => {
      const code = isApiError(error) ? error.code : 'unknown';
      // the engine names a refusal `forbidden` (NotAllowedError)
      const known = code === 'forbidden' ? 'not_allowed' : (KNOWN_CODES.find((candidate) => candidate === code) ?? 'unknown');
      return t(`errors.${known}`);
    },
    [t],
  );
}
