import { useEffect, useState } from 'react';
import { apiFetch } from '../../shared/api/api.client';
import { circuitVersionsPath, type CircuitVersionDto } from './operations.api';

/**
 * The version of each process definition of these circuits, as people know a circuit's edition.
 * The runtime's ids (`key:version:uuid`, or a bare uuid when that would pass 64 characters) can't
 * be trusted to carry it, so the versions come from the engine, once per circuit key.
 */
export function useDefinitionVersions(keys: readonly string[]): ReadonlyMap<string, number> {
  const [versions, setVersions] = useState<ReadonlyMap<string, number>>(new Map());
  const wanted = [...new Set(keys)].sort().join('\n');
  useEffect(() => {
    if (!wanted) return;
    const controller = new AbortController();
    Promise.all(
      wanted.split('\n').map((key) => apiFetch<CircuitVersionDto[]>(circuitVersionsPath(key), { signal: controller.signal }).catch(() => [] as CircuitVersionDto[])),
    ).then(
      (lists) => setVersions(new Map(lists.flat().map((v) => [v.id, v.version]))),
      () => undefined,
    );
    return () => controller.abort();
  }, [wanted]);
  return versions;
}
