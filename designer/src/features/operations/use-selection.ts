import { useCallback, useMemo, useState } from 'react';

/** Which rows of a list are ticked; ids no longer listed drop out by themselves. */
export function useSelection(ids: readonly string[]) {
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  const selected = useMemo(() => ids.filter((id) => ticked.has(id)), [ids, ticked]);
  const toggle = useCallback((id: string) => {
    setTicked((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  }, []);
  const all = ids.length > 0 && selected.length === ids.length;
  const toggleAll = useCallback(() => setTicked(all ? new Set() : new Set(ids)), [all, ids]);
  const clear = useCallback(() => setTicked(new Set()), []);
  return { selected, isSelected: (id: string) => ticked.has(id), toggle, all, toggleAll, clear };
}
