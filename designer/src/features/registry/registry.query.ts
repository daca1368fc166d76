import type { MailQuery } from '@diwan/contracts';

/** The open work a dashboard count links to (see the engine's mail query): shown as a banner, not in the form. */
export const OPEN_WORK_KEYS = ['work', 'openIn', 'assignee', 'riskDays', 'circuit', 'mailType'] as const;
export type OpenWorkKey = (typeof OPEN_WORK_KEYS)[number];

/** The registry's filters as they sit in the URL (so a search can be bookmarked and shared). */
export const FILTER_KEYS = ['q', 'chronoNumber', 'correspondent', 'status', 'direction', 'department', 'from', 'to', ...OPEN_WORK_KEYS] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type RegistryFilters = Record<FilterKey, string>;
export type RegistrySort = MailQuery['sort'];
export const SORTABLE = ['registeredAt', 'dueDate', 'priority'] as const;
export const PAGE_SIZE = 25;

export function filtersOf(params: URLSearchParams): RegistryFilters {
  return Object.fromEntries(FILTER_KEYS.map((key) => [key, params.get(key) ?? ''])) as RegistryFilters;
}

export function sortOf(params: URLSearchParams): RegistrySort {
  const sort = params.get('sort');
  const allowed = SORTABLE.flatMap((key) => [key, `-${key}`]);
  return (allowed.includes(sort ?? '') ? sort : '-registeredAt') as RegistrySort;
}

export function pageOf(params: URLSearchParams): number {
  const page = Number(params.get('page'));
  return Number.isInteger(page) && page > 0 ? page : 1;
}

/** The engine path for this search; `csv` asks for the whole result as a file. */
export function registryPath(params: URLSearchParams, format: 'json' | 'csv' = 'json'): string {
  const query = new URLSearchParams();
  const filters = filtersOf(params);
  for (const key of FILTER_KEYS) if (filters[key].trim()) query.set(key, filters[key].trim());
  query.set('sort', sortOf(params));
  if (format === 'csv') query.set('format', 'csv');
  else {
    query.set('page', String(pageOf(params)));
    query.set('pageSize', String(PAGE_SIZE));
  }
  return `/api/mails?${query.toString()}`;
}

/** New URL params: these filters, the current sort, back to page 1. */
export function withFilters(params: URLSearchParams, filters: RegistryFilters): URLSearchParams {
  const next = new URLSearchParams();
  for (const key of FILTER_KEYS) if (filters[key].trim()) next.set(key, filters[key].trim());
  const sort = params.get('sort');
  if (sort) next.set('sort', sort);
  return next;
}

export function withParam(params: URLSearchParams, key: 'sort' | 'page', value: string): URLSearchParams {
  const next = new URLSearchParams(params);
  next.set(key, value);
  if (key === 'sort') next.delete('page');
  return next;
}

/** The same search without the dashboard's open-work filter, back to page 1. */
export function withoutOpenWork(params: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const key of [...OPEN_WORK_KEYS, 'page']) next.delete(key);
  return next;
}
