import type { MailDirection, MailTypeDto } from '@diwan/contracts';
import { useCallback } from 'react';
import { useApiQuery } from '../api/use-api-query';
import { useLanguage } from '../i18n/use-language';

export const mailTypesPath = '/api/mail-types';

/** GET /api/mail-types, optionally for one direction and only the active ones. */
export function mailTypesQueryPath(filter: { direction?: MailDirection; active?: boolean } = {}): string {
  const params = new URLSearchParams();
  if (filter.direction) params.set('direction', filter.direction);
  if (filter.active !== undefined) params.set('active', String(filter.active));
  const query = params.toString();
  return query ? `${mailTypesPath}?${query}` : mailTypesPath;
}

/**
 * The mail types (a filter may keep one direction, active ones), and a function that names a
 * type in the current language; an unknown code (a type since removed) names itself.
 */
export function useMailTypes(filter: { direction?: MailDirection; active?: boolean } = {}) {
  const query = useApiQuery<MailTypeDto[]>(mailTypesQueryPath(filter));
  const language = useLanguage();
  const mailTypes = query.status === 'success' ? query.data : [];
  const labelOf = useCallback(
    (code: string) => mailTypes.find((type) => type.code === code)?.label[language] ?? (query.status === 'success' ? code : ''),
    [mailTypes, language, query.status],
  );
  return { query, mailTypes, labelOf };
}
