import { useTranslation } from 'react-i18next';
import { isApiError, retryAfterSeconds } from '../../shared/api/api.error';
import { useFormatWait } from '../../shared/i18n/format-duration';

/** The portal's refusals in the reader's language, by the engine's error code (never its English message). */
export function usePortalError(): (error: unknown) => string {
  const { t } = useTranslation();
  const formatWait = useFormatWait();
  return (error) => {
    if (!isApiError(error)) return t('portal.errors.unknown');
    const details = (error.details ?? {}) as { reason?: string; triesLeft?: number };
    if (error.status === 429) return t('portal.errors.tooMany', { wait: formatWait(retryAfterSeconds(error) ?? 60) });
    if (error.status === 413) return t('portal.errors.tooLarge');
    if (error.status === 415) return t('portal.errors.fileType');
    if (details.reason === 'wrongCode') return t('portal.errors.wrongCode', { count: details.triesLeft ?? 0 });
    if (details.reason === 'locked') return t('portal.errors.locked');
    if (details.reason === 'expired') return t('portal.errors.expired');
    if (error.status === 400 || error.status === 422) return t('portal.errors.badInput');
    if (error.status === 404) return t('portal.errors.notFound');
    if (error.code === 'network') return t('portal.errors.network');
    return t('portal.errors.unknown');
  };
}
