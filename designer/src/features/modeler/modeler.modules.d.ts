/** The bpmn-io add-ons ship no TypeScript types: they are diagram-js modules, typed here as such. */
declare module 'bpmn-js-properties-panel' {
  import type { ModuleDeclaration } from 'didi';
  export const BpmnPropertiesPanelModule: ModuleDeclaration;
  export const BpmnPropertiesProviderModule: ModuleDeclaration;
  export const CamundaPlatformPropertiesProviderModule: ModuleDeclaration;
}
declare module 'bpmn-js-element-templates' {
  import type { ModuleDeclaration } from 'didi';
  export const ElementTemplatesPropertiesProviderModule: ModuleDeclaration;
}
declare module '@bpmn-io/element-template-chooser' {
  import type { ModuleDeclaration } from 'didi';
  const module: ModuleDeclaration;
  export default module;
}
declare module 'camunda-bpmn-js-behaviors/lib/camunda-platform' {
  import type { ModuleDeclaration } from 'didi';
  const module: ModuleDeclaration;
  export default module;
}
declare module 'bpmn-js-bpmnlint' {
  import type { ModuleDeclaration } from 'didi';
  const module: ModuleDeclaration;
  export default module;
}
declare module 'bpmn-js-token-simulation/lib/modeler' {
  import type { ModuleDeclaration } from 'didi';
  const module: ModuleDeclaration;
  export default module;
}
declare module 'bpmnlint/rules/*' {
  /** A bpmnlint rule factory (CommonJS); only the linter calls it. */
  const rule: unknown;
  export default rule;
}
