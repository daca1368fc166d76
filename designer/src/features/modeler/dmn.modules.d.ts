/** dmn-js ships no TypeScript types: the part of its Modeler (a view manager) that the designer uses. */
declare module 'dmn-js/lib/Modeler' {
  import type { ModuleDeclaration } from 'didi';

  export interface DmnView {
    type: 'drd' | 'decisionTable' | 'literalExpression' | 'boxedExpression';
    element: { id: string; name?: string };
  }

  export interface DmnViewer {
    on(event: string, callback: (event: unknown) => void): void;
    get<T>(name: string): T;
  }

  interface ViewOptions {
    additionalModules?: ModuleDeclaration[];
  }

  export interface DmnModelerOptions {
    container?: HTMLElement;
    common?: ViewOptions & { expressionLanguages?: { options: { value: string; label: string }[]; defaults?: Record<string, string> }; dataTypes?: string[] };
    drd?: ViewOptions;
    decisionTable?: ViewOptions;
    literalExpression?: ViewOptions;
    boxedExpression?: ViewOptions;
  }

  export default class DmnModeler {
    constructor(options?: DmnModelerOptions);
    importXML(xml: string): Promise<{ warnings: unknown[] }>;
    saveXML(options?: { format?: boolean }): Promise<{ xml: string }>;
    getViews(): DmnView[];
    getActiveView(): DmnView | undefined;
    getActiveViewer(): DmnViewer | undefined;
    open(view: DmnView): Promise<unknown>;
    on(event: 'viewer.created', callback: (event: { viewer: DmnViewer }) => void): void;
    on(event: string, callback: (event: unknown) => void): void;
    destroy(): void;
  }
}
