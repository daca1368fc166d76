import { useCallback, useEffect, useRef, useState } from 'react';
import { isApiError } from '../../shared/api/api.error';
import { saveDraft, type CircuitDecision, type CircuitForm } from './modeler.api';

export type SaveState = 'saved' | 'dirty' | 'saving' | 'conflict' | 'error';

export const AUTOSAVE_DELAY_MS = 1500;

interface AutosaveOptions {
  draftId: string;
  revision: number;
  /** The working copy to save: the modeler's XML and the draft's forms and decisions. */
  exportDraft: () => Promise<{ xml: string; forms: CircuitForm[]; decisions: CircuitDecision[] }>;
}

/**
 * Debounced save of the working copy: each change (re)arms a 1.5 s timer, one save runs at a
 * time with the revision it was loaded or last saved at, and a 409 (someone saved in between)
 * stops saving until the page is reloaded. `flush` saves now, for deploying and versioning.
 */
export function useAutosave({ draftId, revision, exportDraft }: AutosaveOptions) {
  const [state, setState] = useState<SaveState>('saved');
  const [error, setError] = useState<unknown>(null);
  const revisionRef = useRef(revision);
  const generation = useRef(0);
  const savedGeneration = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const conflict = useRef(false);
  const exporter = useRef(exportDraft);
  useEffect(() => {
    exporter.current = exportDraft;
  });

  const save = useCallback(async (): Promise<void> => {
    if (conflict.current || savedGeneration.current === generation.current) return;
    const saving = generation.current;
    setState('saving');
    try {
      const payload = await exporter.current();
      const saved = await saveDraft(draftId, { ...payload, revision: revisionRef.current });
      revisionRef.current = saved.revision;
      savedGeneration.current = saving;
      setError(null);
      setState(generation.current === saving ? 'saved' : 'dirty');
    } catch (err) {
      setError(err);
      if (isApiError(err) && err.status === 409) {
        conflict.current = true;
        setState('conflict');
      } else {
        setState('error');
      }
    }
  }, [draftId]);

  /** Saves one after the other, never two at once (they would carry the same revision). */
  const run = useCallback((): Promise<void> => {
    const next = queue.current.then(save);
    queue.current = next;
    return next;
  }, [save]);

  const schedule = useCallback(() => {
    if (conflict.current) return;
    generation.current += 1;
    setState('dirty');
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      void run();
    }, AUTOSAVE_DELAY_MS);
  }, [run]);

  /** Saves what is pending now; resolves true when the working copy on the server is current. */
  const flush = useCallback(async (): Promise<boolean> => {
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    await run();
    return !conflict.current && savedGeneration.current === generation.current;
  }, [run]);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  return { state, error, schedule, flush };
}
