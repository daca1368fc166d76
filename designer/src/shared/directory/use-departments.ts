import { useCallback } from 'react';
import { useApiQuery } from '../api/use-api-query';
import { useLanguage } from '../i18n/use-language';
import type { DepartmentDto } from './directory.types';

/** The departments, and a function that names one in the current language (its code if unknown). */
export function useDepartments() {
  const query = useApiQuery<DepartmentDto[]>('/api/departments');
  const language = useLanguage();
  const departments = query.status === 'success' ? query.data : [];
  const nameOf = useCallback(
    (code: string) => departments.find((d) => d.code === code)?.name[language] ?? code,
    [departments, language],
  );
  return { query, departments, nameOf };
}
