import { useCallback, useRef } from 'react';
import { useSearchParams, type NavigateOptions } from 'react-router-dom';

/**
 * The page's query parameters, and a way to change some of them while keeping the others.
 *
 * React Router's own functional update reads the parameters of the last render, and its navigation
 * commits later (a transition), so two quick changes (a metric, then a period) would lose the
 * first. Here each change starts from the last one asked for, until the address shows it (or the
 * user goes elsewhere).
 */
export function useSearchUpdate() {
  const [search, setSearch] = useSearchParams();
  const shown = useRef(search.toString());
  /** Changes asked for and not shown yet, oldest first. */
  const asked = useRef<string[]>([]);
  const now = search.toString();
  if (now !== shown.current) {
    shown.current = now;
    const at = asked.current.indexOf(now);
    asked.current = at >= 0 ? asked.current.slice(at + 1) : [];
  }
  const update = useCallback(
    (change: (current: URLSearchParams) => URLSearchParams, options?: NavigateOptions) => {
      const next = change(new URLSearchParams(asked.current.at(-1) ?? shown.current));
      asked.current.push(next.toString());
      setSearch(next, options);
    },
    [setSearch],
  );
  return [search, update] as const;
}
