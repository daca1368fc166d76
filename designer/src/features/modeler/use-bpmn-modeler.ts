import type BpmnModeler from 'bpmn-js/lib/Modeler';
import type EventBus from 'diagram-js/lib/core/EventBus';
import { useEffect, useRef, useState } from 'react';
import type { Language } from '../../shared/i18n/language';
import { createModeler } from './modeler.factory';
import type { ImportWarning } from './modeler.import';

export type ModelerState = 'importing' | 'ready' | 'failed';

/**
 * One bpmn-js modeler for the lifetime of the page, on the two given elements (canvas and
 * properties panel), with the draft's XML imported once. A language switch relabels it in place.
 */
export function useBpmnModeler(xml: string, language: Language) {
  const canvasRef = useRef<HTMLDivElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const languageRef = useRef(language);
  const initialXml = useRef(xml);
  const [modeler, setModeler] = useState<BpmnModeler | null>(null);
  const [state, setState] = useState<ModelerState>('importing');
  const [importError, setImportError] = useState<unknown>(null);
  const [warnings, setWarnings] = useState<ImportWarning[]>([]);

  useEffect(() => {
    if (!canvasRef.current || !panelRef.current) return;
    const instance = createModeler({ canvas: canvasRef.current, panel: panelRef.current, language: () => languageRef.current });
    let cancelled = false;
    setState('importing');
    instance.importXML(initialXml.current).then(
      (result) => {
        if (cancelled) return;
        // typed as strings, given as { message, error } objects: take either
        setWarnings((result.warnings as unknown[]).map((w) => (typeof w === 'string' ? { message: w } : (w as ImportWarning))));
        instance.get<{ zoom: (to: string, center: unknown) => void }>('canvas').zoom('fit-viewport', 'auto');
        setModeler(instance);
        setState('ready');
      },
      (error: unknown) => {
        if (cancelled) return;
        setImportError(error);
        setState('failed');
      },
    );
    return () => {
      cancelled = true;
      instance.destroy();
      setModeler(null);
    };
  }, []);

  useEffect(() => {
    if (languageRef.current === language) return;
    languageRef.current = language;
    if (!modeler) return;
    modeler.get<{ _rebuild?: () => void }>('palette')._rebuild?.();
    modeler.get<EventBus>('eventBus').fire('propertiesPanel.providersChanged');
    modeler.get<EventBus>('eventBus').fire('modeler.languageChanged');
    // the lint button says its count when it lints
    modeler.get<{ update?: () => void }>('linting').update?.();
  }, [language, modeler]);

  return { canvasRef, panelRef, modeler, state, importError, warnings };
}

/** Subscribes to a modeler event while mounted. */
export function useModelerEvent<E>(modeler: BpmnModeler | null, event: string, handler: (e: E) => void): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    if (!modeler) return;
    const eventBus = modeler.get<EventBus>('eventBus');
    const listener = (e: unknown) => latest.current(e as E);
    eventBus.on(event, listener);
    return () => eventBus.off(event, listener);
  }, [modeler, event]);
}
